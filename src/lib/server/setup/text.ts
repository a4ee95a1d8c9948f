// Control characters other than tab and line breaks: pasted from Word or PDFs, never meant.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\ufeff]/g;

/** A title or name: one line, single spaces. */
export function oneLine(text: string): string {
	return text.normalize('NFC').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** A description: line breaks kept (Alt+Enter in Excel), each line trimmed, no runs of blank lines. */
export function multiLine(text: string): string {
	return text
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(CONTROL, '')
		.split('\n')
		.map((line) => line.replace(/[ \t]+/g, ' ').trim())
		.join('\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** The lines of a cell, empty ones dropped: several contacts may share one cell. */
export function cellLines(text: string): string[] {
	return text.split(/\r\n?|\n/).map(oneLine).filter(Boolean);
}

/** For comparing names: case and spacing don't make a different Themeninsel. */
export function fold(text: string): string {
	return oneLine(text).toLocaleLowerCase('de');
}

export function quoted(text: string, max = 60): string {
	return `„${text.length > max ? `${text.slice(0, max - 1)}…` : text}“`;
}
