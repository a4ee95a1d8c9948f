import { CsvError, parse } from 'csv-parse/sync';
import type { SheetRead } from './model';

/**
 * The rows of a CSV file as Excel shows them (`rows[0]` is row 1): `;` (German Excel) or `,` (or tab)
 * as the header row uses it. Empty lines stay, so row numbers match.
 */
export function readCsv(text: string): SheetRead {
	// One kind of line break: a file pieced together from several editors may mix them.
	const normalised = text.replace(/\r\n?/g, '\n');
	try {
		const rows = parse(normalised, {
			delimiter: delimiterOf(normalised),
			relax_column_count: true,
			relax_quotes: true,
			skip_empty_lines: false
		});
		return { ok: true, rows, warnings: [] };
	} catch (error) {
		if (!(error instanceof CsvError)) throw error;
		// `records` counts the rows read before the broken one.
		const row = typeof error.records === 'number' ? error.records + 1 : undefined;
		return {
			ok: false,
			problems: [
				{
					row,
					message:
						error.code === 'CSV_QUOTE_NOT_CLOSED'
							? 'Hier beginnt ein Anführungszeichen („"“), das nie geschlossen wird. Speichern Sie die Tabelle in Excel erneut als CSV.'
							: 'Diese Zeile der CSV-Datei ist nicht lesbar. Speichern Sie die Tabelle in Excel erneut als CSV.'
				}
			]
		};
	}
}

/** The separator the header row uses most, outside quotes; `;` when it is not clear. */
function delimiterOf(text: string): string {
	const header = text.split('\n').find((line) => line.trim() !== '') ?? '';
	const unquoted = header.replace(/"[^"]*"/g, '');
	const counts = [';', ',', '\t'].map((d) => ({ d, n: unquoted.split(d).length - 1 }));
	const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
	return best.n > 0 ? best.d : ';';
}
