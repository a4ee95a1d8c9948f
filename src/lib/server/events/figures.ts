import { count, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { card, feedback, offer, participant, station, vote } from '../db/schema';

/** How far the event got: devices, votes, cards and feedback answers so far. */
export function eventFigures(db: Db, eventId: number) {
	const n = (rows: { n: number } | undefined) => rows?.n ?? 0;
	return {
		participants: n(db.select({ n: count() }).from(participant).where(eq(participant.eventId, eventId)).get()),
		votes: n(
			db
				.select({ n: count() })
				.from(vote)
				.innerJoin(offer, eq(offer.id, vote.offerId))
				.innerJoin(station, eq(station.id, offer.stationId))
				.where(eq(station.eventId, eventId))
				.get()
		),
		cards: n(db.select({ n: count() }).from(card).innerJoin(station, eq(station.id, card.stationId)).where(eq(station.eventId, eventId)).get()),
		feedback: n(db.select({ n: count() }).from(feedback).where(eq(feedback.eventId, eventId)).get())
	};
}
