import { and, asc, eq, sql } from 'drizzle-orm';
import type { OwnCard } from '../../realtime/contract';
import type { Bus, CardFact } from '../bus';
import { inTransaction, preparedFor, type Db } from '../db/connection';
import { card, event, prompt, station } from '../db/schema';
import { DomainError } from '../errors';
import { phasesOf, requireOpen } from '../events/phases';
import { initialStatus } from '../moderation/blocklist';

type Deps = { db: Db; bus: Bus };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type CardRow = typeof card.$inferSelect;
type Author = { eventId: number; participantId: number };

const own = (row: CardRow): OwnCard => ({
	cardId: row.clientId,
	stationId: row.stationId,
	promptId: row.promptId,
	text: row.text
});
export const cardFact = (row: CardRow): CardFact => ({
	id: row.id,
	stationId: row.stationId,
	promptId: row.promptId,
	text: row.text,
	status: row.status,
	withdrawn: row.withdrawn,
	createdAt: row.createdAt.getTime()
});

const statements = preparedFor((db) => ({
	byClientId: db.select().from(card).where(eq(card.clientId, sql.placeholder('clientId'))).prepare(),
	target: db
		.select({ worldCafeOpen: event.worldCafeOpen, feedbackOpen: event.feedbackOpen })
		.from(station)
		.innerJoin(event, eq(event.id, station.eventId))
		.innerJoin(prompt, and(eq(prompt.eventId, event.id), eq(prompt.id, sql.placeholder('promptId'))))
		.where(and(eq(station.id, sql.placeholder('stationId')), eq(station.eventId, sql.placeholder('eventId'))))
		.prepare(),
	insert: db
		.insert(card)
		.values({
			clientId: sql.placeholder('clientId'),
			stationId: sql.placeholder('stationId'),
			promptId: sql.placeholder('promptId'),
			participantId: sql.placeholder('participantId'),
			text: sql.placeholder('text'),
			status: sql.placeholder('status'),
			updatedAt: sql.placeholder('now')
		})
		.returning()
		.prepare(),
	ofParticipant: db
		.select()
		.from(card)
		.where(and(eq(card.participantId, sql.placeholder('participantId')), eq(card.withdrawn, false)))
		.orderBy(asc(card.id))
		.prepare()
}));

/** Stores a card for one prompt at one station; a retried submission returns the stored card. */
export function submitCard(
	deps: Deps,
	input: Author & { clientId: string; stationId: number; promptId: number; text: string }
): OwnCard {
	const q = statements(deps.db);
	const result = inTransaction(deps.db, () => {
		const earlier = q.byClientId.get({ clientId: input.clientId });
		if (earlier) {
			if (earlier.participantId !== input.participantId) throw reusedId();
			return { row: earlier, created: false };
		}
		const target = q.target.get({ promptId: input.promptId, stationId: input.stationId, eventId: input.eventId });
		if (!target) {
			throw new DomainError('not-found', 'Diese Themeninsel oder Frage gibt es bei dieser Veranstaltung nicht. Bitte laden Sie die Seite neu.');
		}
		requireOpen(phasesOf(target), 'worldCafeOpen');
		const { eventId: _eventId, ...values } = input;
		const status = initialStatus(deps.db, input.text);
		const row = q.insert.get({ status, now: new Date(), ...values })!;
		return { row, created: true };
	});
	if (result.created) deps.bus.publish('cardChanged', { eventId: input.eventId, card: cardFact(result.row) });
	return own(result.row);
}

/** Corrects the text of one of the person's own cards. */
export function editCard(deps: Deps, input: Author & { cardId: string; text: string }): OwnCard {
	const result = deps.db.transaction((tx) => {
		const row = ownCard(tx, input, input.cardId);
		if (row.withdrawn) throw new DomainError('not-found', 'Diese Karte wurde zurückgezogen.');
		if (row.text === input.text) return { row, changed: false };
		// A correction is checked again; what a moderator hid stays hidden.
		const status = row.status === 'hidden' ? 'hidden' : initialStatus(deps.db, input.text);
		const updated = tx
			.update(card)
			.set({ text: input.text, status, updatedAt: new Date() })
			.where(eq(card.id, row.id))
			.returning()
			.get();
		return { row: updated, changed: true };
	});
	if (result.changed) deps.bus.publish('cardChanged', { eventId: input.eventId, card: cardFact(result.row) });
	return own(result.row);
}

/** Takes back one of the person's own cards. Kept in the database, shown nowhere. */
export function withdrawCard(deps: Deps, input: Author & { cardId: string }): { cardId: string } {
	const result = deps.db.transaction((tx) => {
		const row = ownCard(tx, input, input.cardId);
		if (row.withdrawn) return { row, changed: false };
		const updated = tx.update(card).set({ withdrawn: true, updatedAt: new Date() }).where(eq(card.id, row.id)).returning().get();
		return { row: updated, changed: true };
	});
	if (result.changed) deps.bus.publish('cardChanged', { eventId: input.eventId, card: cardFact(result.row) });
	return { cardId: input.cardId };
}

export function cardsOfParticipant(db: Db, participantId: number): OwnCard[] {
	return statements(db).ofParticipant.all({ participantId }).map(own);
}

function ownCard(tx: Tx, author: Author, cardId: string): CardRow {
	const found = tx
		.select({ card, worldCafeOpen: event.worldCafeOpen, feedbackOpen: event.feedbackOpen })
		.from(card)
		.innerJoin(station, eq(station.id, card.stationId))
		.innerJoin(event, eq(event.id, station.eventId))
		.where(and(eq(card.clientId, cardId), eq(card.participantId, author.participantId), eq(event.id, author.eventId)))
		.get();
	if (!found) throw new DomainError('not-found', 'Diese Karte gibt es nicht oder sie gehört nicht zu Ihnen.');
	requireOpen(phasesOf(found), 'worldCafeOpen');
	return found.card;
}

function reusedId() {
	return new DomainError('invalid', 'Diese Einsendung wurde schon für etwas anderes verwendet. Bitte laden Sie die Seite neu.');
}
