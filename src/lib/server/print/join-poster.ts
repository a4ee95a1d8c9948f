import type { PrintEvent } from './print-event';
import { drawQrCode } from './qr-code';
import { A4, drawFooter, SECONDARY, writeText } from './sheet';

const QR_SIZE = 14.5 * A4.cm;

/** One A4 page: the invitation to join, with a QR code that can be scanned from a few metres. */
export function drawJoinPoster(doc: PDFKit.PDFDocument, event: PrintEvent): void {
	doc.addPage();
	const center = { align: 'center' } as const;
	let y = A4.margin;
	y = writeText(doc, event.title, y, { font: 'bold', size: 22, ...center });
	y = writeText(doc, `${event.date} · Sozialraum ${event.sozialraum}`, y + 6, { font: 'regular', size: 15, ...center });
	y = writeText(doc, 'Machen Sie mit!', y + 20, { font: 'bold', size: 52, ...center });
	y = writeText(
		doc,
		'Scannen Sie den Code mit der Kamera Ihres Smartphones. Ohne Anmeldung, ohne App – Ihre Antworten bleiben anonym.',
		y + 8,
		{ font: 'regular', size: 15, lineGap: 2, ...center }
	);

	const qrTop = y + 0.9 * A4.cm;
	drawQrCode(doc, event.join.url, (A4.width - QR_SIZE) / 2, qrTop, QR_SIZE);

	y = writeText(doc, `oder öffnen Sie ${event.join.short}`, qrTop + QR_SIZE + 0.8 * A4.cm, { font: 'bold', size: 22, ...center });
	writeText(doc, `Code: ${event.code}`, y + 4, { font: 'regular', size: 18, color: SECONDARY, ...center });
	drawFooter(doc, event.footer);
}
