/**
 * Editing an event's set-up: Themeninseln, offers and prompts. Titles and texts may change while the
 * event is live (votes and cards stay attached by id); deleting something that already has votes or
 * cards is refused, so a live event never loses answers. Positions are the numbers in /<CODE>/<n>.
 */
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { card, offer, prompt, station, vote, type Contact } from '../db/schema';
import { DomainError } from '../errors';
import type { OfferFields, PromptFields, StationFields } from './editor-fields';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Ordered = typeof station | typeof offer | typeof prompt;

export function addStation(db: Db, eventId: number, fields: StationFields): number {
	return db.transaction((tx) => {
		const position = countWhere(tx, station, eq(station.eventId, eventId)) + 1;
		return tx.insert(station).values({ eventId, position, ...fields }).returning({ id: station.id }).get().id;
	});
}

export function updateStation(db: Db, eventId: number, stationId: number, fields: { title: string; contacts: Contact[] }): void {
	requireStation(db, eventId, stationId);
	db.update(station).set(fields).where(eq(station.id, stationId)).run();
}

export function moveStation(db: Db, eventId: number, stationId: number, by: -1 | 1): void {
	requireStation(db, eventId, stationId);
	db.transaction((tx) => move(tx, station, siblingIds(tx, station, eq(station.eventId, eventId)), stationId, by));
}

export function deleteStation(db: Db, eventId: number, stationId: number): void {
	requireStation(db, eventId, stationId);
	const offerIds = db.select({ id: offer.id }).from(offer).where(eq(offer.stationId, stationId)).all().map((o) => o.id);
	const answered =
		(offerIds.length > 0 && countWhere(db, vote, inArray(vote.offerId, offerIds)) > 0) || countWhere(db, card, eq(card.stationId, stationId)) > 0;
	if (answered) {
		throw new DomainError('invalid', 'Zu dieser Themeninsel gibt es schon Stimmen oder Karten. Sie bleibt erhalten, damit nichts verloren geht; ändern Sie stattdessen den Titel.');
	}
	db.transaction((tx) => {
		tx.delete(station).where(eq(station.id, stationId)).run();
		renumber(tx, station, siblingIds(tx, station, eq(station.eventId, eventId)));
	});
}

export function addOffer(db: Db, eventId: number, stationId: number, fields: OfferFields): number {
	requireStation(db, eventId, stationId);
	return db.transaction((tx) => {
		const position = countWhere(tx, offer, eq(offer.stationId, stationId)) + 1;
		return tx.insert(offer).values({ stationId, position, ...fields }).returning({ id: offer.id }).get().id;
	});
}

export function updateOffer(db: Db, eventId: number, offerId: number, fields: OfferFields): void {
	requireOffer(db, eventId, offerId);
	db.update(offer).set(fields).where(eq(offer.id, offerId)).run();
}

export function moveOffer(db: Db, eventId: number, offerId: number, by: -1 | 1): void {
	const { stationId } = requireOffer(db, eventId, offerId);
	db.transaction((tx) => move(tx, offer, siblingIds(tx, offer, eq(offer.stationId, stationId)), offerId, by));
}

export function deleteOffer(db: Db, eventId: number, offerId: number): void {
	const { stationId } = requireOffer(db, eventId, offerId);
	if (countWhere(db, vote, eq(vote.offerId, offerId)) > 0) {
		throw new DomainError('invalid', 'Zu diesem Angebot gibt es schon Stimmen. Es bleibt erhalten, damit nichts verloren geht; ändern Sie stattdessen den Titel.');
	}
	if (countWhere(db, offer, eq(offer.stationId, stationId)) <= 1) {
		throw new DomainError('invalid', 'Jede Themeninsel braucht mindestens ein Angebot.');
	}
	db.transaction((tx) => {
		tx.delete(offer).where(eq(offer.id, offerId)).run();
		renumber(tx, offer, siblingIds(tx, offer, eq(offer.stationId, stationId)));
	});
}

export function addPrompt(db: Db, eventId: number, fields: PromptFields): number {
	return db.transaction((tx) => {
		const position = countWhere(tx, prompt, eq(prompt.eventId, eventId)) + 1;
		return tx.insert(prompt).values({ eventId, position, ...fields }).returning({ id: prompt.id }).get().id;
	});
}

export function updatePrompt(db: Db, eventId: number, promptId: number, fields: PromptFields): void {
	requirePrompt(db, eventId, promptId);
	db.update(prompt).set(fields).where(eq(prompt.id, promptId)).run();
}

export function movePrompt(db: Db, eventId: number, promptId: number, by: -1 | 1): void {
	requirePrompt(db, eventId, promptId);
	db.transaction((tx) => move(tx, prompt, siblingIds(tx, prompt, eq(prompt.eventId, eventId)), promptId, by));
}

export function deletePrompt(db: Db, eventId: number, promptId: number): void {
	requirePrompt(db, eventId, promptId);
	if (countWhere(db, card, eq(card.promptId, promptId)) > 0) {
		throw new DomainError('invalid', 'Zu dieser Frage gibt es schon Karten. Sie bleibt erhalten, damit nichts verloren geht; ändern Sie stattdessen den Text.');
	}
	db.transaction((tx) => {
		tx.delete(prompt).where(eq(prompt.id, promptId)).run();
		renumber(tx, prompt, siblingIds(tx, prompt, eq(prompt.eventId, eventId)));
	});
}

function requireStation(db: Db, eventId: number, stationId: number) {
	const found = db.select().from(station).where(and(eq(station.id, stationId), eq(station.eventId, eventId))).get();
	if (!found) throw new DomainError('not-found', 'Diese Themeninsel gibt es bei dieser Veranstaltung nicht.');
	return found;
}

function requireOffer(db: Db, eventId: number, offerId: number) {
	const found = db
		.select({ stationId: offer.stationId })
		.from(offer)
		.innerJoin(station, eq(station.id, offer.stationId))
		.where(and(eq(offer.id, offerId), eq(station.eventId, eventId)))
		.get();
	if (!found) throw new DomainError('not-found', 'Dieses Angebot gibt es bei dieser Veranstaltung nicht.');
	return found;
}

function requirePrompt(db: Db, eventId: number, promptId: number) {
	const found = db.select().from(prompt).where(and(eq(prompt.id, promptId), eq(prompt.eventId, eventId))).get();
	if (!found) throw new DomainError('not-found', 'Diese Frage gibt es bei dieser Veranstaltung nicht.');
	return found;
}

function countWhere(db: Db | Tx, table: Ordered | typeof vote | typeof card, where: ReturnType<typeof eq>): number {
	return db.select({ n: count() }).from(table).where(where).get()?.n ?? 0;
}

// The three ordered tables share `id` and `position`; typing them as one keeps a single implementation.
const as = (table: Ordered) => table as typeof station;

function siblingIds(tx: Tx, table: Ordered, parent: ReturnType<typeof eq>): number[] {
	const t = as(table);
	return tx.select({ id: t.id }).from(t).where(parent).orderBy(asc(t.position)).all().map((r) => r.id);
}

function move(tx: Tx, table: Ordered, ids: number[], id: number, by: -1 | 1) {
	const from = ids.indexOf(id);
	const to = from + by;
	if (from < 0 || to < 0 || to >= ids.length) return;
	[ids[from], ids[to]] = [ids[to]!, ids[from]!];
	renumber(tx, table, ids);
}

// Far above any real position, so the first pass never collides with a row not yet moved.
const OUT_OF_THE_WAY = 1_000_000;

/** Positions 1…n in the given order; first moved out of the way, as (parent, position) is unique. */
function renumber(tx: Tx, table: Ordered, ids: number[]) {
	const t = as(table);
	ids.forEach((id, i) => tx.update(t).set({ position: OUT_OF_THE_WAY + i }).where(eq(t.id, id)).run());
	ids.forEach((id, i) => tx.update(t).set({ position: i + 1 }).where(eq(t.id, id)).run());
}
