import type { PrintEvent, PrintStation } from './print-event';
import { drawQrCode } from './qr-code';
import { A4, drawFooter, INK, SECONDARY, textHeight, writeText, type TextStyle } from './sheet';

const QR_SIZE = 9.5 * A4.cm;
const BULLET_INDENT = 16;

/**
 * One A4 page for the table of a Themeninsel: what it offers, and the QR code to vote on it.
 * The code and its address sit at fixed places at the bottom; the station's title and offers
 * take the space above and shrink until they fit.
 */
export function drawTableCard(doc: PDFKit.PDFDocument, event: PrintEvent, station: PrintStation): void {
	doc.addPage();
	drawFooter(doc, event.footer);

	const codeLineTop = A4.height - A4.margin - 1.3 * A4.cm;
	const addressTop = codeLineTop - 26;
	writeText(doc, `Code ${event.code} · Themeninsel ${station.position}`, codeLineTop, {
		font: 'regular',
		size: 12,
		color: SECONDARY,
		align: 'center'
	});
	writeText(doc, `oder öffnen Sie ${station.link.short}`, addressTop, { font: 'bold', size: 17, align: 'center' });

	const qrTop = addressTop - 0.6 * A4.cm - QR_SIZE;
	drawQrCode(doc, station.link.url, (A4.width - QR_SIZE) / 2, qrTop, QR_SIZE);

	const call = `${event.votePrompt} Scannen Sie den Code und stimmen Sie ab.`;
	const callStyle: TextStyle = { font: 'bold', size: 18, align: 'center', lineGap: 2 };
	const callTop = qrTop - 0.8 * A4.cm - textHeight(doc, call, callStyle);
	writeText(doc, call, callTop, callStyle);

	const blocks = stationBlocks(event, station);
	const room = callTop - 0.8 * A4.cm - A4.margin;
	let scale = 1;
	while (scale > 0.5 && heightOf(doc, blocks, scale) > room) scale -= 0.05;
	let y = A4.margin;
	for (const block of blocks) {
		const top = y + block.space * scale;
		const style = scaled(block.style, scale);
		if (block.bullet) writeText(doc, '•', top, { ...style, indent: 0 });
		y = writeText(doc, block.text, top, style);
	}
}

/** A paragraph of the upper part; `space` is the gap above it at full size. */
type Block = { text: string; style: TextStyle; space: number; bullet?: true };

function stationBlocks(event: PrintEvent, station: PrintStation): Block[] {
	const blocks: Block[] = [
		{ text: `${event.title} · ${event.date}`, style: { font: 'regular', size: 11, color: SECONDARY }, space: 0 },
		{ text: `Themeninsel ${station.position}`, style: { font: 'bold', size: 24 }, space: 14 },
		{ text: station.title, style: { font: 'bold', size: 36, lineGap: -2 }, space: 0 }
	];
	station.offers.forEach((offer, index) => {
		blocks.push({
			text: offer.title,
			style: { font: 'bold', size: 16, indent: BULLET_INDENT },
			space: index === 0 ? 18 : 9,
			bullet: true
		});
		if (offer.description) {
			blocks.push({ text: offer.description, style: { font: 'regular', size: 13, color: INK, indent: BULLET_INDENT }, space: 1 });
		}
	});
	return blocks;
}

function heightOf(doc: PDFKit.PDFDocument, blocks: Block[], scale: number): number {
	return blocks.reduce((sum, b) => sum + b.space * scale + textHeight(doc, b.text, scaled(b.style, scale)), 0);
}

const scaled = (style: TextStyle, scale: number): TextStyle => ({ ...style, size: style.size * scale });
