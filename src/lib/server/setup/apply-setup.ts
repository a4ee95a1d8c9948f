import { eq } from 'drizzle-orm';
import type { Bus } from '../bus';
import type { Db } from '../db/connection';
import { card, event, feedback, offer, prompt, station, vote } from '../db/schema';
import { displayOf } from '../display/display';
import { DomainError } from '../errors';
import { importSetup } from './import-setup';
import { countOffers, type EventSetup } from './model';
import type { SetupFile } from './setup-file';

export const LIVE_EVENT_MESSAGE =
	'Bei dieser Veranstaltung wurde schon abgestimmt, geschrieben oder Feedback gegeben. Damit keine Stimmen und Karten verloren gehen, lässt sich die Einrichtung nicht mehr als Ganzes ersetzen. Duplizieren Sie die Veranstaltung und importieren Sie die Datei in die Kopie, oder ändern Sie die Themeninseln einzeln.';

type Reader = Pick<Db, 'select'>;

/** Whether anyone has voted, written a card or given feedback at the event: then its set-up is theirs too. */
export function hasParticipation(db: Reader, eventId: number): boolean {
	const voted = db
		.select({ id: vote.id })
		.from(vote)
		.innerJoin(offer, eq(offer.id, vote.offerId))
		.innerJoin(station, eq(station.id, offer.stationId))
		.where(eq(station.eventId, eventId))
		.limit(1)
		.get();
	if (voted) return true;
	const wrote = db
		.select({ id: card.id })
		.from(card)
		.innerJoin(station, eq(station.id, card.stationId))
		.where(eq(station.eventId, eventId))
		.limit(1)
		.get();
	if (wrote) return true;
	return !!db.select({ id: feedback.id }).from(feedback).where(eq(feedback.eventId, eventId)).limit(1).get();
}

/**
 * Replaces an event's Themeninseln and offers (and, when the set-up has them, its prompts) in one
 * transaction. Refused once the event has votes, cards or feedback: deleting stations would delete them.
 * A projector showing one of the old stations goes back to the join screen.
 */
export function replaceSetup(db: Db, eventId: number, setup: Omit<EventSetup, 'warnings'>, bus?: Bus) {
	const result = db.transaction((tx) => {
		const row = tx.select().from(event).where(eq(event.id, eventId)).get();
		if (!row) throw new DomainError('not-found', 'Diese Veranstaltung gibt es nicht mehr.');
		if (hasParticipation(tx, eventId)) throw new DomainError('forbidden', LIVE_EVENT_MESSAGE);

		tx.delete(station).where(eq(station.eventId, eventId)).run();
		setup.stations.forEach((s, i) => {
			const { id: stationId } = tx
				.insert(station)
				.values({ eventId, position: i + 1, title: s.title, contacts: s.contacts })
				.returning({ id: station.id })
				.get();
			s.offers.forEach((o, j) => {
				tx.insert(offer).values({ stationId, position: j + 1, title: o.title, description: o.description }).run();
			});
		});

		if (setup.prompts) {
			tx.delete(prompt).where(eq(prompt.eventId, eventId)).run();
			setup.prompts.cards.forEach((text, i) => {
				tx.insert(prompt).values({ eventId, position: i + 1, text }).run();
			});
		}
		const updated = tx
			.update(event)
			.set({
				...(setup.prompts ? { votePrompt: setup.prompts.vote, feedbackPrompt: setup.prompts.feedback } : {}),
				displayStationId: null,
				...(row.displayScreen === 'station' ? { displayScreen: 'join' as const } : {})
			})
			.where(eq(event.id, eventId))
			.returning()
			.get();
		const displayMoved = row.displayStationId !== null || row.displayScreen === 'station';
		return { stations: setup.stations.length, offers: countOffers(setup), display: displayMoved ? displayOf(updated) : undefined };
	});
	if (result.display) bus?.publish('displayChanged', { eventId, display: result.display });
	return { stations: result.stations, offers: result.offers };
}

/** A new series and event from a whole set-up file, e.g. next year's round. */
export function createEventFromSetup(db: Db, file: SetupFile) {
	return importSetup(db, file);
}
