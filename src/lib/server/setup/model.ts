import type { Contact } from '../db/schema';

/** One Themeninsel of a set-up, as imported from a file and shown in the preview. */
export type SetupStation = {
	title: string;
	contacts: Contact[];
	offers: { title: string; description: string }[];
};

export type SetupPrompts = { vote: string; cards: string[]; feedback: string };

/**
 * What an import puts into an event: its Themeninseln and, from a JSON file, its prompts
 * (a spreadsheet has none, so the event keeps its own).
 */
export type EventSetup = {
	stations: SetupStation[];
	prompts?: SetupPrompts;
	/** German notes the organiser should read before confirming; nothing is wrong. */
	warnings: string[];
};

/**
 * A reason the file can't be imported, in German. `row` is the row as Excel numbers it (the header is
 * row 1) or, for a broken JSON file, the line; `column` is a spreadsheet column or a place in the JSON file.
 */
export type SetupProblem = { row?: number; column?: string; message: string };

/** Cell texts by row, `rows[0]` being Excel's row 1; or why the file can't be read. */
export type SheetRead = { ok: true; rows: string[][]; warnings: string[] } | { ok: false; problems: SetupProblem[] };

export type SetupParseResult = { ok: true; setup: EventSetup } | { ok: false; problems: SetupProblem[] };

/** Spreadsheet columns, in the order of the template. */
export const SHEET_COLUMNS = ['Themeninsel', 'Angebot', 'Beschreibung', 'Kontakt', 'Web'] as const;
/** Accepted besides the template's columns, for contacts that are reached by e-mail. */
export const OPTIONAL_SHEET_COLUMNS = ['E-Mail'] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number] | (typeof OPTIONAL_SHEET_COLUMNS)[number];

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;
/** A city department's offers fit in far fewer; more is a wrong sheet, and the error list stays readable. */
export const MAX_SHEET_ROWS = 2000;
/** More problems than this are counted, not listed: a wrong sheet can fail in every row. */
export const MAX_LISTED_PROBLEMS = 100;

export function countOffers(setup: Pick<EventSetup, 'stations'>): number {
	return setup.stations.reduce((n, s) => n + s.offers.length, 0);
}
