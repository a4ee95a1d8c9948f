import type { Answer, DisplayState, Phases } from '../realtime/contract';
import type { EntryStatus } from './db/schema';

export type CardFact = {
	id: number;
	stationId: number;
	promptId: number;
	text: string;
	status: EntryStatus;
	withdrawn: boolean;
	createdAt: number;
};
export type FeedbackFact = { id: number; text: string; status: EntryStatus; createdAt: number };

/** Past-tense facts that contexts publish after their transaction has committed. */
export type DomainEvents = {
	/** A person's answer on an offer; `replaced` is the answer it changed (null for a first answer). */
	voteCast: { eventId: number; stationId: number; offerId: number; answer: Answer; replaced: Answer | null };
	participantRegistered: { eventId: number };
	phasesChanged: { eventId: number; phases: Phases };
	/** A card was written, corrected, withdrawn or moderated: `card` is its state now. */
	cardChanged: { eventId: number; card: CardFact };
	/** A feedback entry was sent or moderated: `feedback` is its state now. */
	feedbackChanged: { eventId: number; feedback: FeedbackFact };
	displayChanged: { eventId: number; display: DisplayState };
	displayLinkRevoked: { eventId: number };
	/** All votes, cards and feedback of the event were deleted; its set-up stays. */
	participationErased: { eventId: number };
};

type Listener<K extends keyof DomainEvents> = (payload: DomainEvents[K]) => void;

export type Bus = {
	publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): void;
	/** Returns the function that ends the subscription. */
	subscribe<K extends keyof DomainEvents>(name: K, listener: Listener<K>): () => void;
};

export function createBus(): Bus {
	const listeners = new Map<keyof DomainEvents, Set<Listener<never>>>();
	return {
		publish(name, payload) {
			for (const listener of listeners.get(name) ?? []) {
				try {
					(listener as Listener<typeof name>)(payload);
				} catch (error) {
					// A failing subscriber must not undo or fail the write that already committed.
					console.error(`[bus] Fehler in einem Abonnenten von "${name}":`, error);
				}
			}
		},
		subscribe(name, listener) {
			const set = listeners.get(name) ?? new Set();
			listeners.set(name, set);
			set.add(listener as Listener<never>);
			return () => set.delete(listener as Listener<never>);
		}
	};
}
