import { error } from '@sveltejs/kit';
import { findEventByCode, listPrompts, listStations } from '$lib/server/events/queries';
import { useRuntime } from '$lib/server/runtime';
import type { LayoutServerLoad } from './$types';

/** The whole set-up comes once: moving between Themeninseln then needs no request (bad Wi-Fi). */
export const load: LayoutServerLoad = ({ params }) => {
	const { db } = useRuntime();
	const event = findEventByCode(db, params.code);
	if (!event) error(404, 'Zu diesem Code gibt es keine Veranstaltung. Bitte prüfen Sie den Code auf dem Aushang.');
	return {
		event: {
			id: event.id,
			code: event.joinCode,
			title: event.title,
			sozialraum: event.sozialraum,
			date: event.date,
			votePrompt: event.votePrompt,
			feedbackPrompt: event.feedbackPrompt
		},
		prompts: listPrompts(db, event.id),
		stations: listStations(db, event.id).map(({ contacts: _contacts, ...station }) => station)
	};
};
