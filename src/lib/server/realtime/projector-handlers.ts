import { findEventByDisplayToken } from '../events/queries';
import { DomainError } from '../errors';
import type { Runtime } from '../runtime';
import { eventTallies } from '../voting/voting';
import { handle } from './handle';
import type { Presence as PresenceCounts } from '../../realtime/contract';
import { phasesOf } from '../events/phases';
import { rooms } from './rooms';
import type { AppSocket } from './types';

export function registerProjectorHandlers(socket: AppSocket, runtime: Runtime, presenceOf: (eventId: number) => PresenceCounts) {
	handle(socket, 'projector:join', async ({ token }) => {
		const event = findEventByDisplayToken(runtime.db, token);
		if (!event) {
			throw new DomainError('forbidden', 'Dieser Anzeige-Link ist ungültig oder wurde zurückgezogen. Bitte öffnen Sie den aktuellen Link.');
		}
		if (socket.data.role === 'participant') {
			throw new DomainError('forbidden', 'Diese Verbindung gehört zu einer teilnehmenden Person.');
		}
		socket.data = { role: 'projector', eventId: event.id };
		await socket.join(rooms.projector(event.id));
		return {
			eventId: event.id,
			phases: phasesOf(event),
			tallies: eventTallies(runtime.db, event.id),
			presence: presenceOf(event.id)
		};
	});
}
