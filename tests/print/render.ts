import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { tempDir } from '../support/temp-dir';

const DPI = 100;

function run(command: string, args: string[]): string {
	const result = spawnSync(command, args, { encoding: 'utf8' });
	if (result.error) throw new Error(`${command} is missing: install poppler-utils (${result.error.message})`);
	if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
	return result.stdout;
}

export type ScannedPage = { url: string | undefined; /** edge of the QR code in cm */ sizeCm: number };

/** What poppler sees in a PDF: its text, page info, fonts, and every page rendered at 100 dpi and scanned like a phone would. */
export async function readPdf(pdf: Buffer) {
	const dir = tempDir('dialograum-print-');
	try {
		const file = dir.file('print.pdf');
		writeFileSync(file, pdf);
		run('pdftoppm', ['-r', String(DPI), '-png', file, dir.file('page')]);
		const pngs = readdirSync(dir.path)
			.filter((f) => f.endsWith('.png'))
			.sort();
		const pages: ScannedPage[] = [];
		for (const png of pngs) pages.push(await scan(readFileSync(dir.file(png))));
		return {
			text: run('pdftotext', ['-enc', 'UTF-8', file, '-']),
			info: run('pdfinfo', [file]),
			fonts: run('pdffonts', [file]),
			pages
		};
	} finally {
		dir.remove();
	}
}

async function scan(png: Buffer): Promise<ScannedPage> {
	const image = await loadImage(png);
	const canvas = createCanvas(image.width, image.height);
	const context = canvas.getContext('2d');
	context.drawImage(image, 0, 0);
	const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
	const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), width, height);
	if (!code) return { url: undefined, sizeCm: 0 };
	const { topLeftCorner: a, topRightCorner: b } = code.location;
	return { url: code.data, sizeCm: (Math.hypot(b.x - a.x, b.y - a.y) / DPI) * 2.54 };
}
