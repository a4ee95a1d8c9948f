import { cardsOfParticipant, editCard, submitCard, withdrawCard } from '../cards/cards';
import { DomainError } from '../errors';
import { phasesOf } from '../events/phases';
import { findEventByCode } from '../events/queries';
import { feedbackOfParticipant, submitFeedback } from '../feedback/feedback';
import { enterEvent } from '../participants/participants';
import type { Runtime } from '../runtime';
import { castVote, votesOfParticipant } from '../voting/voting';
import { handle } from './handle';
import type { Presence } from './presence';
import type { RateLimiter } from './rate-limit';
import { rooms } from './rooms';
import type { AppSocket } from './types';

export type ParticipantLimits = { joins: RateLimiter; submissions: RateLimiter };

export function registerParticipantHandlers(socket: AppSocket, runtime: Runtime, presence: Presence, limits: ParticipantLimits) {
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

	handle(socket, 'vote:cast', (payload) => castVote(runtime, { ...payload, ...author() }), perDevice);
	handle(socket, 'card:submit', (payload) => submitCard(runtime, { ...payload, ...author() }), perDevice);
	handle(socket, 'card:edit', (payload) => editCard(runtime, { ...payload, ...author() }), perDevice);
	handle(socket, 'card:withdraw', (payload) => withdrawCard(runtime, { ...payload, ...author() }), perDevice);
	handle(socket, 'feedback:submit', (payload) => submitFeedback(runtime, { ...payload, ...author() }), perDevice);
}

function joinedParticipant(socket: AppSocket) {
	const { role, eventId, participantId } = socket.data;
	if (role !== 'participant' || !eventId || !participantId) {
		throw new DomainError('not-joined', 'Die Verbindung zur Veranstaltung fehlt. Bitte laden Sie die Seite neu.');
	}
	return { eventId, participantId };
}
