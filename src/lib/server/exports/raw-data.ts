import type { Db } from '../db/connection';
import { findEventById } from '../events/queries';
import { cardsTable } from './cards-table';
import { feedbackEntriesTable, feedbackWordsTable } from './feedback-tables';
import { offersTable } from './offers-table';
import { participationTable } from './participation-table';
import type { Table } from './table';

/** Every table of the raw data export of an event, in the workbook's order; undefined for an unknown event. */
export function rawDataTables(db: Db, eventId: number, exportedAt = new Date()): Table[] | undefined {
	const event = findEventById(db, eventId);
	if (!event) return undefined;
	return [
		offersTable(db, eventId),
		cardsTable(db, eventId),
		feedbackWordsTable(db, eventId),
		feedbackEntriesTable(db, eventId),
		participationTable(db, event, exportedAt)
	];
}

