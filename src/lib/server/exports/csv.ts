import { stringify } from 'csv-stringify/sync';
import { berlinText } from './berlin-time';
import type { Cell, Table } from './table';

// A cell that starts like this would be run as a formula by Excel, LibreOffice and Google Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The table as a CSV file German Excel opens by double-click: UTF-8 with BOM (or umlauts break),
 * `;` between cells, CRLF between rows, decimal commas.
 */
export function tableCsv(table: Table): Buffer {
	const text = stringify([table.columns.map((c) => c.header), ...table.rows.map((row) => row.map((cell, i) => csvCell(cell, table.columns[i]?.format)))], {
		delimiter: ';',
		record_delimiter: '\r\n',
		bom: true
	});
	return Buffer.from(text, 'utf8');
}

function csvCell(cell: Cell, format: 'share' | undefined): string {
	if (cell === null) return '';
	if (cell instanceof Date) return berlinText(cell);
	if (typeof cell === 'number') {
		return format === 'share' ? `${germanNumber(cell * 100, 1)}%` : germanNumber(cell);
	}
	return neutraliseFormula(cell);
}

const germanNumber = (n: number, digits?: number) => (digits === undefined ? String(n) : n.toFixed(digits)).replace('.', ',');

/** A leading `'` makes the spreadsheet show the text instead of running it (CSV injection). */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}
