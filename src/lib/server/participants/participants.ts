import { and, count, eq, sql } from 'drizzle-orm';
import type { Bus } from '../bus';
import { preparedFor, type Db } from '../db/connection';
import { participant } from '../db/schema';

const statements = preparedFor((db) => ({
	insert: db
		.insert(participant)
		.values({ eventId: sql.placeholder('eventId'), publicId: sql.placeholder('publicId') })
		.onConflictDoNothing()
		.prepare(),
	find: db
		.select({ id: participant.id })
		.from(participant)
		.where(and(eq(participant.eventId, sql.placeholder('eventId')), eq(participant.publicId, sql.placeholder('publicId'))))
		.prepare(),
	count: db
		.select({ n: count() })
		.from(participant)
		.where(eq(participant.eventId, sql.placeholder('eventId')))
		.prepare()
}));

/**
 * Registers the device's anonymous identity for the event (once) and returns its row id.
 * A device seen for the first time is published as `participantRegistered`.
 */
export function enterEvent(deps: { db: Db; bus: Bus }, eventId: number, publicId: string): number {
	const q = statements(deps.db);
	const inserted = q.insert.run({ eventId, publicId });
	const row = q.find.get({ eventId, publicId });
	if (!row) throw new Error(`participant ${publicId} of event ${eventId} vanished after insert`);
	if (inserted.changes > 0) deps.bus.publish('participantRegistered', { eventId });
	return row.id;
}

/** Distinct devices that took part in the event (people visit many tables). */
export function countParticipants(db: Db, eventId: number): number {
	return statements(db).count.get({ eventId })?.n ?? 0;
}
