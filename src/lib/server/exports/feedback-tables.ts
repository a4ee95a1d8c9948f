import { asc, eq } from 'drizzle-orm';
import { countWords } from '../../wordcloud/normalise';
import type { Db } from '../db/connection';
import { feedback } from '../db/schema';
import { visibleFeedback } from '../moderation/moderation';
import { STATUS_LABEL, type Table } from './table';

/** "Feedback": the words of the word cloud with their counts, from the entries a moderator let through. */
export function feedbackWordsTable(db: Db, eventId: number): Table {
	return {
		slug: 'feedback',
		title: 'Feedback',
		columns: [
			{ header: 'Wort', width: 40 },
			{ header: 'Anzahl', width: 10 }
		],
		rows: countWords(visibleFeedback(db, eventId), { maxWords: Number.POSITIVE_INFINITY }).map((w) => [w.text, w.count])
	};
}

/** "Feedback (alle Einträge)": every entry as sent, in order, with its status. */
export function feedbackEntriesTable(db: Db, eventId: number): Table {
	const entries = db
		.select({ text: feedback.text, createdAt: feedback.createdAt, status: feedback.status })
		.from(feedback)
		.where(eq(feedback.eventId, eventId))
		.orderBy(asc(feedback.createdAt), asc(feedback.id))
		.all();
	return {
		slug: 'feedback-eintraege',
		title: 'Feedback (alle Einträge)',
		columns: [
			{ header: 'Text', width: 40 },
			{ header: 'Zeit (Europe/Berlin)', width: 20 },
			{ header: 'Status', width: 16 }
		],
		rows: entries.map((e) => [e.text, e.createdAt, STATUS_LABEL[e.status]])
	};
}
