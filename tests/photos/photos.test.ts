import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStations } from '$lib/server/events/queries';
import { PHOTO_MESSAGES } from '$lib/server/photos/prepare';
import { addPhoto, captionPhoto, deletePhoto, findPhoto, listEventPhotos, photoPath } from '$lib/server/photos/photos';
import { sniffPhoto } from '$lib/server/photos/sniff';
import { demoEvent } from '../support/demo';
import { startTestRuntime } from '../support/test-runtime';
import { phonePhoto } from '../documentation/conference';

let runtime: ReturnType<typeof startTestRuntime>;
let eventId: number;
let stationId: number;
const deps = () => ({ db: runtime.db, dataDir: runtime.config.dataDir });
const add = (bytes: Uint8Array, caption?: string) => addPhoto(deps(), { eventId, stationId, bytes, caption });
const storedFiles = () => {
	const dir = join(runtime.config.dataDir, 'photos', String(eventId));
	return existsSync(dir) ? readdirSync(dir) : [];
};

beforeAll(() => {
	runtime = startTestRuntime({ DEMO: 'on' });
	eventId = demoEvent(runtime.db).id;
	stationId = listStations(runtime.db, eventId)[2]!.id;
});
afterAll(() => runtime.close());

describe('a photo from a phone', () => {
	it('is stored as a JPEG of at most 1600 px under the data directory, and recorded', async () => {
		const photo = await add(await phonePhoto(), '  Pinnwand   Ehrenamt ');
		expect(photo).toMatchObject({ stationId, width: 1600, height: 1067, caption: 'Pinnwand Ehrenamt' });
		expect(photo.file).toMatch(new RegExp(`^photos/${eventId}/[0-9a-f]{32}\\.jpg$`));
		const meta = await sharp(readFileSync(photoPath(runtime.config.dataDir, photo.file))).metadata();
		expect(meta).toMatchObject({ format: 'jpeg', width: 1600, height: 1067 });
		expect(findPhoto(runtime.db, eventId, photo.id)).toEqual(photo);
	});

	it('loses every piece of metadata: no EXIF, no GPS position, no camera', async () => {
		const original = await phonePhoto();
		const before = await sharp(original).metadata();
		expect(before.exif?.includes(Buffer.from('Testkamera'))).toBe(true);
		// The GPS IFD pointer (tag 0x8825) in either byte order.
		expect(before.exif?.includes(Buffer.from([0x25, 0x88])) || before.exif?.includes(Buffer.from([0x88, 0x25]))).toBe(true);

		const stored = readFileSync(photoPath(runtime.config.dataDir, (await add(original)).file));
		const after = await sharp(stored).metadata();
		expect(after.exif).toBeUndefined();
		expect(after.xmp).toBeUndefined();
		expect(after.iptc).toBeUndefined();
		expect(after.orientation).toBeUndefined();
		expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
		expect(stored.includes(Buffer.from('Testkamera'))).toBe(false);
	});

	it('is turned upright as the camera held it (EXIF orientation) before the orientation is dropped', async () => {
		const original = await phonePhoto({ orientation: 6 });
		expect((await sharp(original).metadata()).orientation).toBe(6);
		const photo = await add(original);
		expect([photo.width, photo.height]).toEqual([1067, 1600]);
	});

	it('may be a PNG (transparency becomes white) or a WebP, and a small one is not enlarged', async () => {
		const png = await sharp({ create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
		const fromPng = await add(png);
		expect([fromPng.width, fromPng.height]).toEqual([400, 300]);
		const { data } = await sharp(readFileSync(photoPath(runtime.config.dataDir, fromPng.file))).raw().toBuffer({ resolveWithObject: true });
		expect([...data.subarray(0, 3)].every((v) => v > 250)).toBe(true);

		const webp = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#336699' } }).webp().toBuffer();
		expect((await add(webp)).width).toBe(1600);
	});
});

describe('refused uploads, in German, storing nothing', () => {
	const refusals: [string, () => Promise<Uint8Array>, string][] = [
		['an empty file', async () => new Uint8Array(), PHOTO_MESSAGES.empty],
		['a file over 15 MB', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(15 * 1024 * 1024)]), 'Die Datei ist zu groß (höchstens 15 MB).'],
		['a text file named like a photo', async () => Buffer.from('Das ist kein Bild, auch wenn es foto.jpg heißt.'), 'Das ist kein Foto (JPEG, PNG oder WebP).'],
		['a PDF', async () => Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'Das ist kein Foto (JPEG, PNG oder WebP).'],
		['an SVG', async () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'Das ist kein Foto (JPEG, PNG oder WebP).'],
		['a broken JPEG', async () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('kaputt'.repeat(50))]), PHOTO_MESSAGES.broken],
		['a HEIC the server cannot read', async () => Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(64)]), PHOTO_MESSAGES.heic]
	];

	it.each(refusals)('%s', async (_name, bytes, message) => {
		const files = storedFiles();
		const rows = listEventPhotos(runtime.db, eventId).length;
		await expect(add(await bytes())).rejects.toThrow(message);
		expect(storedFiles()).toEqual(files);
		expect(listEventPhotos(runtime.db, eventId)).toHaveLength(rows);
	});

	it('a Themeninsel of another event', async () => {
		await expect(addPhoto(deps(), { eventId: eventId + 1, stationId, bytes: await phonePhoto() })).rejects.toThrow('Diese Themeninsel gibt es bei dieser Veranstaltung nicht');
	});

	it('a caption of more than 300 characters', async () => {
		await expect(add(await phonePhoto(), 'x'.repeat(301))).rejects.toThrow('höchstens 300 Zeichen');
	});
});

describe('captions and deleting', () => {
	it('a caption can be changed; deleting removes the record and the file', async () => {
		const photo = await add(await phonePhoto());
		expect(captionPhoto(runtime.db, eventId, photo.id, 'Neue Unterschrift').caption).toBe('Neue Unterschrift');
		const path = photoPath(runtime.config.dataDir, photo.file);
		expect(existsSync(path)).toBe(true);
		deletePhoto(deps(), eventId, photo.id);
		expect(existsSync(path)).toBe(false);
		expect(findPhoto(runtime.db, eventId, photo.id)).toBeUndefined();
		expect(() => deletePhoto(deps(), eventId, photo.id)).toThrow('Dieses Foto gibt es nicht');
	});

	it('a photo is only found through its own event', async () => {
		const photo = await add(await phonePhoto());
		expect(findPhoto(runtime.db, eventId + 1, photo.id)).toBeUndefined();
		expect(() => captionPhoto(runtime.db, eventId + 1, photo.id, 'fremd')).toThrow('Dieses Foto gibt es nicht');
	});

	it('a stored path never leads out of the photo folder', () => {
		expect(() => photoPath(runtime.config.dataDir, '../test.db')).toThrow();
		expect(() => photoPath(runtime.config.dataDir, 'photos/../../etc/passwd')).toThrow();
	});
});

describe('sniffing', () => {
	it('knows photos by their first bytes, not by their name', async () => {
		expect(sniffPhoto(await phonePhoto())).toBe('jpeg');
		expect(sniffPhoto(await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).png().toBuffer())).toBe('png');
		expect(sniffPhoto(await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).webp().toBuffer())).toBe('webp');
		expect(sniffPhoto(await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).gif().toBuffer())).toBeUndefined();
	});
});
