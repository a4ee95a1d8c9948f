import type { Ack, AckError, ClientEvent, ClientEventResults, ClientPayload } from '$lib/realtime/contract';
import { deviceStorage } from './device';

/** Events a participant submits; each payload carries its own client-made id. */
export type SubmissionEvent = Extract<ClientEvent, 'vote:cast'>;

export type Submission<E extends SubmissionEvent = SubmissionEvent> = {
	event: E;
	payload: ClientPayload<E> & { clientId: string };
	/** Submissions with the same key replace each other while still unsent (e.g. one offer's vote). */
	key: string;
};

type Listener = {
	stored(submission: Submission, result: ClientEventResults[SubmissionEvent]): void;
	rejected(submission: Submission, error: AckError): void;
	changed(): void;
};

/** Errors after which the same submission is tried again later rather than dropped. */
const RETRY: ReadonlySet<AckError['code']> = new Set(['server', 'rate-limited', 'not-joined']);
const RETRY_DELAY_MS = 3000;

/**
 * Keeps every submission on the device until the server has acknowledged it, and sends them
 * one after the other, so the server sees a person's changes in the order they were made.
 */
export class Outbox {
	#items: Submission[];
	#inFlight: string | undefined;
	#flushing = false;
	#retry: ReturnType<typeof setTimeout> | undefined;

	constructor(
		private readonly storageKey: string,
		private readonly send: (s: Submission) => Promise<Ack<ClientEventResults[SubmissionEvent]>>,
		private readonly ready: () => boolean,
		private readonly listener: Listener
	) {
		this.#items = deviceStorage.read<Submission[]>(storageKey, []);
	}

	get items(): readonly Submission[] {
		return this.#items;
	}

	add(submission: Submission): void {
		this.#items = this.#items.filter(
			(s) => s.key !== submission.key || s.payload.clientId === this.#inFlight
		);
		this.#items.push(submission);
		this.#persist();
		void this.flush();
	}

	async flush(): Promise<void> {
		if (this.#flushing) return;
		this.#flushing = true;
		clearTimeout(this.#retry);
		try {
			while (this.#items.length > 0 && this.ready()) {
				const next = this.#items[0]!;
				this.#inFlight = next.payload.clientId;
				this.listener.changed();
				let ack: Ack<ClientEventResults[SubmissionEvent]>;
				try {
					ack = await this.send(next);
				} catch {
					break; // no answer in time: keep it, the next connect sends it again
				} finally {
					this.#inFlight = undefined;
				}
				if (ack.ok) {
					this.#remove(next);
					this.listener.stored(next, ack.data);
				} else if (RETRY.has(ack.error.code)) {
					this.#retry = setTimeout(() => void this.flush(), RETRY_DELAY_MS);
					break;
				} else {
					this.#remove(next);
					this.listener.rejected(next, ack.error);
				}
			}
		} finally {
			this.#flushing = false;
			this.listener.changed();
		}
	}

	dispose(): void {
		clearTimeout(this.#retry);
	}

	#remove(submission: Submission) {
		this.#items = this.#items.filter((s) => s.payload.clientId !== submission.payload.clientId);
		this.#persist();
	}

	#persist() {
		deviceStorage.write(this.storageKey, this.#items);
		this.listener.changed();
	}
}
