import { eq } from 'drizzle-orm';
import type { Bus } from '../bus';
import type { Db } from '../db/connection';
import { participant } from '../db/schema';

/**
 * Deletes every participant of the event and with them (cascade) all votes, cards and feedback.
 * The set-up stays, so the event can run again or be duplicated. Returns how many devices took part.
 */
export function eraseParticipation(deps: { db: Db; bus: Bus }, eventId: number): number {
	const { changes } = deps.db.delete(participant).where(eq(participant.eventId, eventId)).run();
	deps.bus.publish('participationErased', { eventId });
	return changes;
}
