import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { photo, station } from '../db/schema';
import { DomainError } from '../errors';
import { preparePhoto } from './prepare';

export type PhotoView = { id: number; stationId: number; file: string; width: number; height: number; caption: string; createdAt: number };

export const CAPTION_MAX_LENGTH = 300;

type Deps = { db: Db; dataDir: string };

/**
 * Stores a photo of a Themeninsel's pin board: resized and stripped of metadata (see preparePhoto), written to
 * `<dataDir>/photos/<eventId>/<random>.jpg`, then recorded. Refusals are German DomainErrors.
 */
export async function addPhoto(
	deps: Deps,
	input: { eventId: number; stationId: number; bytes: Uint8Array; caption?: string; uploadedBy?: number }
): Promise<PhotoView> {
	requireStation(deps.db, input.eventId, input.stationId);
	const caption = cleanCaption(input.caption ?? '');
	const prepared = await preparePhoto(input.bytes);
	const file = `photos/${input.eventId}/${randomBytes(16).toString('hex')}.jpg`;
	const path = photoPath(deps.dataDir, file);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(`${path}.part`, prepared.data);
	renameSync(`${path}.part`, path);
	try {
		const row = deps.db
			.insert(photo)
			.values({ stationId: input.stationId, file, width: prepared.width, height: prepared.height, caption, uploadedBy: input.uploadedBy })
			.returning()
			.get();
		return view(row);
	} catch (error) {
		rmSync(path, { force: true });
		throw error;
	}
}

/** Every photo of the event, by Themeninsel and in the order they came. */
export function listEventPhotos(db: Db, eventId: number): PhotoView[] {
	return db
		.select({ photo })
		.from(photo)
		.innerJoin(station, eq(station.id, photo.stationId))
		.where(eq(station.eventId, eventId))
		.orderBy(asc(station.position), asc(photo.id))
		.all()
		.map((r) => view(r.photo));
}

export function findPhoto(db: Db, eventId: number, photoId: number): PhotoView | undefined {
	const row = db
		.select({ photo })
		.from(photo)
		.innerJoin(station, eq(station.id, photo.stationId))
		.where(and(eq(photo.id, photoId), eq(station.eventId, eventId)))
		.get();
	return row ? view(row.photo) : undefined;
}

export function captionPhoto(db: Db, eventId: number, photoId: number, caption: string): PhotoView {
	requirePhoto(db, eventId, photoId);
	const row = db.update(photo).set({ caption: cleanCaption(caption) }).where(eq(photo.id, photoId)).returning().get();
	return view(row);
}

/** Deletes the record, then the file. */
export function deletePhoto(deps: Deps, eventId: number, photoId: number): void {
	const found = requirePhoto(deps.db, eventId, photoId);
	deps.db.delete(photo).where(eq(photo.id, photoId)).run();
	rmSync(photoPath(deps.dataDir, found.file), { force: true });
}

/** Removes the photo folder of a deleted event (its rows went with the event, by cascade). */
export function deleteEventPhotoFiles(dataDir: string, eventId: number): void {
	rmSync(resolve(dataDir, 'photos', String(eventId)), { recursive: true, force: true });
}

/** The file of a stored photo; refuses paths that would lead out of the photo folder. */
export function photoPath(dataDir: string, file: string): string {
	const root = resolve(dataDir, 'photos');
	const path = resolve(dataDir, file);
	if (!path.startsWith(root + sep) || relative(root, path).startsWith('..')) throw new Error(`photo path outside ${root}: ${file}`);
	return path;
}

function cleanCaption(caption: string): string {
	const text = caption.normalize('NFC').replace(/\s+/g, ' ').trim();
	if (text.length > CAPTION_MAX_LENGTH) throw new DomainError('invalid', `Die Bildunterschrift ist zu lang: höchstens ${CAPTION_MAX_LENGTH} Zeichen.`);
	return text;
}

function requireStation(db: Db, eventId: number, stationId: number): void {
	const found = db
		.select({ id: station.id })
		.from(station)
		.where(and(eq(station.id, stationId), eq(station.eventId, eventId)))
		.get();
	if (!found) throw new DomainError('not-found', 'Diese Themeninsel gibt es bei dieser Veranstaltung nicht. Bitte laden Sie die Seite neu.');
}

function requirePhoto(db: Db, eventId: number, photoId: number): PhotoView {
	const found = findPhoto(db, eventId, photoId);
	if (!found) throw new DomainError('not-found', 'Dieses Foto gibt es nicht (mehr). Bitte laden Sie die Seite neu.');
	return found;
}

const view = (row: typeof photo.$inferSelect): PhotoView => ({
	id: row.id,
	stationId: row.stationId,
	file: row.file,
	width: row.width,
	height: row.height,
	caption: row.caption,
	createdAt: row.createdAt.getTime()
});

