import { requireUser } from '$lib/server/auth/guard';
import { listEvents } from '$lib/server/events/queries';
import { useRuntime } from '$lib/server/runtime';
import { listSeries } from '$lib/server/series/series';
import type { PageServerLoad } from './$types';

/** The events that are not archived, grouped by their series (a series without events shows too). */
export const load: PageServerLoad = ({ locals, url }) => {
	const user = requireUser(locals, url);
	const { db } = useRuntime();
	const events = listEvents(db);
	return {
		canManage: user.role === 'organiser',
		series: listSeries(db).map((s) => ({
			id: s.id,
			title: s.title,
			events: events
				.filter((e) => e.seriesId === s.id)
				.map(({ id, title, date, sozialraum, joinCode, displayToken }) => ({ id, title, date, sozialraum, joinCode, displayToken }))
		}))
	};
};
