import type { Ack, AckError, ClientEvent, ClientEventResults, ClientPayload } from '$lib/realtime/contract';
import { deviceStorage } from './device';

/** What a participant submits. Each submission is kept on the device until the server acknowledged it. */
export type SubmissionEvent = Exclude<ClientEvent, 'participant:join' | 'projector:join'>;

export type Submission = {
	[E in SubmissionEvent]: {
		/** Made on the device; also the server's idempotency key where the payload has a `clientId`. */
		id: string;
		event: E;
		payload: ClientPayload<E>;
		/** Unsent submissions with the same key are replaced by a newer one (e.g. one offer's vote). */
		key?: string;
	};
}[SubmissionEvent];

type Listener = {
	stored(submission: Submission, result: ClientEventResults[SubmissionEvent]): void;
	/** Refused for good: the submission is dropped. */
	rejected(submission: Submission, error: AckError): void;
	/** Refused for now (busy server, rate limit): it stays and is sent again shortly. */
	delayed(error: AckError): void;
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
		if (submission.key) {
			this.#items = this.#items.filter((s) => s.key !== submission.key || s.id === this.#inFlight);
		}
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
				this.#inFlight = next.id;
				let ack: Ack<ClientEventResults[SubmissionEvent]>;
				try {
					ack = await this.send(next);
				} catch {
					// No answer in time. Connected again already: send it again now (the server
					// stores it once); otherwise the next connect sends it.
					continue;
				} finally {
					this.#inFlight = undefined;
				}
				if (ack.ok) {
					this.#remove(next);
					this.listener.stored(next, ack.data);
				} else if (RETRY.has(ack.error.code)) {
					this.#retry = setTimeout(() => void this.flush(), RETRY_DELAY_MS);
					this.listener.delayed(ack.error);
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
		this.#items = this.#items.filter((s) => s.id !== submission.id);
		this.#persist();
	}

	#persist() {
		deviceStorage.write(this.storageKey, this.#items);
		this.listener.changed();
	}
}
