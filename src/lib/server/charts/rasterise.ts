import { createCanvas, Image } from '@napi-rs/canvas';
import sharp from 'sharp';
import { registerChartFont } from './font';

/**
 * Draws an SVG string (in the chart font) as a PNG, `scale` times its size: the charts of the Dokumentation.
 * The PNG has no alpha channel: pdfkit embeds such a PNG as it is, but decodes and splits one with alpha, slowly.
 */
export async function svgToPng(svg: string, width: number, height: number, scale = 2): Promise<Buffer> {
	registerChartFont();
	const image = new Image();
	image.src = Buffer.from(svg);
	const canvas = createCanvas(Math.round(width * scale), Math.round(height * scale));
	const context = canvas.getContext('2d');
	context.fillStyle = '#ffffff';
	context.fillRect(0, 0, canvas.width, canvas.height);
	context.drawImage(image, 0, 0, canvas.width, canvas.height);
	return opaquePng(canvas.data(), canvas.width, canvas.height);
}

/** RGBA pixels (opaque) as an RGB PNG. */
export function opaquePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
	return withoutAlpha(sharp(rgba, { raw: { width, height, channels: 4 } }));
}

/** An opaque image as an RGB PNG (a palette would be smaller, but quantising costs more than it saves). */
export function withoutAlpha(image: ReturnType<typeof sharp>): Promise<Buffer> {
	return image.removeAlpha().png({ compressionLevel: 6 }).toBuffer();
}

/** The SVG as a `data:` URL for an `<img>`: an image never runs scripts, whatever text it carries. */
export const svgDataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
