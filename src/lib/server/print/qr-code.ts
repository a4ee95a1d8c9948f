import QRCode from 'qrcode';

/**
 * Draws the QR code of `text` as vector squares (sharp at any printer resolution), `size` points wide,
 * top left at (x, y). The area around it must stay white: scanners need a quiet zone.
 */
export function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const cell = size / modules.size;
	doc.save();
	for (let row = 0; row < modules.size; row++) {
		let column = 0;
		while (column < modules.size) {
			if (!modules.get(row, column)) {
				column++;
				continue;
			}
			const start = column;
			while (column < modules.size && modules.get(row, column)) column++;
			doc.rect(x + start * cell, y + row * cell, (column - start) * cell, cell);
		}
	}
	// One path, filled once: neighbouring squares join without hairline seams.
	doc.fillColor('#000000').fill();
	doc.restore();
}
