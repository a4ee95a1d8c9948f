import { requireUser } from '$lib/server/auth/guard';
import { listEvents } from '$lib/server/events/queries';
import { useRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	requireUser(locals, url);
	return {
		events: listEvents(useRuntime().db).map(({ id, title, date, sozialraum, joinCode, displayToken }) => ({
			id,
			title,
			date,
			sozialraum,
			joinCode,
			displayToken
		}))
	};
};
