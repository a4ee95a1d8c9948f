import type { ClientEventResults, ClientPayload } from '../../realtime/contract';
import { pauseCountdown, resetCountdown, showResults, showScreen, startCountdown } from '../display/display';
import { setPhases } from '../events/phases';
import { findEventById } from '../events/queries';
import { DomainError } from '../errors';
import { moderateEntry, moderationQueue } from '../moderation/moderation';
import type { Runtime } from '../runtime';
import { requireStaff } from './authenticate';
import { handle } from './handle';
import { rooms } from './rooms';
import { projectorSnapshot, type LiveSources } from './snapshot';
import type { AppSocket } from './types';

type ControlEvent = 'control:join' | 'display:show' | 'display:results' | 'countdown:start' | 'countdown:pause' | 'countdown:reset' | 'phases:set' | 'entry:moderate';

/** What moderators and organisers do live: every action checks the session and the event first. */
export function registerControlHandlers(socket: AppSocket, runtime: Runtime, live: LiveSources) {
	const control = <E extends ControlEvent>(name: E, run: (payload: ClientPayload<E>) => ClientEventResults[E] | Promise<ClientEventResults[E]>) =>
		handle(socket, name, (payload) => {
			requireStaff(socket, runtime.db);
			if (!findEventById(runtime.db, payload.eventId)) throw new DomainError('not-found', 'Diese Veranstaltung gibt es nicht mehr.');
			return run(payload);
		});

	control('control:join', async ({ eventId }) => {
		await socket.join(rooms.organisers(eventId));
		return { ...projectorSnapshot(runtime, findEventById(runtime.db, eventId)!, live), queue: moderationQueue(runtime.db, eventId) };
	});
	control('display:show', ({ eventId, screen, stationId }) => showScreen(runtime, eventId, screen, stationId));
	control('display:results', ({ eventId, visible }) => showResults(runtime, eventId, visible));
	control('countdown:start', ({ eventId }) => startCountdown(runtime, eventId));
	control('countdown:pause', ({ eventId }) => pauseCountdown(runtime, eventId));
	control('countdown:reset', ({ eventId }) => resetCountdown(runtime, eventId));
	control('phases:set', ({ eventId, worldCafeOpen, feedbackOpen }) =>
		setPhases(runtime, eventId, {
			...(worldCafeOpen === undefined ? {} : { worldCafeOpen }),
			...(feedbackOpen === undefined ? {} : { feedbackOpen })
		})
	);
	control('entry:moderate', (payload) => moderateEntry(runtime, payload));
}
