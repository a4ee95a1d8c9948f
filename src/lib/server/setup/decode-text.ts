export type DecodedText = { text: string; warning?: string } | { problem: string };

const WINDOWS_1252_NOTE =
	'Die Datei ist nicht als UTF-8 gespeichert und wurde deshalb als Windows-1252 gelesen (älteres Excel, „CSV (Trennzeichen-getrennt)“). Bitte prüfen Sie die Umlaute in der Vorschau; sicherer ist „CSV UTF-8“ beim Speichern.';

/**
 * Text of an uploaded file: UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode-Text"),
 * otherwise Windows-1252. Telling them apart is cheap: text with umlauts in Windows-1252 is almost
 * never valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
	if (bytes.includes(0)) return { problem: 'Die Datei ist keine Textdatei. Speichern Sie die Tabelle als „CSV UTF-8“ oder laden Sie die .xlsx-Datei hoch.' };
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(bom ? bytes.subarray(3) : bytes) };
	} catch {
		if (bom) return { problem: 'Die Datei beginnt wie UTF-8, enthält aber ungültige Zeichen. Speichern Sie sie in Excel erneut als „CSV UTF-8“.' };
		return { text: new TextDecoder('windows-1252').decode(bytes), warning: WINDOWS_1252_NOTE };
	}
}
