import { enterEvent } from '../participants/participants';
import { findEventByCode } from '../events/queries';
import { DomainError } from '../errors';
import type { Runtime } from '../runtime';
import { castVote, votesOfParticipant } from '../voting/voting';
import { handle } from './handle';
import type { Presence } from './presence';
import { rooms } from './rooms';
import type { AppSocket } from './types';

export function registerParticipantHandlers(socket: AppSocket, runtime: Runtime, presence: Presence) {
	const { db } = runtime;

	handle(socket, 'participant:join', async ({ code, participantId: publicId }) => {
		const event = findEventByCode(db, code);
		if (!event) {
			throw new DomainError('not-found', 'Zu diesem Code gibt es keine Veranstaltung. Bitte prüfen Sie den Code.');
		}
		const participantId = enterEvent(db, event.id, publicId);
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
			worldCafeOpen: event.worldCafeOpen,
			feedbackOpen: event.feedbackOpen,
			votes: votesOfParticipant(db, participantId)
		};
	});

	handle(socket, 'vote:cast', (payload) => {
		const { eventId, participantId } = joinedParticipant(socket);
		return castVote(runtime, { ...payload, eventId, participantId });
	});
}

function joinedParticipant(socket: AppSocket) {
	const { role, eventId, participantId } = socket.data;
	if (role !== 'participant' || !eventId || !participantId) {
		throw new DomainError('not-joined', 'Die Verbindung zur Veranstaltung fehlt. Bitte laden Sie die Seite neu.');
	}
	return { eventId, participantId };
}
