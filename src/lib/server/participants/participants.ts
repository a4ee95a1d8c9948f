import { and, count, eq } from 'drizzle-orm';
import type { Bus } from '../bus';
import type { Db } from '../db/connection';
import { participant } from '../db/schema';

/**
 * Registers the device's anonymous identity for the event (once) and returns its row id.
 * A device seen for the first time is published as `participantRegistered`.
 */
export function enterEvent(deps: { db: Db; bus: Bus }, eventId: number, publicId: string): number {
	const inserted = deps.db.insert(participant).values({ eventId, publicId }).onConflictDoNothing().run();
	const row = deps.db
		.select({ id: participant.id })
		.from(participant)
		.where(and(eq(participant.eventId, eventId), eq(participant.publicId, publicId)))
		.get();
	if (!row) throw new Error(`participant ${publicId} of event ${eventId} vanished after insert`);
	if (inserted.changes > 0) deps.bus.publish('participantRegistered', { eventId });
	return row.id;
}

/** Distinct devices that took part in the event (people visit many tables). */
export function countParticipants(db: Db, eventId: number): number {
	return db.select({ n: count() }).from(participant).where(eq(participant.eventId, eventId)).get()?.n ?? 0;
}
