import { asc, eq, sql } from 'drizzle-orm';
import type { OwnFeedback } from '../../realtime/contract';
import type { Bus, FeedbackFact } from '../bus';
import { inTransaction, preparedFor, type Db } from '../db/connection';
import { event, feedback } from '../db/schema';
import { DomainError } from '../errors';
import { phasesOf, requireOpen } from '../events/phases';
import { initialStatus } from '../moderation/blocklist';

const statements = preparedFor((db) => ({
	byClientId: db.select().from(feedback).where(eq(feedback.clientId, sql.placeholder('clientId'))).prepare(),
	phases: db
		.select({ worldCafeOpen: event.worldCafeOpen, feedbackOpen: event.feedbackOpen })
		.from(event)
		.where(eq(event.id, sql.placeholder('eventId')))
		.prepare(),
	insert: db
		.insert(feedback)
		.values({
			clientId: sql.placeholder('clientId'),
			eventId: sql.placeholder('eventId'),
			participantId: sql.placeholder('participantId'),
			text: sql.placeholder('text'),
			status: sql.placeholder('status')
		})
		.returning()
		.prepare(),
	ofParticipant: db
		.select({ clientId: feedback.clientId, text: feedback.text })
		.from(feedback)
		.where(eq(feedback.participantId, sql.placeholder('participantId')))
		.orderBy(asc(feedback.id))
		.prepare()
}));

/** Stores 1–2 feedback words for the event's word cloud; a retried submission is stored once. */
export function submitFeedback(
	deps: { db: Db; bus: Bus },
	input: { eventId: number; participantId: number; clientId: string; text: string }
): OwnFeedback {
	const q = statements(deps.db);
	const result = inTransaction(deps.db, () => {
		const earlier = q.byClientId.get({ clientId: input.clientId });
		if (earlier) {
			if (earlier.participantId !== input.participantId) {
				throw new DomainError('invalid', 'Diese Einsendung wurde schon für etwas anderes verwendet. Bitte laden Sie die Seite neu.');
			}
			return { row: earlier, created: false };
		}
		const target = q.phases.get({ eventId: input.eventId });
		if (!target) throw new DomainError('not-found', 'Diese Veranstaltung gibt es nicht mehr.');
		requireOpen(phasesOf(target), 'feedbackOpen');
		const status = initialStatus(deps.db, input.text);
		return { row: q.insert.get({ status, ...input })!, created: true };
	});
	const { row } = result;
	if (result.created) deps.bus.publish('feedbackChanged', { eventId: input.eventId, feedback: feedbackFact(row) });
	return { clientId: row.clientId, text: row.text };
}

export const feedbackFact = (row: typeof feedback.$inferSelect): FeedbackFact => ({
	id: row.id,
	text: row.text,
	status: row.status,
	createdAt: row.createdAt.getTime()
});

export function feedbackOfParticipant(db: Db, participantId: number): OwnFeedback[] {
	return statements(db).ofParticipant.all({ participantId });
}
