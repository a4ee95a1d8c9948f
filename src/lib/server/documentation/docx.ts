/**
 * Writes a Dokumentation as an editable Word document: real heading styles, a table of contents field that Word
 * updates on opening (filled in with estimated page numbers, so LibreOffice and viewers show it too), tables,
 * pictures in the line and page numbers in the footer. Arial, as every office has it.
 */
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	ImageRun,
	LineRuleType,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableLayoutType,
	TableOfContents,
	TableRow,
	TabStopType,
	TextRun,
	WidthType,
	type ISectionOptions
} from 'docx';
import { printable, TOC_DEPTH, type Block, type Cell, type Column } from './blocks';
import { estimateContents, type TocEntry } from './docx-pages';

const FONT = 'Arial';
const BRAND = '0B4F8A';
const MUTED = '4A5058';
const CM = 567; // twips
const PAGE = { width: 11906, height: 16838, margin: 2 * CM } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const PX_PER_TWIP = 96 / 1440;
const MAX_IMAGE_HEIGHT_PX = (PAGE.height - 2 * PAGE.margin) * 0.52 * PX_PER_TWIP;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

export type DocxMeta = { title: string; subject: string; footer: string };

export async function writeDocx(blocks: readonly Block[], meta: DocxMeta): Promise<Buffer> {
	const cover = blocks[0]?.kind === 'cover' ? blocks[0] : undefined;
	const rest = cover ? blocks.slice(1) : blocks;
	const contents = estimateContents(blocks, (block) => imageSize(block).height * 0.75);
	const sections: ISectionOptions[] = [];
	const page = { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin, footer: CM } };
	if (cover) {
		sections.push({ properties: { page }, children: coverParagraphs(cover) });
	}
	sections.push({
		properties: { page },
		footers: { default: footer(meta.footer) },
		children: rest.flatMap((block) => render(block, contents))
	});
	const document = new Document({
		creator: 'dialograum',
		title: printable(meta.title),
		subject: printable(meta.subject),
		features: { updateFields: true },
		styles: styles(),
		sections
	});
	return Packer.toBuffer(document);
}

function styles() {
	const heading = (size: number, color: string, before: number) => ({
		run: { font: FONT, size, bold: true, color },
		paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true }
	});
	return {
		default: {
			document: {
				run: { font: FONT, size: 22, language: { value: 'de-DE' } },
				// The rule written out: LibreOffice takes a line height without one as exact, and cuts pictures to it.
				paragraph: { spacing: { after: 120, line: 288, lineRule: LineRuleType.AUTO } }
			},
			heading1: heading(36, BRAND, 360),
			heading2: heading(30, BRAND, 240),
			heading3: heading(24, '16191D', 240),
			heading4: heading(22, '16191D', 200),
			title: { run: { font: FONT, size: 56, bold: true, color: BRAND }, paragraph: { spacing: { after: 240 } } }
		},
		paragraphStyles: [
			{ id: 'Kicker', name: 'Kicker', basedOn: 'Normal', next: 'Normal', run: { size: 20, bold: true, color: MUTED, allCaps: true }, paragraph: { keepNext: true, spacing: { after: 0 } } },
			{ id: 'ContentsTitle', name: 'Inhalt (Überschrift)', basedOn: 'Normal', next: 'Normal', run: { size: 36, bold: true, color: BRAND }, paragraph: { spacing: { after: 240 } } },
			{ id: 'Caption', name: 'caption', basedOn: 'Normal', next: 'Normal', run: { size: 18, italics: true, color: MUTED }, paragraph: { spacing: { after: 200 } } }
		]
	};
}

function coverParagraphs(cover: Extract<Block, { kind: 'cover' }>): Paragraph[] {
	const SIZES = { small: 28, large: 32, title: 52, label: 30 } as const;
	// A third down the page: LibreOffice ignores a section's vertical centring.
	return cover.lines.map(
		(line, i) =>
			new Paragraph({
				style: line.size === 'title' ? 'Title' : undefined,
				alignment: AlignmentType.CENTER,
				spacing: { before: i === 0 ? 4 * CM : 0, after: line.size === 'title' ? 480 : 240 },
				children: [new TextRun({ text: printable(line.text), size: SIZES[line.size], bold: line.size !== 'small', color: line.size === 'title' ? BRAND : undefined })]
			})
	);
}

function footer(text: string): Footer {
	return new Footer({
		children: [
			new Paragraph({
				tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
				border: { top: { style: BorderStyle.SINGLE, size: 4, color: MUTED, space: 4 } },
				children: [
					new TextRun({ text: printable(text), size: 16, color: MUTED }),
					new TextRun({ children: ['\tSeite ', PageNumber.CURRENT, ' von ', PageNumber.TOTAL_PAGES], size: 16, color: MUTED })
				]
			})
		]
	});
}

/** Text with its line breaks kept. */
function runs(text: string, options: { bold?: boolean; color?: string; size?: number; italics?: boolean } = {}): TextRun[] {
	return printable(text)
		.split('\n')
		.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

const TONES = { muted: { color: MUTED, italics: true }, strong: { bold: true }, large: { size: 26 } } as const;

function render(block: Block, contents: TocEntry[]): (Paragraph | Table | TableOfContents)[] {
	switch (block.kind) {
		case 'cover':
			return coverParagraphs(block);
		case 'contents':
			return [
				new Paragraph({ style: 'ContentsTitle', children: runs(block.title) }),
				new TableOfContents(block.title, {
					hyperlink: true,
					headingStyleRange: `1-${TOC_DEPTH}`,
					beginDirty: true,
					cachedEntries: contents.map((e) => ({ ...e, title: printable(e.title) }))
				})
			];
		case 'heading': {
			const newPage = block.newPage;
			const kicker = block.kicker ? [new Paragraph({ style: 'Kicker', pageBreakBefore: newPage, children: runs(block.kicker) })] : [];
			return [...kicker, new Paragraph({ heading: HEADINGS[block.level - 1], pageBreakBefore: newPage && !block.kicker, children: runs(block.text) })];
		}
		case 'paragraph':
			return [new Paragraph({ keepLines: true, children: runs(block.text, block.tone ? TONES[block.tone] : {}) })];
		case 'list':
			return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, keepLines: true, children: runs(item) }));
		case 'image':
			return image(block);
		case 'table':
			return [table(block.columns, block.rows), new Paragraph({ spacing: { after: 120 }, children: [] })];
	}
}

/** The size of a picture in px (Word's 96 per inch): as wide as allowed, but not taller than about half the page. */
function imageSize(block: Extract<Block, { kind: 'image' }>): { width: number; height: number } {
	const maxWidth = TEXT_WIDTH * PX_PER_TWIP * (block.width ?? 1);
	const scale = Math.min(maxWidth / block.image.width, MAX_IMAGE_HEIGHT_PX / block.image.height);
	return { width: Math.round(block.image.width * scale), height: Math.round(block.image.height * scale) };
}

function image(block: Extract<Block, { kind: 'image' }>): Paragraph[] {
	const picture = new Paragraph({
		alignment: AlignmentType.CENTER,
		keepNext: Boolean(block.caption),
		children: [
			new ImageRun({
				type: block.image.format === 'png' ? 'png' : 'jpg',
				data: block.image.data,
				transformation: imageSize(block),
				altText: { name: 'Abbildung', title: printable(block.alt).slice(0, 250), description: printable(block.alt) }
			})
		]
	});
	return block.caption ? [picture, new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, children: runs(block.caption) })] : [picture];
}

function table(columns: readonly Column[], rows: readonly Cell[][]): Table {
	const widths = columns.map((c) => Math.round(c.width * TEXT_WIDTH));
	const border = { style: BorderStyle.SINGLE, size: 4, color: 'C9CED4' };
	const cell = (content: Cell, column: Column, width: number, header: boolean) =>
		new TableCell({
			width: { size: width, type: WidthType.DXA },
			margins: { top: 60, bottom: 60, left: 100, right: 100 },
			shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8F0F8' } : content.background ? { type: ShadingType.CLEAR, color: 'auto', fill: content.background.replace('#', '') } : undefined,
			borders: { top: border, bottom: border, left: border, right: border },
			children: [
				new Paragraph({
					spacing: { after: 0, line: 264, lineRule: LineRuleType.AUTO },
					alignment: column.align === 'right' ? AlignmentType.RIGHT : column.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
					children: runs(content.text, { bold: header || content.bold, color: content.color?.replace('#', '') })
				})
			]
		});
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: widths,
		layout: TableLayoutType.FIXED,
		rows: [
			new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell({ text: c.title }, c, widths[i]!, true)) }),
			...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((content, i) => cell(content, columns[i]!, widths[i]!, false)) }))
		]
	});
}
