import ExcelJS from 'exceljs';
import type { SheetRead } from './model';
import { quoted } from './text';

const NO_CELLS: string[] = [];

/** The rows of the first worksheet of an .xlsx file, as cell texts; `rows[0]` is row 1. */
export async function readXlsx(bytes: Uint8Array): Promise<SheetRead> {
	const workbook = new ExcelJS.Workbook();
	try {
		// exceljs declares its own `Buffer` (an ArrayBuffer); a Node Buffer is what it reads.
		await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
	} catch {
		return {
			ok: false,
			problems: [{ message: 'Die Excel-Datei kann nicht gelesen werden. Öffnen Sie sie in Excel und speichern Sie sie erneut als „Excel-Arbeitsmappe (.xlsx)“.' }]
		};
	}
	const sheet = workbook.worksheets[0];
	if (!sheet) return { ok: false, problems: [{ message: 'Die Excel-Datei enthält kein Tabellenblatt.' }] };

	const rows: string[][] = [];
	sheet.eachRow({ includeEmpty: false }, (row, number) => {
		const cells: string[] = [];
		row.eachCell({ includeEmpty: false }, (cell, column) => {
			cells[column - 1] = textOf(cell.value);
		});
		rows[number - 1] = Array.from(cells, (c) => c ?? '');
	});
	const others = workbook.worksheets.length - 1;
	const warnings =
		others > 0
			? [`Gelesen wurde nur das erste Tabellenblatt ${quoted(sheet.name)}; ${others === 1 ? 'das zweite bleibt' : `die anderen ${others} bleiben`} unberücksichtigt.`]
			: [];
	return { ok: true, rows: Array.from(rows, (r) => r ?? NO_CELLS), warnings };
}

/** What Excel shows in a cell. Error values (#NV) count as empty, so a missing offer is reported as missing. */
function textOf(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return value.toLocaleDateString('de-DE', { timeZone: 'UTC' });
	if ('richText' in value) return value.richText.map((part) => part.text).join('');
	if ('hyperlink' in value) return textOf(value.text as ExcelJS.CellValue) || value.hyperlink.replace(/^mailto:/i, '');
	if ('formula' in value || 'sharedFormula' in value) return textOf(value.result as ExcelJS.CellValue);
	return '';
}
