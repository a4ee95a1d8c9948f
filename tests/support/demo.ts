import { asc, eq } from 'drizzle-orm';
import type { Db } from '$lib/server/db/connection';
import { event, offer, station } from '$lib/server/db/schema';
import { DEMO_JOIN_CODE } from '$lib/server/demo/load-demo';

/** The demo event as the tests need it: ids, the display token and the offers in order. */
export function demoEvent(db: Db) {
	const e = db.select().from(event).where(eq(event.joinCode, DEMO_JOIN_CODE)).get();
	if (!e) throw new Error('demo event missing');
	const offers = db
		.select({ id: offer.id, stationPosition: station.position, title: offer.title })
		.from(offer)
		.innerJoin(station, eq(station.id, offer.stationId))
		.where(eq(station.eventId, e.id))
		.orderBy(asc(station.position), asc(offer.position))
		.all();
	return { ...e, offers };
}
