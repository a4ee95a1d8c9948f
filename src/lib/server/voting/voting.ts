import { and, count, eq, sql } from 'drizzle-orm';
import type { Answer, OfferTally, OwnVote } from '../../realtime/contract';
import type { Bus } from '../bus';
import { inTransaction, preparedFor, type Db } from '../db/connection';
import { event, offer, station, vote, voteSubmission } from '../db/schema';
import { DomainError } from '../errors';
import { phasesOf, requireOpen } from '../events/phases';

export type CastVoteInput = {
	eventId: number;
	participantId: number;
	clientId: string;
	offerId: number;
	answer: Answer;
};

const yesCount = sql<number>`coalesce(sum(${vote.answer} = 'yes'), 0)`;
const noCount = sql<number>`coalesce(sum(${vote.answer} = 'no'), 0)`;

const statements = preparedFor((db) => ({
	earlier: db
		.select({ answer: voteSubmission.answer, offerId: vote.offerId, participantId: vote.participantId })
		.from(voteSubmission)
		.innerJoin(vote, eq(vote.id, voteSubmission.voteId))
		.where(eq(voteSubmission.clientId, sql.placeholder('clientId')))
		.prepare(),
	// The offer with its event's phases, and the person's current answer on it (null before the first).
	target: db
		.select({ stationId: station.id, worldCafeOpen: event.worldCafeOpen, feedbackOpen: event.feedbackOpen, current: vote.answer })
		.from(offer)
		.innerJoin(station, eq(station.id, offer.stationId))
		.innerJoin(event, eq(event.id, station.eventId))
		.leftJoin(vote, and(eq(vote.offerId, offer.id), eq(vote.participantId, sql.placeholder('participantId'))))
		.where(and(eq(offer.id, sql.placeholder('offerId')), eq(station.eventId, sql.placeholder('eventId'))))
		.prepare(),
	upsert: db
		.insert(vote)
		.values({
			offerId: sql.placeholder('offerId'),
			participantId: sql.placeholder('participantId'),
			answer: sql.placeholder('answer'),
			updatedAt: sql.placeholder('now')
		})
		.onConflictDoUpdate({
			target: [vote.participantId, vote.offerId],
			set: { answer: sql.raw('excluded.answer'), updatedAt: sql.raw('excluded.updated_at') }
		})
		.returning({ id: vote.id })
		.prepare(),
	submission: db
		.insert(voteSubmission)
		.values({
			clientId: sql.placeholder('clientId'),
			voteId: sql.placeholder('voteId'),
			answer: sql.placeholder('answer'),
			receivedAt: sql.placeholder('now')
		})
		.prepare(),
	// A count over the (offer_id, answer) index per answer: cheaper than summing an expression over the offer's rows.
	answers: db
		.select({ n: count() })
		.from(vote)
		.where(and(eq(vote.offerId, sql.placeholder('offerId')), eq(vote.answer, sql.placeholder('answer'))))
		.prepare(),
	ofParticipant: db
		.select({ offerId: vote.offerId, answer: vote.answer })
		.from(vote)
		.where(eq(vote.participantId, sql.placeholder('participantId')))
		.prepare()
}));

/**
 * Casts or changes a participant's vote on an offer. Commits in one transaction before it
 * returns; a submission whose client id was already stored changes nothing and returns as before.
 * After the commit it publishes `voteCast` with the answer it replaced, so live tallies move by
 * one vote instead of being counted again.
 */
export function castVote(deps: { db: Db; bus: Bus }, input: CastVoteInput): OwnVote {
	const q = statements(deps.db);
	const result = inTransaction(deps.db, () => {
		const earlier = q.earlier.get({ clientId: input.clientId });
		if (earlier) {
			if (earlier.participantId !== input.participantId || earlier.offerId !== input.offerId) {
				throw new DomainError('invalid', 'Diese Einsendung wurde schon für etwas anderes verwendet. Bitte laden Sie die Seite neu.');
			}
			return { stored: { offerId: earlier.offerId, answer: earlier.answer }, published: undefined };
		}

		const target = q.target.get({ offerId: input.offerId, eventId: input.eventId, participantId: input.participantId });
		if (!target) {
			throw new DomainError('not-found', 'Dieses Angebot gibt es bei dieser Veranstaltung nicht. Bitte laden Sie die Seite neu.');
		}
		requireOpen(phasesOf(target), 'worldCafeOpen');

		const now = new Date();
		const { id: voteId } = q.upsert.get({ offerId: input.offerId, participantId: input.participantId, answer: input.answer, now })!;
		q.submission.run({ clientId: input.clientId, voteId, answer: input.answer, now });

		return {
			stored: { offerId: input.offerId, answer: input.answer },
			published: { stationId: target.stationId, offerId: input.offerId, answer: input.answer, replaced: target.current }
		};
	});

	if (result.published) deps.bus.publish('voteCast', { eventId: input.eventId, ...result.published });
	return result.stored;
}

export function offerTally(db: Db, offerId: number): OfferTally {
	const { answers } = statements(db);
	const yes = answers.get({ offerId, answer: 'yes' })?.n ?? 0;
	const no = answers.get({ offerId, answer: 'no' })?.n ?? 0;
	return { offerId, yes, no };
}

/** Ja/Nein counts of every offer of the event that has votes. */
export function eventTallies(db: Db, eventId: number): OfferTally[] {
	return db
		.select({ offerId: vote.offerId, yes: yesCount, no: noCount })
		.from(vote)
		.innerJoin(offer, eq(offer.id, vote.offerId))
		.innerJoin(station, eq(station.id, offer.stationId))
		.where(eq(station.eventId, eventId))
		.groupBy(vote.offerId)
		.all();
}

export function votesOfParticipant(db: Db, participantId: number): OwnVote[] {
	return statements(db).ofParticipant.all({ participantId });
}
