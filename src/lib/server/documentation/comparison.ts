/**
 * How well known each offer was in each Sozialraum of a series. Offers are the same offer when their Themeninsel and
 * their title match, regardless of case and spacing, so a set-up copied from event to event lines up by itself.
 */
import { asc, eq } from 'drizzle-orm';
import { shareOf } from '../../charts/awareness';
import type { Db } from '../db/connection';
import { event } from '../db/schema';
import { listStations } from '../events/queries';
import { findSeries } from '../series/series';
import { eventTallies } from '../voting/voting';

export type ComparisonCell = { yes: number; no: number; answers: number; share: number | undefined };
export type ComparisonEvent = { id: number; title: string; sozialraum: string; date: string; totals: ComparisonCell };
/** `cells[i]` belongs to `events[i]`; undefined where the offer was not at that event. */
export type ComparisonRow = { key: string; station: string; offer: string; cells: (ComparisonCell | undefined)[] };
export type SeriesComparison = {
	series: NonNullable<ReturnType<typeof findSeries>>;
	events: ComparisonEvent[];
	rows: ComparisonRow[];
};

const same = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('de-DE');
export const offerKey = (station: string, offer: string) => `${same(station)}\u0000${same(offer)}`;

const cell = (yes: number, no: number): ComparisonCell => ({ yes, no, answers: yes + no, share: shareOf({ yes, no }) });

export function seriesEvents(db: Db, seriesId: number) {
	return db.select().from(event).where(eq(event.seriesId, seriesId)).orderBy(asc(event.date), asc(event.id)).all();
}

export function buildSeriesComparison(db: Db, seriesId: number): SeriesComparison | undefined {
	const series = findSeries(db, seriesId);
	if (!series) return undefined;
	const rows = new Map<string, ComparisonRow>();
	const events = seriesEvents(db, seriesId);
	const comparisonEvents: ComparisonEvent[] = events.map((e, i) => {
		const tallies = new Map(eventTallies(db, e.id).map((t) => [t.offerId, t]));
		let yesTotal = 0;
		let noTotal = 0;
		for (const station of listStations(db, e.id)) {
			for (const offer of station.offers) {
				const key = offerKey(station.title, offer.title);
				let row = rows.get(key);
				if (!row) rows.set(key, (row = { key, station: station.title, offer: offer.title, cells: events.map(() => undefined) }));
				const { yes = 0, no = 0 } = tallies.get(offer.id) ?? {};
				const earlier = row.cells[i];
				// The same offer twice at one event (two tables): its answers add up.
				row.cells[i] = earlier ? cell(earlier.yes + yes, earlier.no + no) : cell(yes, no);
				yesTotal += yes;
				noTotal += no;
			}
		}
		return { id: e.id, title: e.title, sozialraum: e.sozialraum, date: e.date, totals: cell(yesTotal, noTotal) };
	});
	return { series, events: comparisonEvents, rows: [...rows.values()] };
}
