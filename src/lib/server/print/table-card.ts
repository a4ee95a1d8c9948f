import type { PrintEvent, PrintStation } from './print-event';
import { drawQrCode } from './qr-code';
import { A4, drawFooter, INK, SECONDARY, textHeight, writeText, type TextStyle } from './sheet';

const QR_SIZE = 9.5 * A4.cm;
const BULLET_INDENT = 16;

/**
 * One A4 page for the table of a Themeninsel: what it offers, and the QR code to vote on it.
 * The code and its address sit at fixed places at the bottom; the station's title and offers
 * take the space above (see `fittingBlocks`).
 */
export function drawTableCard(doc: PDFKit.PDFDocument, event: PrintEvent, station: PrintStation): void {
	doc.addPage();
	drawFooter(doc, event.footer);

	const codeLineTop = A4.height - A4.margin - 1.3 * A4.cm;
	const addressTop = codeLineTop - 26;
	writeText(doc, `Code: ${event.code} · Themeninsel ${station.position}`, codeLineTop, {
		font: 'regular',
		size: 12,
		color: SECONDARY,
		align: 'center'
	});
	writeText(doc, `oder öffnen Sie ${station.link.short}`, addressTop, { font: 'bold', size: 17, align: 'center' });

	const qrTop = addressTop - 0.6 * A4.cm - QR_SIZE;
	drawQrCode(doc, station.link.url, (A4.width - QR_SIZE) / 2, qrTop, QR_SIZE);

	const instruction = 'Scannen Sie den Code und stimmen Sie ab.';
	const instructionStyle: TextStyle = { font: 'regular', size: 16, align: 'center' };
	const promptStyle: TextStyle = { font: 'bold', size: 22, align: 'center' };
	const instructionTop = qrTop - 0.7 * A4.cm - textHeight(doc, instruction, instructionStyle);
	const promptTop = instructionTop - 2 - textHeight(doc, event.votePrompt, promptStyle);
	writeText(doc, event.votePrompt, promptTop, promptStyle);
	writeText(doc, instruction, instructionTop, instructionStyle);

	const room = promptTop - 0.8 * A4.cm - A4.margin;
	const blocks = fittingBlocks(doc, event, station, room);
	let y = A4.margin;
	for (const block of blocks) {
		const top = y + block.space;
		if (block.bullet) writeText(doc, '•', top, { ...block.style, indent: 0 });
		y = writeText(doc, block.text, top, block.style);
	}
}

/** A paragraph of the upper part, `space` points below the one before. */
type Block = { text: string; style: TextStyle; space: number; bullet?: true };

/** How the upper part is set: sizes as a share of the full size, and which offers and details it shows. */
type Layout = { scale: number; descriptions: boolean; shown: number };

/**
 * The first layout whose upper part fits into `room`: smaller type first (the station's title shrinks half as
 * fast as its offers), then without the descriptions, and as a last resort only the first offers,
 * "… und n weitere" (the phone lists them all).
 */
function fittingBlocks(doc: PDFKit.PDFDocument, event: PrintEvent, station: PrintStation, room: number): Block[] {
	const all = station.offers.length;
	const layouts: Layout[] = [
		...steps(1, 0.6).map((scale) => ({ scale, descriptions: true, shown: all })),
		...steps(0.8, 0.5).map((scale) => ({ scale, descriptions: false, shown: all })),
		...Array.from({ length: Math.max(0, all - 1) }, (_, i) => ({ scale: 0.5, descriptions: false, shown: all - 1 - i }))
	];
	let blocks: Block[] = [];
	for (const layout of layouts) {
		blocks = stationBlocks(event, station, layout);
		if (heightOf(doc, blocks) <= room) break;
	}
	return blocks;
}

function stationBlocks(event: PrintEvent, station: PrintStation, layout: Layout): Block[] {
	const heading = 1 - (1 - layout.scale) / 2;
	const offers = layout.scale;
	const blocks: Block[] = [
		{ text: `${event.title} · ${event.date}`, style: { font: 'regular', size: 11, color: SECONDARY }, space: 0 },
		{ text: `Themeninsel ${station.position}`, style: { font: 'bold', size: 24 * heading }, space: 14 * heading },
		{ text: station.title, style: { font: 'bold', size: 36 * heading, lineGap: -2 * heading }, space: 0 }
	];
	const offerStyle: TextStyle = { font: 'bold', size: 16 * offers, indent: BULLET_INDENT };
	station.offers.slice(0, layout.shown).forEach((offer, index) => {
		blocks.push({ text: offer.title, style: offerStyle, space: (index === 0 ? 18 : 9) * offers, bullet: true });
		if (offer.description && layout.descriptions) {
			blocks.push({ text: offer.description, style: { font: 'regular', size: 13 * offers, color: INK, indent: BULLET_INDENT }, space: offers });
		}
	});
	const hidden = station.offers.length - layout.shown;
	if (hidden > 0) {
		const more = hidden === 1 ? '… und ein weiteres Angebot' : `… und ${hidden} weitere Angebote`;
		blocks.push({ text: more, style: { ...offerStyle, font: 'regular' }, space: 9 * offers });
	}
	return blocks;
}

function steps(from: number, to: number): number[] {
	const values: number[] = [];
	for (let v = from; v >= to - 1e-9; v -= 0.05) values.push(Math.round(v * 100) / 100);
	return values;
}

function heightOf(doc: PDFKit.PDFDocument, blocks: Block[]): number {
	return blocks.reduce((sum, b) => sum + b.space + textHeight(doc, b.text, b.style), 0);
}
