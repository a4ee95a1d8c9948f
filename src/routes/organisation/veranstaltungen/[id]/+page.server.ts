import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guard';
import { archiveEvent, deleteEvent, duplicateEvent, regenerateJoinCode, revokeDisplayLink, updateEvent } from '$lib/server/events/admin';
import { EventFields } from '$lib/server/events/event-fields';
import { eventFigures } from '$lib/server/events/figures';
import { findEventById, listEvents } from '$lib/server/events/queries';
import { readForm, refused } from '$lib/server/forms';
import { eraseParticipation } from '$lib/server/participants/erase';
import { deleteEventPhotoFiles } from '$lib/server/photos/photos';
import { useRuntime } from '$lib/server/runtime';
import { findSeries } from '$lib/server/series/series';
import type { Actions, PageServerLoad } from './$types';

function eventOf(params: { id: string }) {
	const event = findEventById(useRuntime().db, Number(params.id));
	if (!event) error(404, 'Diese Veranstaltung gibt es nicht (mehr).');
	return event;
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	requireUser(locals, url, 'organiser');
	const { db } = useRuntime();
	const event = eventOf(params);
	const series = findSeries(db, event.seriesId)!;
	const taken = new Set(listEvents(db).map((e) => `${e.date} ${e.sozialraum}`));
	return {
		event,
		series: { id: series.id, title: series.title },
		figures: eventFigures(db, event.id),
		// The series' dates still without an event: what "duplicate" offers first.
		openDates: series.dates.filter((d) => !taken.has(`${d.date} ${d.sozialraum}`))
	};
};

const Duplicate = v.object({
	sozialraum: v.pipe(v.string(), v.trim(), v.nonEmpty('Bitte geben Sie den Sozialraum an.'), v.maxLength(100)),
	date: v.pipe(v.string(), v.trim(), v.isoDate('Bitte ein Datum wählen.'))
});
const Confirmed = v.object({ confirm: v.literal('ja', 'Bitte bestätigen Sie das Häkchen.') });

export const actions: Actions = {
	save: async ({ request, params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const event = eventOf(params);
		const form = await readForm(request, EventFields, 'details');
		if (!form.ok) return form.failure;
		updateEvent(useRuntime().db, event.id, form.data);
		return { form: 'details', saved: 'Die Angaben sind gespeichert.' };
	},
	duplicate: async ({ request, params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const event = eventOf(params);
		const form = await readForm(request, Duplicate, 'duplicate');
		if (!form.ok) return form.failure;
		const title = event.title.includes(event.sozialraum)
			? event.title.replace(event.sozialraum, form.data.sozialraum)
			: `${event.title} – ${form.data.sozialraum}`;
		const copy = duplicateEvent(useRuntime().db, event.id, { ...form.data, title });
		redirect(303, `/organisation/veranstaltungen/${copy.id}?neu=1`);
	},
	newCode: ({ params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const code = regenerateJoinCode(useRuntime().db, eventOf(params).id);
		return { form: 'access', saved: `Der neue Code ist ${code}. Drucken Sie die Tischkarten neu.` };
	},
	newDisplayLink: ({ params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		revokeDisplayLink(useRuntime(), eventOf(params).id);
		return { form: 'access', saved: 'Der alte Beamer-Link gilt nicht mehr. Öffnen Sie den neuen Link auf dem Beamer-Rechner.' };
	},
	archive: async ({ request, params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const archived = (await request.formData()).get('archived') === 'ja';
		archiveEvent(useRuntime().db, eventOf(params).id, archived);
		return { form: 'archive', saved: archived ? 'Die Veranstaltung ist archiviert.' : 'Die Veranstaltung ist wieder aktiv.' };
	},
	erase: async ({ request, params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const form = await readForm(request, Confirmed, 'erase');
		if (!form.ok) return form.failure;
		const devices = eraseParticipation(useRuntime(), eventOf(params).id);
		return { form: 'erase', saved: `Alle Beteiligungsdaten sind gelöscht (${devices} Geräte). Die Einrichtung bleibt erhalten.` };
	},
	delete: async ({ request, params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const form = await readForm(request, Confirmed, 'delete');
		if (!form.ok) return form.failure;
		const { db, config } = useRuntime();
		const id = eventOf(params).id;
		try {
			deleteEvent(db, id);
		} catch (e) {
			return refused(e, 'delete');
		}
		deleteEventPhotoFiles(config.dataDir, id);
		redirect(303, '/organisation?geloescht=1');
	}
};
