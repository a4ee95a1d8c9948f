import { fail } from '@sveltejs/kit';
import * as v from 'valibot';
import { longDate } from '$lib/dates';
import { requireUser } from '$lib/server/auth/guard';
import { listStations } from '$lib/server/events/queries';
import { readForm, refused } from '$lib/server/forms';
import { MAX_PHOTO_BYTES, PHOTO_MESSAGES } from '$lib/server/photos/prepare';
import { addPhoto, CAPTION_MAX_LENGTH, captionPhoto, deletePhoto, listEventPhotos } from '$lib/server/photos/photos';
import { useRuntime } from '$lib/server/runtime';
import { eventOfParam } from '$lib/server/setup/event-param';
import type { Actions, PageServerLoad } from './$types';

/** Organisers and moderators: from a phone at the table, during the event. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	const user = requireUser(locals, url);
	const { db } = useRuntime();
	const event = eventOfParam(db, params.id);
	const photos = listEventPhotos(db, event.id);
	return {
		event: { id: event.id, title: event.title, date: longDate(event.date) },
		organiser: user.role === 'organiser',
		stations: listStations(db, event.id).map((s) => ({
			id: s.id,
			position: s.position,
			title: s.title,
			photos: photos
				.filter((p) => p.stationId === s.id)
				.map((p) => ({ id: p.id, url: `/organisation/veranstaltungen/${event.id}/fotos/${p.id}.jpg`, caption: p.caption, width: p.width, height: p.height }))
		})),
		maxBytes: MAX_PHOTO_BYTES,
		captionMaxLength: CAPTION_MAX_LENGTH
	};
};

const Id = v.pipe(v.string(), v.regex(/^[1-9]\d{0,9}$/, 'Bitte laden Sie die Seite neu.'), v.transform(Number));
const Caption = v.object({ photoId: Id, caption: v.optional(v.pipe(v.string(), v.maxLength(CAPTION_MAX_LENGTH, `Höchstens ${CAPTION_MAX_LENGTH} Zeichen.`)), '') });
const PhotoId = v.object({ photoId: Id });

export const actions: Actions = {
	upload: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url);
		const { db, config } = useRuntime();
		const event = eventOfParam(db, params.id);
		const data = await request.formData();
		const stationId = String(data.get('stationId') ?? '');
		const form = `station-${stationId}`;
		// Two inputs share the name: the camera's and the file chooser's; the one that holds a file counts.
		const file = data.getAll('photo').find((f): f is File => f instanceof File && f.size > 0);
		if (!/^[1-9]\d{0,9}$/.test(stationId)) return fail(400, { form, message: 'Bitte laden Sie die Seite neu.' });
		if (!file) return fail(400, { form, message: PHOTO_MESSAGES.empty });
		if (file.size > MAX_PHOTO_BYTES) return fail(400, { form, message: PHOTO_MESSAGES.tooBig });
		try {
			await addPhoto(
				{ db, dataDir: config.dataDir },
				{ eventId: event.id, stationId: Number(stationId), bytes: new Uint8Array(await file.arrayBuffer()), caption: String(data.get('caption') ?? ''), uploadedBy: user.id }
			);
		} catch (e) {
			return refused(e, form);
		}
		return { form, saved: 'Das Foto ist gespeichert, ohne Ortsangaben und andere Metadaten.' };
	},
	caption: async ({ request, locals, url, params }) => {
		requireUser(locals, url);
		const { db } = useRuntime();
		const event = eventOfParam(db, params.id);
		const form = await readForm(request, Caption);
		if (!form.ok) return form.failure;
		try {
			captionPhoto(db, event.id, form.data.photoId, form.data.caption);
		} catch (e) {
			return refused(e, `photo-${form.data.photoId}`);
		}
		return { form: `photo-${form.data.photoId}`, saved: 'Die Bildunterschrift ist gespeichert.' };
	},
	delete: async ({ request, locals, url, params }) => {
		requireUser(locals, url);
		const { db, config } = useRuntime();
		const event = eventOfParam(db, params.id);
		const form = await readForm(request, PhotoId);
		if (!form.ok) return form.failure;
		try {
			deletePhoto({ db, dataDir: config.dataDir }, event.id, form.data.photoId);
		} catch (e) {
			return refused(e);
		}
		return { form: 'deleted', saved: 'Das Foto ist gelöscht.' };
	}
};
