import { cardsOfParticipant, editCard, submitCard, withdrawCard } from '../cards/cards';
import { DomainError } from '../errors';
import { phasesOf } from '../events/phases';
import { findEventByCode } from '../events/queries';
import { feedbackOfParticipant, submitFeedback } from '../feedback/feedback';
import { enterEvent } from '../participants/participants';
import type { Runtime } from '../runtime';
import { castVote, votesOfParticipant } from '../voting/voting';
import type { GroupCommit, WriteDeps } from './group-commit';
import { handle } from './handle';
import type { Presence } from './presence';
import type { RateLimiter } from './rate-limit';
import { rooms } from './rooms';
import type { AppSocket } from './types';

export type ParticipantLimits = { joins: RateLimiter; submissions: RateLimiter };
type Author = { eventId: number; participantId: number };

export function registerParticipantHandlers(
	socket: AppSocket,
	runtime: Runtime,
	presence: Presence,
	limits: ParticipantLimits,
	writes: GroupCommit
) {
	const { db } = runtime;
	/** Submissions are limited per device, whichever tab or connection they come from. */
	const perDevice = { limiter: limits.submissions, limitKey: () => socket.data.participantId ?? socket.id };
	const author = () => joinedParticipant(socket);

	handle(
		socket,
		'participant:join',
		async ({ code, participantId: publicId }) => {
			const event = findEventByCode(db, code);
			if (!event) {
				throw new DomainError('not-found', 'Zu diesem Code gibt es keine Veranstaltung. Bitte prüfen Sie den Code.');
			}
			const participantId = enterEvent(runtime, event.id, publicId);
			const before = socket.data;
			if (before.role !== 'participant' || before.eventId !== event.id || before.publicId !== publicId) {
				if (before.role === 'participant' && before.eventId && before.publicId) {
					presence.remove(before.eventId, before.publicId);
					await socket.leave(rooms.participants(before.eventId));
				}
				socket.data = { role: 'participant', eventId: event.id, participantId, publicId };
				await socket.join(rooms.participants(event.id));
				presence.add(event.id, publicId);
			}
			return {
				eventId: event.id,
				phases: phasesOf(event),
				votes: votesOfParticipant(db, participantId),
				cards: cardsOfParticipant(db, participantId),
				feedback: feedbackOfParticipant(db, participantId)
			};
		},
		{ limiter: limits.joins }
	);

	/** The author is read when the message arrives; the write joins the next group commit. */
	const byAuthor =
		<I extends Author, T>(write: (deps: WriteDeps, input: I) => T) =>
		(payload: Omit<I, keyof Author>) => {
			const input = withAuthor<I>(payload, author());
			return writes.run((deps) => write(deps, input));
		};

	handle(socket, 'vote:cast', byAuthor(castVote), perDevice);
	handle(socket, 'card:submit', byAuthor(submitCard), perDevice);
	handle(socket, 'card:edit', byAuthor(editCard), perDevice);
	handle(socket, 'card:withdraw', byAuthor(withdrawCard), perDevice);
	handle(socket, 'feedback:submit', byAuthor(submitFeedback), perDevice);
}

/**
 * A submission with its author, as the domain's write takes it. Built with `Object.assign`, not as
 * `{ ...payload, ...who }`: Node 20's V8 gives every object built as a spread followed by more
 * properties a hidden class of its own. Hidden classes live in the old generation, so under load
 * each submission left two dead ones there, and the server needed three extra major garbage
 * collections per World-Café (docs/scaling.md, point 10).
 */
export function withAuthor<I extends Author>(payload: Omit<I, keyof Author>, who: Author): I {
	return Object.assign({}, payload, who) as I;
}

function joinedParticipant(socket: AppSocket): Author {
	const { role, eventId, participantId } = socket.data;
	if (role !== 'participant' || !eventId || !participantId) {
		throw new DomainError('not-joined', 'Die Verbindung zur Veranstaltung fehlt. Bitte laden Sie die Seite neu.');
	}
	return { eventId, participantId };
}
