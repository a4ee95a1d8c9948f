import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { card, feedback, offer, station, vote } from '../db/schema';
import type { EventRow } from '../events/queries';
import { countParticipants } from '../participants/participants';
import type { Cell, Table } from './table';

/** "Beteiligung": how many took part and how much they sent; the counts add up to the other tables' rows. */
export function participationTable(db: Db, event: EventRow, exportedAt: Date): Table {
	const votes = db
		.select({ n: count() })
		.from(vote)
		.innerJoin(offer, eq(offer.id, vote.offerId))
		.innerJoin(station, eq(station.id, offer.stationId))
		.where(eq(station.eventId, event.id))
		.get()!.n;
	const cards = (onlyShown: boolean) =>
		db
			.select({ n: count() })
			.from(card)
			.innerJoin(station, eq(station.id, card.stationId))
			.where(and(eq(station.eventId, event.id), ...(onlyShown ? [eq(card.status, 'visible'), eq(card.withdrawn, false)] : [])))
			.get()!.n;
	const feedbackEntries = (onlyShown: boolean) =>
		db
			.select({ n: count() })
			.from(feedback)
			.where(and(eq(feedback.eventId, event.id), ...(onlyShown ? [eq(feedback.status, 'visible')] : [])))
			.get()!.n;

	const rows: [string, Cell][] = [
		['Veranstaltung', event.title],
		['Sozialraum', event.sozialraum],
		['Datum', event.date],
		['Code', event.joinCode],
		['Teilnehmende (Geräte)', countParticipants(db, event.id)],
		...(event.headcount === null ? [] : [['Kopfzahl am Einlass', event.headcount] as [string, Cell]]),
		['Stimmen (Ja/Nein)', votes],
		['Karten', cards(false)],
		['Karten, davon sichtbar', cards(true)],
		['Feedback-Antworten', feedbackEntries(false)],
		['Feedback-Antworten, davon sichtbar', feedbackEntries(true)],
		['Exportiert am (Europe/Berlin)', exportedAt]
	];
	return {
		slug: 'beteiligung',
		title: 'Beteiligung',
		columns: [
			{ header: 'Kennzahl', width: 36 },
			{ header: 'Wert', width: 48 }
		],
		rows
	};
}
