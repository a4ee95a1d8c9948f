import { error, redirect } from '@sveltejs/kit';
import { asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { requireUser } from '$lib/server/auth/guard';
import { event } from '$lib/server/db/schema';
import { createEvent } from '$lib/server/events/admin';
import { EventFields } from '$lib/server/events/event-fields';
import { readForm, refused } from '$lib/server/forms';
import { useRuntime } from '$lib/server/runtime';
import { deleteSeries, findSeries, SeriesFields, updateSeries } from '$lib/server/series/series';
import type { Actions, PageServerLoad } from './$types';

function seriesOf(params: { seriesId: string }) {
	const found = findSeries(useRuntime().db, Number(params.seriesId));
	if (!found) error(404, 'Diese Veranstaltungsreihe gibt es nicht (mehr).');
	return found;
}

export const load: PageServerLoad = ({ params, locals, url }) => {
	requireUser(locals, url, 'organiser');
	const series = seriesOf(params);
	const events = useRuntime()
		.db.select({ id: event.id, title: event.title, date: event.date, sozialraum: event.sozialraum, archived: event.archived })
		.from(event)
		.where(eq(event.seriesId, series.id))
		.orderBy(asc(event.date))
		.all();
	return { series, events };
};

const NewEvent = v.object({
	...EventFields.entries,
	votePrompt: v.optional(EventFields.entries.votePrompt, 'Kennen Sie dieses Angebot?'),
	worldCafeMinutes: v.optional(EventFields.entries.worldCafeMinutes, '75')
});

export const actions: Actions = {
	save: async ({ request, params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const series = seriesOf(params);
		const form = await readForm(request, SeriesFields, 'series');
		if (!form.ok) return form.failure;
		updateSeries(useRuntime().db, series.id, form.data);
		return { form: 'series', saved: 'Die Reihe ist gespeichert.' };
	},
	createEvent: async ({ request, params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		const series = seriesOf(params);
		const form = await readForm(request, NewEvent, 'event');
		if (!form.ok) return form.failure;
		const created = createEvent(useRuntime().db, series.id, form.data);
		redirect(303, `/organisation/veranstaltungen/${created.id}/einrichtung`);
	},
	delete: ({ params, locals, url }) => {
		requireUser(locals, url, 'organiser');
		try {
			deleteSeries(useRuntime().db, seriesOf(params).id);
		} catch (e) {
			return refused(e, 'delete');
		}
		redirect(303, '/organisation');
	}
};
