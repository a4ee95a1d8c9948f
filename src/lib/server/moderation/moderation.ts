import { and, desc, eq, sql } from 'drizzle-orm';
import type { QueueEntry, WallCard } from '../../realtime/contract';
import type { Bus, CardFact, FeedbackFact } from '../bus';
import { cardFact } from '../cards/cards';
import { preparedFor, type Db } from '../db/connection';
import { card, feedback, station } from '../db/schema';
import { DomainError } from '../errors';
import { feedbackFact } from '../feedback/feedback';
import { blockedTerm, blocklistTerms } from './blocklist';

type Deps = { db: Db; bus: Bus };

export const isOnWall = (entry: { status: string; withdrawn?: boolean }) => entry.status === 'visible' && !entry.withdrawn;

export const wallCard = ({ id, stationId, promptId, text, createdAt }: CardFact): WallCard => ({
	id,
	stationId,
	promptId,
	text,
	createdAt
});

export function cardEntry(fact: CardFact, terms: readonly string[]): QueueEntry {
	const { id, stationId, promptId, text, status, withdrawn, createdAt } = fact;
	return { kind: 'card', id, text, status, withdrawn, stationId, promptId, createdAt, ...matched(status, text, terms) };
}

export function feedbackEntry(fact: FeedbackFact, terms: readonly string[]): QueueEntry {
	const { id, text, status, createdAt } = fact;
	return { kind: 'feedback', id, text, status, withdrawn: false, stationId: null, promptId: null, createdAt, ...matched(status, text, terms) };
}

function matched(status: string, text: string, terms: readonly string[]) {
	const term = status === 'held' ? blockedTerm(text, terms) : undefined;
	return term ? { matched: term } : {};
}

/**
 * Shows (approves) or hides a card or feedback entry. Hidden entries are kept, but leave the
 * projector and the Dokumentation.
 */
export function moderateEntry(
	deps: Deps,
	input: { eventId: number; kind: 'card' | 'feedback'; id: number; status: 'visible' | 'hidden' }
): QueueEntry {
	const terms = blocklistTerms(deps.db);
	if (input.kind === 'card') {
		const found = deps.db
			.select({ id: card.id })
			.from(card)
			.innerJoin(station, eq(station.id, card.stationId))
			.where(and(eq(card.id, input.id), eq(station.eventId, input.eventId)))
			.get();
		if (!found) throw notFound();
		const row = deps.db.update(card).set({ status: input.status }).where(eq(card.id, input.id)).returning().get();
		const fact = cardFact(row);
		deps.bus.publish('cardChanged', { eventId: input.eventId, card: fact });
		return cardEntry(fact, terms);
	}
	const row = deps.db
		.update(feedback)
		.set({ status: input.status })
		.where(and(eq(feedback.id, input.id), eq(feedback.eventId, input.eventId)))
		.returning()
		.get();
	if (!row) throw notFound();
	const fact = feedbackFact(row);
	deps.bus.publish('feedbackChanged', { eventId: input.eventId, feedback: fact });
	return feedbackEntry(fact, terms);
}

/** Every card and feedback entry of the event, newest first, for the moderators' queue. */
export function moderationQueue(db: Db, eventId: number): QueueEntry[] {
	const terms = blocklistTerms(db);
	const cards = eventCards(db, eventId).map((c) => cardEntry(cardFact(c), terms));
	const words = db
		.select()
		.from(feedback)
		.where(eq(feedback.eventId, eventId))
		.all()
		.map((f) => feedbackEntry(feedbackFact(f), terms));
	return [...cards, ...words].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
}

/** The cards the projector may show: visible and not withdrawn. */
export function wallCards(db: Db, eventId: number): WallCard[] {
	return eventCards(db, eventId)
		.map(cardFact)
		.filter(isOnWall)
		.map(wallCard);
}

const statements = preparedFor((db) => ({
	// Read every 500 ms while the feedback comes in (the live word cloud): prepared once.
	visibleFeedback: db
		.select({ text: feedback.text })
		.from(feedback)
		.where(and(eq(feedback.eventId, sql.placeholder('eventId')), eq(feedback.status, 'visible')))
		.prepare()
}));

/** The feedback words of the word cloud: everything a moderator has not hidden or held back. */
export function visibleFeedback(db: Db, eventId: number): string[] {
	return statements(db)
		.visibleFeedback.all({ eventId })
		.map((f) => f.text);
}

function eventCards(db: Db, eventId: number) {
	return db
		.select({ card })
		.from(card)
		.innerJoin(station, eq(station.id, card.stationId))
		.where(eq(station.eventId, eventId))
		.orderBy(desc(card.id))
		.all()
		.map((r) => r.card);
}

function notFound() {
	return new DomainError('not-found', 'Diesen Eintrag gibt es bei dieser Veranstaltung nicht.');
}
