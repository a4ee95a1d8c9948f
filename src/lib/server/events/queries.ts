import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { preparedFor, type Db } from '../db/connection';
import { event, offer, prompt, station } from '../db/schema';

export type EventRow = typeof event.$inferSelect;
export type OfferView = { id: number; position: number; title: string; description: string };
export type StationView = {
	id: number;
	position: number;
	title: string;
	contacts: (typeof station.$inferSelect)['contacts'];
	offers: OfferView[];
};

const byCode = preparedFor((db) =>
	db
		.select()
		.from(event)
		.where(eq(event.joinCode, sql.placeholder('code')))
		.prepare()
);

/** Prepared once: every phone's join looks its event up, a whole hall at once after a restart. */
export function findEventByCode(db: Db, code: string): EventRow | undefined {
	return byCode(db).get({ code: code.trim().toUpperCase() });
}

export function findEventByDisplayToken(db: Db, token: string): EventRow | undefined {
	return db.select().from(event).where(eq(event.displayToken, token)).get();
}

export function findEventById(db: Db, id: number): EventRow | undefined {
	return db.select().from(event).where(eq(event.id, id)).get();
}

/** All Themeninseln of an event with their offers, in order. */
export function listStations(db: Db, eventId: number): StationView[] {
	const stations = db
		.select()
		.from(station)
		.where(eq(station.eventId, eventId))
		.orderBy(asc(station.position))
		.all();
	return withOffers(db, stations);
}

export function findStation(db: Db, eventId: number, position: number): StationView | undefined {
	const row = db
		.select()
		.from(station)
		.where(and(eq(station.eventId, eventId), eq(station.position, position)))
		.get();
	return row ? withOffers(db, [row])[0] : undefined;
}

function withOffers(db: Db, stations: (typeof station.$inferSelect)[]): StationView[] {
	if (stations.length === 0) return [];
	const offers = db
		.select()
		.from(offer)
		.where(
			inArray(
				offer.stationId,
				stations.map((s) => s.id)
			)
		)
		.orderBy(asc(offer.stationId), asc(offer.position))
		.all();
	return stations.map((s) => ({
		id: s.id,
		position: s.position,
		title: s.title,
		contacts: s.contacts,
		offers: offers
			.filter((o) => o.stationId === s.id)
			.map(({ id, position, title, description }) => ({ id, position, title, description }))
	}));
}

/** Events that are not archived, newest date first. */
export function listEvents(db: Db): EventRow[] {
	return db.select().from(event).where(eq(event.archived, false)).orderBy(desc(event.date)).all();
}

/** The open questions asked at every station, in order. */
export function listPrompts(db: Db, eventId: number): { id: number; text: string }[] {
	return db
		.select({ id: prompt.id, text: prompt.text })
		.from(prompt)
		.where(eq(prompt.eventId, eventId))
		.orderBy(asc(prompt.position))
		.all();
}
