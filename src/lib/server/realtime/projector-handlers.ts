import { findEventByDisplayToken, findEventById } from '../events/queries';
import { DomainError } from '../errors';
import type { Runtime } from '../runtime';
import { requireStaff } from './authenticate';
import { handle } from './handle';
import { rooms } from './rooms';
import { projectorSnapshot, type LiveSources } from './snapshot';
import type { AppSocket } from './types';

export function registerProjectorHandlers(socket: AppSocket, runtime: Runtime, live: LiveSources) {
	handle(socket, 'projector:join', async (by) => {
		const event =
			'token' in by ? findEventByDisplayToken(runtime.db, by.token) : (requireStaff(socket, runtime.db), findEventById(runtime.db, by.eventId));
		if (!event) {
			throw new DomainError('forbidden', 'Dieser Anzeige-Link ist ungültig oder wurde zurückgezogen. Bitte öffnen Sie den aktuellen Link.');
		}
		if (socket.data.role === 'participant') {
			throw new DomainError('forbidden', 'Diese Verbindung gehört zu einer teilnehmenden Person.');
		}
		socket.data.role = 'projector';
		socket.data.eventId = event.id;
		socket.data.viaDisplayLink = 'token' in by;
		await socket.join(rooms.projector(event.id));
		return projectorSnapshot(runtime, event, live);
	});
}
