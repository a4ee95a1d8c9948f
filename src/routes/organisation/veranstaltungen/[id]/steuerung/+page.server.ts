import { error } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/guard';
import { joinBase } from '$lib/server/events/join-url';
import { findEventById, listPrompts, listStations } from '$lib/server/events/queries';
import { useRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

const NOT_FOUND = 'Diese Veranstaltung gibt es nicht (mehr). Bitte wählen Sie sie in der Übersicht der Veranstaltungen aus.';

/** The moderators' control surface: everything live comes over the socket, this is the frame. */
export const load: PageServerLoad = ({ locals, url, params }) => {
	requireUser(locals, url);
	const { db, config } = useRuntime();
	const id = /^[1-9]\d{0,15}$/.test(params.id) ? Number(params.id) : NaN;
	const event = Number.isSafeInteger(id) ? findEventById(db, id) : undefined;
	if (!event) error(404, NOT_FOUND);

	// Addresses for other devices in the room: the laptop's network address instead of localhost.
	const base = joinBase(url, config.origin);
	return {
		event: { id: event.id, title: event.title, joinCode: event.joinCode },
		stations: listStations(db, event.id).map(({ id, position, title }) => ({ id, position, title })),
		prompts: listPrompts(db, event.id),
		links: {
			join: `${base}/${event.joinCode}`,
			projectorPath: `/beamer/${event.displayToken}`,
			projectorUrl: `${base}/beamer/${event.displayToken}`,
			staffProjector: `/organisation/veranstaltungen/${event.id}/beamer`
		}
	};
};
