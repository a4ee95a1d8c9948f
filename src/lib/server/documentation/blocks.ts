/**
 * A Dokumentation as a sequence of blocks, in the order they are read. The DOCX and the PDF writer each
 * turn the same blocks into their format, so both files always carry the same content.
 */
export type ImageData = { format: 'png' | 'jpeg'; data: Buffer; width: number; height: number };

export type Column = { title: string; width: number; align?: 'left' | 'right' | 'center' };
export type Cell = { text: string; bold?: boolean; background?: string; color?: string };

export type Block =
	/** The title page. */
	| { kind: 'cover'; lines: { text: string; size: 'small' | 'large' | 'title' | 'label' }[] }
	/** The table of contents, filled in with the headings down to level 2. */
	| { kind: 'contents'; title: string }
	/** `newPage` starts a page; `kicker` is a small line above it, such as „Themeninsel 3“. */
	| { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string; kicker?: string; newPage?: boolean }
	| { kind: 'paragraph'; text: string; tone?: 'muted' | 'strong' | 'large' }
	| { kind: 'list'; items: string[] }
	/** `width` is the share of the text width the image may take; it is also never taller than about half a page. */
	| { kind: 'image'; image: ImageData; alt: string; caption?: string; width?: number }
	| { kind: 'table'; columns: Column[]; rows: Cell[][] };

export const TOC_DEPTH = 2;

/** The XML 1.0 characters only: a DOCX with any other would not open, and PDF fonts have no glyphs for them. */
export function printable(text: string): string {
	return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
