import { error } from '@sveltejs/kit';
import type { Db } from '../db/connection';
import { findEventById, type EventRow } from '../events/queries';

/** The event a route's `[id]` names, or the 404 page. */
export function eventOfParam(db: Db, id: string): EventRow {
	const found = /^[1-9][0-9]{0,9}$/.test(id) ? findEventById(db, Number(id)) : undefined;
	if (!found) error(404, 'Diese Veranstaltung gibt es nicht (mehr). Wählen Sie sie bitte in der Übersicht neu aus.');
	return found;
}
