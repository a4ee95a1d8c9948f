import { asc, eq } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { card, prompt, station } from '../db/schema';
import { STATUS_LABEL, type Table } from './table';

/** "Karten": every card as written, hidden, held back and withdrawn ones marked. */
export function cardsTable(db: Db, eventId: number): Table {
	const rows = db
		.select({
			position: station.position,
			station: station.title,
			prompt: prompt.text,
			text: card.text,
			createdAt: card.createdAt,
			status: card.status,
			withdrawn: card.withdrawn
		})
		.from(card)
		.innerJoin(station, eq(station.id, card.stationId))
		.innerJoin(prompt, eq(prompt.id, card.promptId))
		.where(eq(station.eventId, eventId))
		.orderBy(asc(station.position), asc(prompt.position), asc(card.createdAt), asc(card.id))
		.all();
	return {
		slug: 'karten',
		title: 'Karten',
		columns: [
			{ header: 'Nr.', width: 6 },
			{ header: 'Themeninsel', width: 30 },
			{ header: 'Frage', width: 36 },
			{ header: 'Text', width: 60 },
			{ header: 'Zeit (Europe/Berlin)', width: 20 },
			{ header: 'Status', width: 16 },
			{ header: 'Zurückgezogen', width: 15 }
		],
		rows: rows.map((r) => [r.position, r.station, r.prompt, r.text, r.createdAt, STATUS_LABEL[r.status], r.withdrawn ? 'ja' : 'nein'])
	};
}
