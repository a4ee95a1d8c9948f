import type { Presence, ProjectorJoined } from '../../realtime/contract';
import { displayOf } from '../display/display';
import { phasesOf } from '../events/phases';
import type { EventRow } from '../events/queries';
import { wallCards } from '../moderation/moderation';
import type { Runtime } from '../runtime';
import { eventTallies } from '../voting/voting';
import type { WordClouds } from './word-clouds';

export type LiveSources = { presenceOf: (eventId: number) => Presence; clouds: WordClouds };

/** Everything a projector (or a control page) shows of an event, as it is now. */
export function projectorSnapshot(runtime: Runtime, event: EventRow, live: LiveSources): ProjectorJoined {
	return {
		eventId: event.id,
		phases: phasesOf(event),
		display: displayOf(event),
		tallies: eventTallies(runtime.db, event.id),
		presence: live.presenceOf(event.id),
		cards: wallCards(runtime.db, event.id),
		cloud: live.clouds.current(event.id)
	};
}
