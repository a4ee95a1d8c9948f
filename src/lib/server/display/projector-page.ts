import { error } from '@sveltejs/kit';
import type { ProjectorPage } from '../../projector/types';
import { phasesOf } from '../events/phases';
import { findEventByDisplayToken, findEventById, listPrompts, listStations, type EventRow } from '../events/queries';
import { joinBase, joinLink } from '../events/join-url';
import { wallCards } from '../moderation/moderation';
import { countParticipants } from '../participants/participants';
import { useRuntime } from '../runtime';
import { eventTallies } from '../voting/voting';
import { displayOf } from './display';

/** The event behind a secret display link; 404 when the link is wrong or was revoked. */
export function eventByDisplayToken(token: string): EventRow {
	const event = findEventByDisplayToken(useRuntime().db, token);
	if (!event) error(404, 'Dieser Anzeige-Link ist ungültig oder wurde zurückgezogen. Bitte öffnen Sie den aktuellen Link.');
	return event;
}

/** The event of an organiser page's `[id]`; 404 when there is none. */
export function eventById(id: string): EventRow {
	const event = /^[1-9][0-9]{0,15}$/.test(id) ? findEventById(useRuntime().db, Number(id)) : undefined;
	if (!event) error(404, 'Diese Veranstaltung gibt es nicht (mehr).');
	return event;
}

/**
 * Everything the projector page needs to draw its first screen: the event's set-up (Themeninseln with
 * their offers, prompts), the join link with its QR code, and the live state as it is now. The live
 * connection takes over from there. People connected right now are only known to the socket server,
 * so they start at 0; word cloud and cards of other Themeninseln arrive with the join.
 */
export async function projectorPage(event: EventRow, requestUrl: URL): Promise<ProjectorPage> {
	const { db, config } = useRuntime();
	const display = displayOf(event);
	return {
		event: {
			id: event.id,
			title: event.title,
			code: event.joinCode,
			votePrompt: event.votePrompt,
			feedbackPrompt: event.feedbackPrompt
		},
		stations: listStations(db, event.id).map(({ id, position, title, offers }) => ({
			id,
			position,
			title,
			offers: offers.map(({ id, title }) => ({ id, title }))
		})),
		prompts: listPrompts(db, event.id),
		join: await joinLink(joinBase(requestUrl, config.origin), event.joinCode),
		initial: {
			phases: phasesOf(event),
			display,
			tallies: eventTallies(db, event.id),
			presence: { connected: 0, total: countParticipants(db, event.id) },
			cards: display.screen === 'station' ? wallCards(db, event.id).filter((c) => c.stationId === display.stationId) : []
		}
	};
}
