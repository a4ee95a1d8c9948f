import { decodeText } from './decode-text';
import { MAX_UPLOAD_BYTES, type EventSetup, type SetupProblem, type SheetRead } from './model';
import { parseSetupJson } from './parse-json';
import { parseSetupSheet } from './parse-sheet';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';

export type SetupFormat = 'json' | 'sheet';
export type Upload = { name: string; type: string; bytes: Uint8Array };
export type UploadResult =
	| { ok: true; format: SetupFormat; setup: EventSetup }
	| { ok: false; format?: SetupFormat; problems: SetupProblem[] };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The old binary Excel format, and also how Excel stores a password-protected .xlsx.
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The size a file may have, in German: "2 MB". */
export const MAX_UPLOAD_SIZE = `${MAX_UPLOAD_BYTES / 1024 / 1024} MB`;

export function sizeProblem(size: number): string | undefined {
	if (size === 0) return 'Die Datei ist leer.';
	if (size > MAX_UPLOAD_BYTES) {
		// Rounded up, so a file just over the limit does not read as "2 MB".
		const mb = (Math.ceil((size / 1024 / 1024) * 10) / 10).toLocaleString('de-DE');
		return `Die Datei ist zu groß (${mb} MB); erlaubt sind höchstens ${MAX_UPLOAD_SIZE}. Entfernen Sie z. B. Bilder aus der Tabelle.`;
	}
	return undefined;
}

/**
 * Reads an uploaded set-up: a JSON file (export or `shared/demo` format), or a table with one row per offer
 * as CSV or the first worksheet of an .xlsx file. The file's ending decides what it should be, its first bytes
 * whether it is.
 */
export async function readSetupUpload(upload: Upload): Promise<UploadResult> {
	const fail = (message: string, format?: SetupFormat): UploadResult => ({ ok: false, format, problems: [{ message }] });
	const tooBig = sizeProblem(upload.bytes.byteLength);
	if (tooBig) return fail(tooBig);

	const kind = kindOf(upload);
	if (kind === undefined) {
		return fail(`Dateien wie ${upload.name ? `„${upload.name}“` : 'diese'} können nicht importiert werden. Bitte laden Sie eine .json-, .csv- oder .xlsx-Datei hoch.`);
	}
	if (kind === 'xls' || (kind === 'xlsx' && startsWith(upload.bytes, OLE))) {
		return fail(
			'Die Datei ist im alten Excel-Format (.xls) gespeichert oder mit einem Passwort geschützt. Speichern Sie sie in Excel ohne Passwort als „Excel-Arbeitsmappe (.xlsx)“ oder als „CSV UTF-8“.',
			'sheet'
		);
	}
	if (kind === 'xlsx') {
		if (!startsWith(upload.bytes, ZIP)) return fail('Die Datei endet auf .xlsx, ist aber keine Excel-Arbeitsmappe.', 'sheet');
		return fromSheet(await readXlsx(upload.bytes));
	}
	const format: SetupFormat = kind === 'json' ? 'json' : 'sheet';
	if (startsWith(upload.bytes, ZIP) || startsWith(upload.bytes, OLE)) {
		return fail(`Die Datei endet auf .${kind}, ist aber eine Excel- oder andere Binärdatei. Laden Sie Excel-Tabellen mit der Endung .xlsx hoch.`, format);
	}
	const decoded = decodeText(upload.bytes);
	if ('problem' in decoded) return fail(decoded.problem, format);
	const note = decoded.warning ? [decoded.warning] : [];
	if (kind === 'json') {
		const result = parseSetupJson(decoded.text);
		return result.ok
			? { ok: true, format, setup: { ...result.setup, warnings: [...note, ...result.setup.warnings] } }
			: { ok: false, format, problems: result.problems };
	}
	return fromSheet(readCsv(decoded.text), note);
}

function fromSheet(read: SheetRead, notes: string[] = []): UploadResult {
	if (!read.ok) return { ok: false, format: 'sheet', problems: read.problems };
	const result = parseSetupSheet(read.rows);
	if (!result.ok) return { ok: false, format: 'sheet', problems: result.problems };
	return { ok: true, format: 'sheet', setup: { ...result.setup, warnings: [...notes, ...read.warnings, ...result.setup.warnings] } };
}

function kindOf({ name, type }: Upload): 'json' | 'csv' | 'xlsx' | 'xls' | undefined {
	const ending = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	if (ending === 'json') return 'json';
	if (ending === 'csv' || ending === 'txt') return 'csv';
	if (ending === 'xlsx' || ending === 'xls') return ending;
	if (ending) return undefined;
	// No ending (some systems drop it): the browser's type says what it is.
	if (type === 'application/json') return 'json';
	if (type === 'text/csv' || type === 'text/plain') return 'csv';
	if (type === 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') return 'xlsx';
	return undefined;
}
