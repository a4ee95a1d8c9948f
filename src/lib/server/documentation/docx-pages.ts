/**
 * A quick estimate of the page each heading lands on in the DOCX, for the table of contents that Word and LibreOffice
 * show before anyone updates it (Word updates it on opening). docx's own estimator lays the pages out as Word does,
 * but takes longer than the whole rest of the document. Most sections start on a new page, so counting lines of
 * Arial 11 pt is close enough; headings are counted from where the body starts (the cover is page 1).
 */
import { TOC_DEPTH, type Block } from './blocks';

const PAGE_HEIGHT = 728; // pt: A4 less 2 cm margins at top and bottom
const TEXT_WIDTH = 482; // pt
const LINE = 15.2; // Arial 11 pt at 1.2 lines
const CHAR = 5.5; // average width of a character of German text in Arial 11 pt
const HEADING = [
	{ line: 25, space: 24 },
	{ line: 21, space: 18 },
	{ line: 17, space: 18 },
	{ line: 15.2, space: 16 }
] as const;
const CONTENTS_LINE = 16;

const lines = (text: string, width = TEXT_WIDTH, char = CHAR) =>
	text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * char) / width)), 0);

export type TocEntry = { title: string; level: number; page: number };

export function estimateContents(blocks: readonly Block[], imageHeightPt: (block: Extract<Block, { kind: 'image' }>) => number): TocEntry[] {
	const entries: TocEntry[] = [];
	const headings = blocks.filter((b) => b.kind === 'heading' && b.level <= TOC_DEPTH).length;
	let page = 1;
	let y = 0;
	const fit = (height: number, keep = false) => {
		if (y > 0 && (y + height > PAGE_HEIGHT || keep)) {
			page++;
			y = 0;
		}
		y += height;
		while (y > PAGE_HEIGHT) {
			page++;
			y -= PAGE_HEIGHT;
		}
	};
	for (const block of blocks) {
		switch (block.kind) {
			case 'cover':
				page = 1;
				break;
			case 'contents':
				page = 2;
				y = 0;
				fit(40 + headings * CONTENTS_LINE);
				break;
			case 'heading': {
				const style = HEADING[block.level - 1]!;
				const height = (block.kicker ? 14 : 0) + style.space + style.line * lines(block.text, TEXT_WIDTH, style.line * 0.5);
				if (block.newPage) {
					page++;
					y = 0;
				}
				fit(height, y + height + 3 * LINE > PAGE_HEIGHT);
				if (block.level <= TOC_DEPTH) entries.push({ title: block.text, level: block.level, page });
				break;
			}
			case 'paragraph':
				fit(LINE * lines(block.text) + 6);
				break;
			case 'list':
				for (const item of block.items) fit(LINE * lines(item, TEXT_WIDTH - 18) + 6);
				break;
			case 'image':
				fit(imageHeightPt(block) + (block.caption ? LINE + 10 : 6));
				break;
			case 'table':
				for (const row of [block.columns.map((c) => ({ text: c.title })), ...block.rows]) {
					fit(6 + LINE * Math.max(...row.map((cell, i) => lines(cell.text, (block.columns[i]?.width ?? 1) * TEXT_WIDTH - 10, 5))));
				}
				fit(LINE);
				break;
		}
	}
	return entries;
}
