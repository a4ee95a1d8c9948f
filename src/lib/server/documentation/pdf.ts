/**
 * Writes a Dokumentation as a PDF on the server with pdfkit: Source Sans 3 embedded (umlauts, „…“, the gender star),
 * a table of contents with page numbers and links, PDF bookmarks, and page numbers in the footer. The pages are kept
 * in memory until the end, so the table of contents, reserved after the title page, is written last.
 */
import PDFDocument from 'pdfkit';
import { printable, TOC_DEPTH, type Block, type Cell, type Column } from './blocks';
import { pdfFonts } from './pdf-fonts';

const CM = 72 / 2.54;
const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN = { top: 2 * CM, bottom: 2.4 * CM, left: 2.2 * CM, right: 2.2 * CM } as const;
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const INK = '#16191d';
const MUTED = '#4a5058';
const BRAND = '#0b4f8a';
const LINE = '#c9ced4';
const BODY = { size: 11, gap: 2.5 } as const;
const HEADING = [
	{ size: 20, color: BRAND, before: 6, after: 10 },
	{ size: 16, color: BRAND, before: 14, after: 8 },
	{ size: 13, color: INK, before: 14, after: 6 },
	{ size: 11.5, color: INK, before: 10, after: 4 }
] as const;
const TOC_LINE = 19;

export type PdfMeta = { title: string; subject: string; footer: string };
type Entry = { level: number; text: string; page: number; destination: string };

export async function writePdf(blocks: readonly Block[], meta: PdfMeta): Promise<Buffer> {
	const fonts = pdfFonts();
	const doc = new PDFDocument({
		size: 'A4',
		// Else pdfkit loads Helvetica for every document first.
		font: fonts.regular as unknown as string,
		margins: MARGIN,
		bufferPages: true,
		autoFirstPage: false,
		lang: 'de-DE',
		displayTitle: true,
		info: { Title: printable(meta.title), Subject: printable(meta.subject), Author: 'dialograum', Creator: 'dialograum' }
	});
	doc.registerFont('regular', fonts.regular as unknown as PDFKit.Mixins.PDFFontSource);
	doc.registerFont('bold', fonts.bold as unknown as PDFKit.Mixins.PDFFontSource);
	const bytes = collect(doc);

	const entries: Entry[] = [];
	let contents: { title: string; firstPage: number; pages: number } | undefined;
	const outline: PDFKit.PDFOutline[] = [];
	doc.addPage();

	const atTop = () => doc.y <= MARGIN.top + 0.5;
	const newPage = () => {
		doc.addPage();
		doc.y = MARGIN.top;
	};
	const ensure = (height: number) => {
		if (doc.y + height > BOTTOM && !atTop()) newPage();
	};

	for (const [index, block] of blocks.entries()) {
		switch (block.kind) {
			case 'cover':
				cover(doc, block);
				break;
			case 'contents': {
				if (index > 0) newPage();
				const count = blocks.filter((b) => b.kind === 'heading' && b.level <= TOC_DEPTH).length;
				const pages = Math.max(1, Math.ceil((count * TOC_LINE + 60) / (BOTTOM - MARGIN.top)));
				contents = { title: block.title, firstPage: currentPage(doc), pages };
				for (let i = 0; i < pages; i++) newPage();
				break;
			}
			case 'heading': {
				const style = HEADING[block.level - 1]!;
				if (block.newPage && !atTop()) newPage();
				const text = printable(block.text);
				const height = textHeight(doc, 'bold', style.size, text) + (block.kicker ? 16 : 0);
				// A heading never stands alone at the foot of a page.
				ensure(height + style.after + keepWithNext(doc, blocks[index + 1]));
				if (!atTop()) doc.y += style.before;
				if (block.kicker) {
					doc.font('bold').fontSize(9.5).fillColor(MUTED).text(printable(block.kicker).toUpperCase(), MARGIN.left, doc.y, { width: WIDTH, characterSpacing: 0.6 });
					doc.y += 2;
				}
				const destination = `h${entries.length + 1}`;
				doc.addNamedDestination(destination, 'XYZ', MARGIN.left, PAGE.height - doc.y + 4, null);
				doc.font('bold').fontSize(style.size).fillColor(style.color).text(text, MARGIN.left, doc.y, { width: WIDTH });
				doc.y += style.after;
				if (block.level <= TOC_DEPTH) {
					entries.push({ level: block.level, text, page: currentPage(doc), destination });
					const parent = block.level === 1 ? doc.outline : (outline[block.level - 2] ?? doc.outline);
					outline[block.level - 1] = parent.addItem(text);
				}
				break;
			}
			case 'paragraph': {
				const font = block.tone === 'strong' ? 'bold' : 'regular';
				const size = block.tone === 'large' ? 13 : BODY.size;
				ensure(size * 1.6);
				doc.font(font).fontSize(size).fillColor(block.tone === 'muted' ? MUTED : INK).text(printable(block.text), MARGIN.left, doc.y, { width: WIDTH, lineGap: BODY.gap });
				doc.y += block.tone === 'strong' ? 2 : 7;
				break;
			}
			case 'list':
				for (const item of block.items) {
					ensure(BODY.size * 1.6);
					const y = doc.y;
					doc.font('regular').fontSize(BODY.size).fillColor(BRAND).text('•', MARGIN.left + 2, y, { width: 10, lineBreak: false });
					doc.fillColor(INK).text(printable(item), MARGIN.left + 14, y, { width: WIDTH - 14, lineGap: BODY.gap });
					doc.y += 4;
				}
				doc.y += 4;
				break;
			case 'image':
				image(doc, block, ensure);
				break;
			case 'table':
				table(doc, block.columns, block.rows, ensure, newPage);
				break;
		}
	}

	const range = doc.bufferedPageRange();
	if (contents) writeContents(doc, contents, entries);
	for (let i = 1; i < range.count; i++) footer(doc, range.start + i, range.count, printable(meta.footer));
	doc.end();
	return bytes;
}

/** How much of the block after a heading must fit below it: a picture whole, else a few lines. */
function keepWithNext(doc: PDFKit.PDFDocument, next: Block | undefined): number {
	if (next?.kind === 'image') return imageBox(doc, next).height + 8;
	if (next?.kind === 'heading') return 90;
	return 50;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
}

/** The page being written, counted from 1. */
const currentPage = (doc: PDFKit.PDFDocument) => {
	const range = doc.bufferedPageRange();
	return range.start + range.count;
};

function textHeight(doc: PDFKit.PDFDocument, font: string, size: number, text: string, width = WIDTH): number {
	return doc.font(font).fontSize(size).heightOfString(text, { width, lineGap: BODY.gap });
}

function cover(doc: PDFKit.PDFDocument, block: Extract<Block, { kind: 'cover' }>) {
	const STYLE = {
		small: { font: 'regular', size: 15, color: MUTED, after: 18 },
		title: { font: 'bold', size: 28, color: BRAND, after: 26 },
		large: { font: 'bold', size: 17, color: INK, after: 14 },
		label: { font: 'bold', size: 15, color: BRAND, after: 0 }
	} as const;
	const height = block.lines.reduce((sum, l) => sum + textHeight(doc, STYLE[l.size].font, STYLE[l.size].size, printable(l.text)) + STYLE[l.size].after, 0);
	let y = (PAGE.height - height) / 2 - 40;
	doc.rect(MARGIN.left, y - 36, WIDTH, 5).fill(BRAND);
	for (const line of block.lines) {
		const style = STYLE[line.size];
		const text = printable(line.text);
		doc.font(style.font).fontSize(style.size).fillColor(style.color).text(text, MARGIN.left, y, { width: WIDTH, align: 'center' });
		y += textHeight(doc, style.font, style.size, text) + style.after;
	}
	doc.rect(MARGIN.left, y + 30, WIDTH, 5).fill(BRAND);
}

/** The size an image is drawn at, and the room its caption takes. */
function imageBox(doc: PDFKit.PDFDocument, block: Extract<Block, { kind: 'image' }>) {
	const maxWidth = WIDTH * (block.width ?? 1);
	const maxHeight = (BOTTOM - MARGIN.top) * 0.52;
	const scale = Math.min(maxWidth / block.image.width, maxHeight / block.image.height);
	const caption = block.caption ? printable(block.caption) : undefined;
	const captionHeight = caption ? textHeight(doc, 'regular', 9.5, caption) + 4 : 0;
	return { width: block.image.width * scale, height: block.image.height * scale, caption, captionHeight };
}

function image(doc: PDFKit.PDFDocument, block: Extract<Block, { kind: 'image' }>, ensure: (height: number) => void) {
	const { width, height, caption, captionHeight } = imageBox(doc, block);
	ensure(height + captionHeight + 6);
	const x = MARGIN.left + (WIDTH - width) / 2;
	doc.image(block.image.data, x, doc.y, { width, height });
	doc.y += height + 4;
	if (caption) {
		doc.font('regular').fontSize(9.5).fillColor(MUTED).text(caption, MARGIN.left, doc.y, { width: WIDTH, align: 'center' });
	}
	doc.y += 10;
}

function table(doc: PDFKit.PDFDocument, columns: readonly Column[], rows: readonly Cell[][], ensure: (height: number) => void, newPage: () => void) {
	const PAD = { x: 5, y: 4 } as const;
	const SIZE = 10;
	const widths = columns.map((c) => c.width * WIDTH);
	const cellHeight = (cell: Cell, i: number, bold: boolean) =>
		doc.font(bold ? 'bold' : 'regular').fontSize(SIZE).heightOfString(printable(cell.text), { width: widths[i]! - 2 * PAD.x }) + 2 * PAD.y;
	const rowHeight = (row: readonly Cell[], header = false) => Math.max(...row.map((c, i) => cellHeight(c, i, header || Boolean(c.bold))));
	const header: Cell[] = columns.map((c) => ({ text: c.title, bold: true, background: '#e8f0f8' }));

	const drawRow = (row: readonly Cell[], height: number, isHeader: boolean) => {
		let x = MARGIN.left;
		const y = doc.y;
		row.forEach((cell, i) => {
			const width = widths[i]!;
			if (cell.background) doc.rect(x, y, width, height).fill(cell.background);
			doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(LINE).stroke();
			doc.font(isHeader || cell.bold ? 'bold' : 'regular')
				.fontSize(SIZE)
				.fillColor(cell.color ?? INK)
				.text(printable(cell.text), x + PAD.x, y + PAD.y, { width: width - 2 * PAD.x, align: columns[i]!.align ?? 'left' });
			x += width;
		});
		doc.y = y + height;
	};

	const headerHeight = rowHeight(header, true);
	ensure(headerHeight + (rows[0] ? rowHeight(rows[0]) : 0));
	drawRow(header, headerHeight, true);
	for (const row of rows) {
		const height = rowHeight(row);
		if (doc.y + height > BOTTOM) {
			newPage();
			drawRow(header, headerHeight, true);
		}
		drawRow(row, height, false);
	}
	doc.y += 12;
}

function writeContents(doc: PDFKit.PDFDocument, contents: { title: string; firstPage: number; pages: number }, entries: Entry[]) {
	let page = contents.firstPage;
	doc.switchToPage(page - 1);
	doc.font('bold').fontSize(HEADING[0].size).fillColor(BRAND).text(printable(contents.title), MARGIN.left, MARGIN.top, { width: WIDTH });
	let y = doc.y + 12;
	for (const entry of entries) {
		if (y + TOC_LINE > BOTTOM && page < contents.firstPage + contents.pages - 1) {
			page++;
			doc.switchToPage(page - 1);
			y = MARGIN.top;
		}
		const indent = (entry.level - 1) * 16;
		const font = entry.level === 1 ? 'bold' : 'regular';
		const number = String(entry.page);
		doc.font(font).fontSize(11);
		const numberWidth = doc.widthOfString(number);
		const room = WIDTH - indent - numberWidth - 24;
		let text = entry.text;
		while (doc.widthOfString(text) > room && text.length > 4) text = `${text.slice(0, -2).trimEnd()}…`;
		const textWidth = doc.widthOfString(text);
		doc.fillColor(INK).text(text, MARGIN.left + indent, y, { lineBreak: false });
		doc.fillColor(MUTED).text(number, MARGIN.left + WIDTH - numberWidth, y, { lineBreak: false });
		const dotsFrom = MARGIN.left + indent + textWidth + 6;
		const dotsTo = MARGIN.left + WIDTH - numberWidth - 6;
		if (dotsTo > dotsFrom) {
			doc.save().moveTo(dotsFrom, y + 10).lineTo(dotsTo, y + 10).lineWidth(0.8).dash(0.8, { space: 3 }).strokeColor(MUTED).stroke().restore();
		}
		doc.goTo(MARGIN.left + indent, y, WIDTH - indent, TOC_LINE - 4, entry.destination);
		y += TOC_LINE;
	}
}

function footer(doc: PDFKit.PDFDocument, index: number, total: number, text: string) {
	doc.switchToPage(index);
	// Writing below the bottom margin would otherwise start a new page.
	doc.page.margins.bottom = 0;
	const y = PAGE.height - MARGIN.bottom + 22;
	doc.moveTo(MARGIN.left, y - 6).lineTo(PAGE.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor(LINE).stroke();
	const pageText = `Seite ${index + 1} von ${total}`;
	doc.font('regular').fontSize(8.5).fillColor(MUTED);
	const pageWidth = doc.widthOfString(pageText);
	doc.text(text, MARGIN.left, y, { width: WIDTH - pageWidth - 16, lineBreak: false, ellipsis: true, height: 12 });
	doc.text(pageText, PAGE.width - MARGIN.right - pageWidth, y, { lineBreak: false });
}
