import { remainingMs } from '$lib/live/countdown';
import { LiveControl, LiveEvent } from '$lib/live/live-event.svelte';
import type { DisplayState, OfferTally, Phases, Presence, ProjectorJoined, WallCard } from '$lib/realtime/contract';
import type { WordCloudLayout } from '$lib/wordcloud/types';
import type { ProjectorAccess, ProjectorPage } from './types';

/** What the screens read: a `LiveEvent`, or the page's snapshot until the live connection exists. */
export interface ProjectorSource {
	readonly connected: boolean;
	readonly problem: string | undefined;
	readonly phases: Phases;
	readonly display: DisplayState | undefined;
	readonly presence: Presence;
	readonly cloud: WordCloudLayout;
	readonly cards: ReadonlyMap<number, WallCard>;
	tallyOf(offerId: number): OfferTally;
	countdownLeft(now?: number): number;
}

const EMPTY_CLOUD: WordCloudLayout = { width: 1600, height: 900, answers: 0, words: [] };

/** The snapshot the page was rendered with (on the server and before the socket is there). */
export function snapshotSource(initial: ProjectorPage['initial']): ProjectorSource {
	const tallies = new Map(initial.tallies.map((t) => [t.offerId, t]));
	return {
		connected: false,
		problem: undefined,
		phases: initial.phases,
		display: initial.display,
		presence: initial.presence,
		cloud: EMPTY_CLOUD,
		cards: new Map(initial.cards.map((c) => [c.id, c])),
		tallyOf: (offerId) => tallies.get(offerId) ?? { offerId, yes: 0, no: 0 },
		countdownLeft: (now = Date.now()) => remainingMs(initial.display.countdown, now)
	};
}

/** Signed-in staff: the control connection (which may switch screens), starting from the page's snapshot. */
export class StaffProjector extends LiveControl {
	constructor(eventId: number, initial: Partial<ProjectorJoined>) {
		super(eventId);
		this.apply(initial);
	}
}

/** Connects the page: with the display link as a plain projector, or as staff. */
export function connectProjector(access: ProjectorAccess, initial: ProjectorPage['initial']): LiveEvent | StaffProjector {
	return 'token' in access ? new LiveEvent(access, initial) : new StaffProjector(access.eventId, initial);
}
