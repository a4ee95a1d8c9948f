import { eq } from 'drizzle-orm';
import type * as v from 'valibot';
import type { Db } from '../db/connection';
import { series } from '../db/schema';
import { findEventById, listPrompts, listStations } from '../events/queries';
import type { SetupFile } from './setup-file';

export type SetupFileJson = v.InferInput<typeof SetupFile>;

/**
 * An event's set-up in the format of `shared/demo/`: its series (imprint, dates), the event with its
 * prompts, Themeninseln, contacts and offers. Importing it gives the same set-up again.
 */
export function exportSetupJson(db: Db, eventId: number): SetupFileJson {
	const e = findEventById(db, eventId);
	if (!e) throw new Error(`event ${eventId} not found`);
	const s = db.select().from(series).where(eq(series.id, e.seriesId)).get();
	if (!s) throw new Error(`series ${e.seriesId} of event ${eventId} not found`);

	return {
		series: {
			title: s.title,
			...(s.organiser ? { organiser: s.organiser } : {}),
			impressum: s.impressum,
			termine: s.dates
		},
		event: {
			title: e.title,
			sozialraum: e.sozialraum,
			date: e.date,
			...(e.format ? { format: e.format } : {}),
			worldCafeMinutes: e.worldCafeMinutes,
			...(e.headcount !== null ? { headcount: e.headcount } : {}),
			programme: e.programme,
			prompts: {
				vote: e.votePrompt,
				cards: listPrompts(db, eventId).map((p) => p.text),
				// The file format has no empty feedback question: leaving it out means "none".
				...(e.feedbackPrompt ? { feedback: e.feedbackPrompt } : {})
			},
			themeninseln: listStations(db, eventId).map((station) => ({
				title: station.title,
				kontakte: station.contacts,
				angebote: station.offers.map((o) => ({ title: o.title, ...(o.description ? { description: o.description } : {}) }))
			}))
		}
	};
}

/** `einrichtung-alstaden-lirich-2023-09-06.json`: ASCII only, so every browser keeps the name. */
export function exportFileName(event: { sozialraum: string; date: string; id: number }): string {
	const place = event.sozialraum
		.toLowerCase()
		.replace(/ä/g, 'ae')
		.replace(/ö/g, 'oe')
		.replace(/ü/g, 'ue')
		.replace(/ß/g, 'ss')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
	return `einrichtung-${place || `veranstaltung-${event.id}`}-${event.date.replace(/[^0-9-]/g, '')}.json`;
}
