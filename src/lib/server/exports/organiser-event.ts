import { error } from '@sveltejs/kit';
import { requireUser } from '../auth/guard';
import type { Db } from '../db/connection';
import { findEventById, type EventRow } from '../events/queries';

export const EVENT_NOT_FOUND = 'Diese Veranstaltung gibt es nicht (mehr). Bitte wählen Sie sie in der Übersicht aus.';

/**
 * The event of an organiser's page or download (`[id]` in the path). Nobody signed in: to the sign-in;
 * moderators: 403; an unknown id: 404.
 */
export function organiserEvent(db: Db, locals: App.Locals, url: URL, id: string): EventRow {
	requireUser(locals, url, 'organiser');
	const event = /^\d{1,15}$/.test(id) ? findEventById(db, Number(id)) : undefined;
	if (!event) error(404, EVENT_NOT_FOUND);
	return event;
}
