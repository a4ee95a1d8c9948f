import { eq } from 'drizzle-orm';
import type { Bus } from '../bus';
import type { Db } from '../db/connection';
import { event, offer, prompt, series, station } from '../db/schema';
import { DomainError } from '../errors';
import { newDisplayToken, newJoinCode } from './codes';
import { eventValues, type EventFields } from './event-fields';
import { findEventById, listPrompts, listStations } from './queries';

type Deps = { db: Db; bus: Bus };
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export function createEvent(db: Db, seriesId: number, fields: EventFields): { id: number; joinCode: string } {
	if (!db.select({ id: series.id }).from(series).where(eq(series.id, seriesId)).get()) {
		throw new DomainError('not-found', 'Diese Veranstaltungsreihe gibt es nicht.');
	}
	return db
		.insert(event)
		.values({ ...eventValues(fields), seriesId, joinCode: uniqueJoinCode(db), displayToken: newDisplayToken() })
		.returning({ id: event.id, joinCode: event.joinCode })
		.get();
}

export function updateEvent(db: Db, eventId: number, fields: EventFields): void {
	requireEvent(db, eventId);
	db.update(event).set(eventValues(fields)).where(eq(event.id, eventId)).run();
}

export function archiveEvent(db: Db, eventId: number, archived: boolean): void {
	requireEvent(db, eventId);
	db.update(event).set({ archived }).where(eq(event.id, eventId)).run();
}

/** Deletes the event with its set-up and all its participation data. */
export function deleteEvent(db: Db, eventId: number): void {
	requireEvent(db, eventId);
	db.delete(event).where(eq(event.id, eventId)).run();
}

/** A new join code: links and QR codes with the old one stop working (print the table cards again). */
export function regenerateJoinCode(db: Db, eventId: number): string {
	requireEvent(db, eventId);
	const joinCode = uniqueJoinCode(db);
	db.update(event).set({ joinCode }).where(eq(event.id, eventId)).run();
	return joinCode;
}

/** A new secret projector link: projectors opened with the old one are disconnected at once. */
export function revokeDisplayLink(deps: Deps, eventId: number): string {
	requireEvent(deps.db, eventId);
	const displayToken = newDisplayToken();
	deps.db.update(event).set({ displayToken }).where(eq(event.id, eventId)).run();
	deps.bus.publish('displayLinkRevoked', { eventId });
	return displayToken;
}

/**
 * Copies an event's whole set-up (Themeninseln with contacts, offers, prompts, settings) into a new
 * event for another date and Sozialraum: how the six events of a round are prepared. No results are copied.
 */
export function duplicateEvent(db: Db, eventId: number, target: { title: string; sozialraum: string; date: string }): { id: number; joinCode: string } {
	const source = requireEvent(db, eventId);
	const stations = listStations(db, eventId);
	const prompts = listPrompts(db, eventId);
	return db.transaction((tx) => {
		const created = tx
			.insert(event)
			.values({
				seriesId: source.seriesId,
				...target,
				venue: '',
				format: source.format,
				joinCode: uniqueJoinCode(tx),
				displayToken: newDisplayToken(),
				votePrompt: source.votePrompt,
				feedbackPrompt: source.feedbackPrompt.replaceAll(source.sozialraum, target.sozialraum),
				programme: source.programme,
				worldCafeMinutes: source.worldCafeMinutes,
				// Introduction and programme carry over; a Fazit speaks of the old event's results.
				reportTexts: Object.fromEntries(Object.entries(source.reportTexts).filter(([key]) => key === 'einleitung' || key === 'programm'))
			})
			.returning({ id: event.id, joinCode: event.joinCode })
			.get();
		prompts.forEach((p, i) => tx.insert(prompt).values({ eventId: created.id, position: i + 1, text: p.text }).run());
		for (const s of stations) {
			const { id: stationId } = tx
				.insert(station)
				.values({ eventId: created.id, position: s.position, title: s.title, contacts: s.contacts })
				.returning({ id: station.id })
				.get();
			for (const o of s.offers) {
				tx.insert(offer).values({ stationId, position: o.position, title: o.title, description: o.description }).run();
			}
		}
		return created;
	});
}

function requireEvent(db: Db | Tx, eventId: number) {
	const found = findEventById(db as Db, eventId);
	if (!found) throw new DomainError('not-found', 'Diese Veranstaltung gibt es nicht.');
	return found;
}

function uniqueJoinCode(db: Db | Tx): string {
	for (let attempt = 0; attempt < 20; attempt++) {
		const code = newJoinCode(attempt < 10 ? 5 : 6);
		if (!db.select({ id: event.id }).from(event).where(eq(event.joinCode, code)).get()) return code;
	}
	throw new Error('no free join code found');
}
