import { asc, count, eq } from 'drizzle-orm';
import * as v from 'valibot';
import type { Db } from '../db/connection';
import { event, series } from '../db/schema';
import { DomainError } from '../errors';

const Optional = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, `Höchstens ${max} Zeichen.`)), '');

/** One date per line: "2023-09-28 Osterfeld" (also "28.09.2023 Osterfeld"). */
const DateLines = v.pipe(
	v.optional(v.string(), ''),
	v.transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean)),
	v.maxLength(50, 'Höchstens 50 Termine.'),
	v.transform((lines) => lines.map(parseDateLine)),
	v.check((dates) => dates.every((d) => d !== undefined), 'Jede Zeile braucht ein Datum und einen Sozialraum, z. B. „2023-09-28 Osterfeld“.'),
	v.transform((dates) => dates as { date: string; sozialraum: string }[])
);

export const SeriesFields = v.object({
	title: v.pipe(v.string(), v.trim(), v.nonEmpty('Bitte geben Sie einen Titel an.'), v.maxLength(300, 'Höchstens 300 Zeichen.')),
	organiser: Optional(500),
	herausgeberin: Optional(300),
	bereich: Optional(300),
	anschrift: Optional(300),
	web: Optional(300),
	email: Optional(200),
	dates: DateLines
});
export type SeriesFields = v.InferOutput<typeof SeriesFields>;

function parseDateLine(line: string): { date: string; sozialraum: string } | undefined {
	const m = line.match(/^(\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})\s*[,;:–-]?\s*(.+)$/);
	if (!m) return undefined;
	const date = m[1]!.includes('.')
		? m[1]!.split('.').reverse().map((p, i) => (i === 0 ? p : p.padStart(2, '0'))).join('-')
		: m[1]!;
	return Number.isNaN(Date.parse(date)) ? undefined : { date, sozialraum: m[2]!.trim().slice(0, 100) };
}

const values = (f: SeriesFields) => ({
	title: f.title,
	organiser: f.organiser,
	impressum: { herausgeberin: f.herausgeberin, bereich: f.bereich, anschrift: f.anschrift, web: f.web, email: f.email },
	dates: f.dates
});

export function createSeries(db: Db, fields: SeriesFields): number {
	return db.insert(series).values(values(fields)).returning({ id: series.id }).get().id;
}

export function updateSeries(db: Db, seriesId: number, fields: SeriesFields): void {
	requireSeries(db, seriesId);
	db.update(series).set(values(fields)).where(eq(series.id, seriesId)).run();
}

/** Only an empty series can be deleted: events are deleted (or kept) one by one, on purpose. */
export function deleteSeries(db: Db, seriesId: number): void {
	requireSeries(db, seriesId);
	const events = db.select({ n: count() }).from(event).where(eq(event.seriesId, seriesId)).get()?.n ?? 0;
	if (events > 0) {
		throw new DomainError('invalid', `Diese Reihe hat noch ${events} Veranstaltung${events === 1 ? '' : 'en'}. Löschen oder verschieben Sie diese zuerst.`);
	}
	db.delete(series).where(eq(series.id, seriesId)).run();
}

export function findSeries(db: Db, seriesId: number) {
	return db.select().from(series).where(eq(series.id, seriesId)).get();
}

export function listSeries(db: Db) {
	return db.select().from(series).orderBy(asc(series.title)).all();
}

function requireSeries(db: Db, seriesId: number) {
	const found = findSeries(db, seriesId);
	if (!found) throw new DomainError('not-found', 'Diese Veranstaltungsreihe gibt es nicht.');
	return found;
}
