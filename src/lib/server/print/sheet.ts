import PDFDocument from 'pdfkit';
import { PRINT_FONT } from './font';

const CM = 72 / 2.54;

/** A4 portrait in points, with the margins every printed page keeps. */
export const A4 = { width: 595.28, height: 841.89, margin: 1.8 * CM, cm: CM } as const;
export const CONTENT_WIDTH = A4.width - 2 * A4.margin;

export const INK = '#000000';
// Dark enough for a black-and-white laser printer to print it as solid text, not as a dither.
export const SECONDARY = '#333333';

/** A new PDF in German with the embedded fonts `regular` and `bold`; pages are added by the caller. */
export function printDocument(title: string): PDFKit.PDFDocument {
	const doc = new PDFDocument({
		size: 'A4',
		margin: 0,
		autoFirstPage: false,
		font: PRINT_FONT.regular,
		lang: 'de-DE',
		displayTitle: true,
		info: { Title: title, Author: 'dialograum', Creator: 'dialograum' }
	});
	doc.registerFont('regular', PRINT_FONT.regular);
	doc.registerFont('bold', PRINT_FONT.bold);
	return doc;
}

/** The small line at the foot of every page. */
export function drawFooter(doc: PDFKit.PDFDocument, text: string): void {
	const y = A4.height - A4.margin * 0.75;
	doc.moveTo(A4.margin, y - 6)
		.lineTo(A4.width - A4.margin, y - 6)
		.lineWidth(0.5)
		.strokeColor(SECONDARY)
		.stroke();
	doc.font('regular').fontSize(9).fillColor(SECONDARY).text(text, A4.margin, y, { width: CONTENT_WIDTH, lineBreak: false });
}

/** Ends the document and collects its bytes. */
export function finish(doc: PDFKit.PDFDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		doc.on('data', (chunk: Buffer) => chunks.push(chunk));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.end();
	});
}

export type TextStyle = {
	font: 'regular' | 'bold';
	size: number;
	color?: string;
	align?: 'left' | 'center';
	/** Extra space between the lines of a wrapped text, in points. */
	lineGap?: number;
	/** Distance from the left margin, in points. */
	indent?: number;
};

/** Writes `text` across the content width from `y` and returns the y below it. */
export function writeText(doc: PDFKit.PDFDocument, text: string, y: number, style: TextStyle): number {
	const options = textOptions(style);
	doc.font(style.font).fontSize(style.size).fillColor(style.color ?? INK).text(text, A4.margin + (style.indent ?? 0), y, options);
	return y + doc.heightOfString(text, options);
}

/** The height `text` would take in `style`, without drawing it. */
export function textHeight(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
	return doc.font(style.font).fontSize(style.size).heightOfString(text, textOptions(style));
}

const textOptions = (style: TextStyle): PDFKit.Mixins.TextOptions => ({
	width: CONTENT_WIDTH - (style.indent ?? 0),
	align: style.align ?? 'left',
	lineGap: style.lineGap ?? 0
});
