import { error } from '@sveltejs/kit';
import { readFile } from 'node:fs/promises';
import { requireUser } from '$lib/server/auth/guard';
import { findPhoto, photoPath } from '$lib/server/photos/photos';
import { useRuntime } from '$lib/server/runtime';
import { eventOfParam } from '$lib/server/setup/event-param';
import type { RequestHandler } from './$types';

const NOT_FOUND = 'Dieses Foto gibt es nicht (mehr).';

/** A pin-board photo, for signed-in organisers and moderators only (never from /static). */
export const GET: RequestHandler = async ({ locals, url, params }) => {
	requireUser(locals, url);
	const { db, config } = useRuntime();
	const event = eventOfParam(db, params.id);
	const photo = /^[1-9]\d{0,9}$/.test(params.photoId) ? findPhoto(db, event.id, Number(params.photoId)) : undefined;
	if (!photo) error(404, NOT_FOUND);
	let body: Buffer;
	try {
		body = await readFile(photoPath(config.dataDir, photo.file));
	} catch {
		error(404, NOT_FOUND);
	}
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'image/jpeg',
			'content-length': String(body.byteLength),
			// Like the pages: not kept for the next person at a shared office computer.
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'"
		}
	});
};
