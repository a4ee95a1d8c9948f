/**
 * One table of the raw data export, written as a CSV file and as a sheet of the Excel workbook.
 * A cell's type decides how it is written: text stays text (never a formula), a number a number,
 * a Date a time in Europe/Berlin; `null` is an empty cell.
 */
export type Cell = string | number | Date | null;

export type Column = {
	header: string;
	/** Width in the workbook, in characters. */
	width: number;
	/** `share`: a number from 0 to 1, shown as a percentage. */
	format?: 'share';
};

export type Table = {
	/** For the CSV file's name and its URL: lower case, ASCII. */
	slug: string;
	/** The sheet's name in the workbook (at most 31 characters). */
	title: string;
	columns: Column[];
	rows: Cell[][];
};

/** The status of a card or feedback entry, as organisers read it. */
export const STATUS_LABEL = { visible: 'sichtbar', held: 'zurückgehalten', hidden: 'ausgeblendet' } as const;
