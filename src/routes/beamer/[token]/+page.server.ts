import { error } from '@sveltejs/kit';
import { findEventByDisplayToken, listStations } from '$lib/server/events/queries';
import { joinBase, joinLink } from '$lib/server/events/join-url';
import { useRuntime } from '$lib/server/runtime';
import { eventTallies } from '$lib/server/voting/voting';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const { db, config } = useRuntime();
	const event = findEventByDisplayToken(db, params.token);
	if (!event) error(404, 'Dieser Anzeige-Link ist ungültig oder wurde zurückgezogen. Bitte öffnen Sie den aktuellen Link.');
	// The link is the key: never pass it on, never keep it in a cache.
	setHeaders({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
	return {
		token: params.token,
		event: { title: event.title, code: event.joinCode, votePrompt: event.votePrompt },
		stations: listStations(db, event.id).map(({ id, position, title, offers }) => ({
			id,
			position,
			title,
			offers: offers.map(({ id, title }) => ({ id, title }))
		})),
		tallies: eventTallies(db, event.id),
		join: await joinLink(joinBase(url, config.origin), event.joinCode)
	};
};
