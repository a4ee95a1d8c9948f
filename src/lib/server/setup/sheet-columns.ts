import { OPTIONAL_SHEET_COLUMNS, SHEET_COLUMNS, type SetupProblem, type SheetColumn } from './model';
import { oneLine, quoted } from './text';

// Header names as departments actually write them, after `key()`.
const NAMES: Record<SheetColumn, string[]> = {
	Themeninsel: ['themeninsel', 'themeninseln', 'insel', 'thema', 'themen', 'station', 'tisch'],
	Angebot: ['angebot', 'angebote', 'angebotstitel', 'titel', 'titeldesangebots', 'namedesangebots'],
	Beschreibung: ['beschreibung', 'angebotsbeschreibung', 'kurzbeschreibung', 'erlaeuterung', 'details', 'inhalt'],
	Kontakt: ['kontakt', 'kontakte', 'ansprechpartner', 'ansprechpartnerin', 'ansprechpartnerinnen', 'ansprechperson', 'fachbereich', 'bereich', 'abteilung', 'dienststelle', 'anbieter', 'traeger'],
	Web: ['web', 'webseite', 'website', 'webadresse', 'internet', 'internetseite', 'internetadresse', 'homepage', 'url', 'link', 'www'],
	'E-Mail': ['email', 'mail', 'emailadresse', 'mailadresse']
};
const REQUIRED: SheetColumn[] = ['Themeninsel', 'Angebot'];
const EXPECTED = SHEET_COLUMNS.join('; ');

/** Case, umlauts (ä or ae), spaces, hyphens, stars and notes in brackets don't matter: "Web-Seite (URL)*" is "webseite". */
function key(header: string): string {
	return oneLine(header)
		.toLocaleLowerCase('de')
		.replace(/\(.*?\)|\[.*?\]/g, '')
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.replace(/[^a-z0-9]/g, '');
}

function columnOf(header: string): SheetColumn | undefined {
	const k = key(header);
	return [...SHEET_COLUMNS, ...OPTIONAL_SHEET_COLUMNS].find((c) => NAMES[c].includes(k));
}

export type SheetHeader =
	| { ok: true; columns: Partial<Record<SheetColumn, number>>; warnings: string[] }
	| { ok: false; problems: SetupProblem[] };

/** Which cell holds which column, from the header row (`row` as Excel numbers it). */
export function readHeader(cells: readonly string[], row: number): SheetHeader {
	const columns: Partial<Record<SheetColumn, number>> = {};
	const problems: SetupProblem[] = [];
	const ignored: string[] = [];
	cells.forEach((cell, index) => {
		const header = oneLine(cell);
		if (!header) return;
		const column = columnOf(header);
		if (!column) ignored.push(header);
		else if (columns[column] !== undefined) {
			problems.push({ row, column, message: `Die Spalte ${column} kommt zweimal vor. Löschen oder benennen Sie eine davon um.` });
		} else columns[column] = index;
	});

	if (Object.keys(columns).length === 0) {
		return {
			ok: false,
			problems: [
				{
					row,
					message: `Die erste Zeile muss die Spaltennamen enthalten: ${EXPECTED}. Am einfachsten laden Sie die Vorlage herunter und übertragen Ihre Angebote hinein.`
				}
			]
		};
	}
	for (const column of REQUIRED) {
		if (columns[column] === undefined) {
			problems.push({ row, column, message: `Die Spalte ${column} fehlt in der Kopfzeile. Erwartet werden die Spalten ${EXPECTED}.` });
		}
	}
	if (problems.length > 0) return { ok: false, problems };

	const warnings = SHEET_COLUMNS.filter((c) => columns[c] === undefined).map(
		(c) => `Die Tabelle hat keine Spalte ${c}; dieses Feld bleibt leer.`
	);
	if (ignored.length > 0) {
		warnings.push(`Nicht übernommen werden die Spalten ${ignored.map((h) => quoted(h, 40)).join(', ')}.`);
	}
	return { ok: true, columns, warnings };
}
