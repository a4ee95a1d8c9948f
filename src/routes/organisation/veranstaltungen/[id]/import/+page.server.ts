import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { DomainError } from '$lib/server/errors';
import { listPrompts, listStations } from '$lib/server/events/queries';
import { organiserEvent } from '$lib/server/exports/organiser-event';
import { useRuntime } from '$lib/server/runtime';
import { hasParticipation, LIVE_EVENT_MESSAGE, replaceSetup } from '$lib/server/setup/apply-setup';
import { countOffers, MAX_LISTED_PROBLEMS, MAX_UPLOAD_BYTES } from '$lib/server/setup/model';
import { PENDING_IMPORT_MS, pendingImports } from '$lib/server/setup/pending-imports';
import { MAX_UPLOAD_SIZE, readSetupUpload, sizeProblem } from '$lib/server/setup/read-upload';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { db } = useRuntime();
	const event = organiserEvent(db, locals, url, params.id);
	const stations = listStations(db, event.id);
	return {
		event: { id: event.id, title: event.title, date: event.date },
		current: { stations: stations.length, offers: countOffers({ stations }), prompts: listPrompts(db, event.id).map((p) => p.text) },
		live: hasParticipation(db, event.id) ? LIVE_EVENT_MESSAGE : undefined,
		applied: url.searchParams.has('uebernommen'),
		maxBytes: MAX_UPLOAD_BYTES,
		maxSize: MAX_UPLOAD_SIZE,
		previewMinutes: PENDING_IMPORT_MS / 60_000
	};
};

export const actions: Actions = {
	/** Reads and checks the file and shows what would be imported; writes nothing. */
	pruefen: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url, 'organiser');
		const { db } = useRuntime();
		const event = organiserEvent(db, locals, url, params.id);
		if (hasParticipation(db, event.id)) return fail(409, { refused: LIVE_EVENT_MESSAGE });

		let file: FormDataEntryValue | null;
		try {
			file = (await request.formData()).get('datei');
		} catch (error) {
			// adapter-node's BODY_SIZE_LIMIT (512 KB unless set) ends the upload before our own limit.
			const tooLarge = (error as { status?: unknown }).status === 413;
			return fail(tooLarge ? 413 : 400, {
				missing: tooLarge
					? 'Die Datei ist zu groß, um sie auf diesem Server hochzuladen. Entfernen Sie z. B. Bilder aus der Tabelle oder speichern Sie sie als CSV.'
					: 'Die Datei ist nicht vollständig angekommen. Bitte versuchen Sie es noch einmal.'
			});
		}
		if (!(file instanceof File) || (file.size === 0 && file.name === '')) {
			return fail(400, { missing: 'Bitte wählen Sie eine Datei aus.' });
		}
		const fileName = file.name.slice(0, 200);
		// Checked before reading, so an oversized file is not held in memory twice.
		const tooBig = sizeProblem(file.size);
		if (tooBig) return fail(400, { fileName, problems: [{ message: tooBig }], problemCount: 1 });

		const result = await readSetupUpload({ name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) });
		if (!result.ok) {
			const { format, problems } = result;
			return fail(400, { fileName, format, problems: problems.slice(0, MAX_LISTED_PROBLEMS), problemCount: problems.length });
		}
		const token = pendingImports.put({ userId: user.id, eventId: event.id, format: result.format, fileName, setup: result.setup });
		return { fileName, format: result.format, token, preview: result.setup };
	},

	/** Applies the set-up the server checked and showed; the browser only sends back its token. */
	uebernehmen: async ({ request, locals, url, params }) => {
		const user = requireUser(locals, url, 'organiser');
		const { db, bus } = useRuntime();
		const event = organiserEvent(db, locals, url, params.id);
		const token = String((await request.formData()).get('vorschau') ?? '');
		const pending = pendingImports.find(token, user.id, event.id);
		if (!pending) {
			return fail(410, { expired: 'Diese Vorschau ist abgelaufen oder wurde schon übernommen. Bitte laden Sie die Datei noch einmal hoch.' });
		}
		try {
			replaceSetup(db, event.id, pending.setup, bus);
		} catch (error) {
			if (error instanceof DomainError) return fail(409, { refused: error.message });
			throw error;
		}
		pendingImports.discard(token);
		redirect(303, `/organisation/veranstaltungen/${event.id}/import?uebernommen`);
	}
};
