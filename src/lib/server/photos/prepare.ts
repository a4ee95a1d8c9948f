import sharp from 'sharp';
import { DomainError } from '../errors';
import { sniffPhoto } from './sniff';

export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** Longest side of a stored photo, in pixels: sharp enough for a printed A4 page, small enough to upload again. */
export const PHOTO_LONG_SIDE = 1600;
const MAX_PIXELS = 120_000_000;

export const PHOTO_MESSAGES = {
	empty: 'Bitte wählen Sie ein Foto aus.',
	tooBig: 'Die Datei ist zu groß (höchstens 15 MB).',
	notPhoto: 'Das ist kein Foto (JPEG, PNG oder WebP).',
	heic:
		'Dieses Foto ist im HEIC-Format gespeichert, das der Server nicht lesen kann. Bitte als JPEG hochladen – am iPhone: ' +
		'Einstellungen › Kamera › Formate › „Maximale Kompatibilität“.',
	broken: 'Das Foto ist beschädigt oder unvollständig. Bitte nehmen Sie es neu auf oder wählen Sie eine andere Datei.',
	tooManyPixels: 'Das Foto hat zu viele Bildpunkte (höchstens 120 Megapixel).'
} as const;

export type PreparedPhoto = { data: Buffer; width: number; height: number };

/**
 * Turns an upload into the photo we keep: turned upright as the camera held it, at most 1600 px on the long side,
 * JPEG at quality 82, and without any metadata (no GPS position, camera or time), as sharp writes none unless asked.
 */
export async function preparePhoto(bytes: Uint8Array): Promise<PreparedPhoto> {
	if (bytes.byteLength === 0) throw new DomainError('invalid', PHOTO_MESSAGES.empty);
	if (bytes.byteLength > MAX_PHOTO_BYTES) throw new DomainError('invalid', PHOTO_MESSAGES.tooBig);
	const format = sniffPhoto(bytes);
	if (!format) throw new DomainError('invalid', PHOTO_MESSAGES.notPhoto);
	try {
		const { data, info } = await sharp(bytes, { failOn: 'error', limitInputPixels: MAX_PIXELS })
			.autoOrient()
			.resize({ width: PHOTO_LONG_SIDE, height: PHOTO_LONG_SIDE, fit: 'inside', withoutEnlargement: true })
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82, mozjpeg: true })
			.toBuffer({ resolveWithObject: true });
		return { data, width: info.width, height: info.height };
	} catch (error) {
		const message = error instanceof Error ? error.message : '';
		if (/pixel limit/i.test(message)) throw new DomainError('invalid', PHOTO_MESSAGES.tooManyPixels);
		if (format === 'heif') throw new DomainError('invalid', PHOTO_MESSAGES.heic);
		throw new DomainError('invalid', PHOTO_MESSAGES.broken);
	}
}
