import { SvelteMap } from 'svelte/reactivity';
import { connect, type AppClientSocket } from '$lib/client/socket';
import type { Answer } from '$lib/realtime/contract';
import { deviceStorage, newId, participantId } from './device';
import { Outbox, type Submission } from './outbox';

export type Connection = 'connecting' | 'online' | 'offline';
/** What the person sees next to an answer: stored, on its way, or waiting for the network. */
export type DeliveryState = 'saved' | 'sending' | 'waiting';

const ACK_TIMEOUT_MS = 8000;

/** A participant's live session at one event: connection, own answers and what is still unsent. */
export class ParticipantSession {
	connection = $state<Connection>('connecting');
	worldCafeOpen = $state(true);
	feedbackOpen = $state(false);
	/** The last refusal or problem, in German, for a live region. */
	notice = $state<string | undefined>(undefined);

	#saved = new SvelteMap<number, Answer>();
	#pending = $state<readonly Submission[]>([]);
	#joined = false;
	#socket: AppClientSocket;
	#outbox: Outbox;
	#teardown: (() => void)[] = [];

	constructor(
		private readonly eventId: number,
		private readonly code: string
	) {
		for (const [offerId, answer] of deviceStorage.read<[number, Answer][]>(this.#key('votes'), [])) {
			this.#saved.set(offerId, answer);
		}
		this.#outbox = new Outbox(
			this.#key('outbox'),
			(s) => this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck(s.event, s.payload),
			() => this.#joined && this.#socket.connected,
			{
				stored: (_, vote) => {
					this.#saved.set(vote.offerId, vote.answer);
					this.#persistSaved();
				},
				rejected: (_, error) => (this.notice = error.message),
				changed: () => (this.#pending = [...this.#outbox.items])
			}
		);
		this.#pending = [...this.#outbox.items];

		this.#socket = connect();
		this.#socket.on('connect', () => void this.#join());
		this.#socket.on('disconnect', () => {
			this.#joined = false;
			this.connection = 'offline';
		});
		this.#listen(window, 'offline', () => {
			// The phone knows before socket.io's heartbeat does.
			this.connection = 'offline';
			this.#socket.disconnect();
		});
		this.#listen(window, 'online', () => this.#socket.connect());
	}

	/** The answer shown for an offer: the latest one the person gave, sent or not. */
	answerOf(offerId: number): Answer | undefined {
		const pending = this.#latestPending(offerId);
		return pending ? pending.payload.answer : this.#saved.get(offerId);
	}

	deliveryOf(offerId: number): DeliveryState | undefined {
		const pending = this.#latestPending(offerId);
		if (!pending) return this.#saved.has(offerId) ? 'saved' : undefined;
		return this.connection === 'online' ? 'sending' : 'waiting';
	}

	get unsent(): number {
		return this.#pending.length;
	}

	vote(offerId: number, answer: Answer): void {
		this.notice = undefined;
		this.#outbox.add({
			event: 'vote:cast',
			key: `vote:${offerId}`,
			payload: { clientId: newId(), offerId, answer }
		});
	}

	destroy(): void {
		this.#outbox.dispose();
		this.#teardown.forEach((fn) => fn());
		this.#socket.disconnect();
	}

	async #join() {
		this.connection = 'connecting';
		try {
			const ack = await this.#socket
				.timeout(ACK_TIMEOUT_MS)
				.emitWithAck('participant:join', { code: this.code, participantId: participantId(this.eventId) });
			if (!ack.ok) {
				this.notice = ack.error.message;
				return;
			}
			// The server's record is the truth; answers still in the outbox are shown on top of it.
			this.#saved.clear();
			for (const v of ack.data.votes) this.#saved.set(v.offerId, v.answer);
			this.#persistSaved();
			this.worldCafeOpen = ack.data.worldCafeOpen;
			this.feedbackOpen = ack.data.feedbackOpen;
			this.#joined = true;
			this.connection = 'online';
			void this.#outbox.flush();
		} catch {
			// no answer in time: socket.io reconnects and we join again on `connect`
			if (this.#socket.connected) setTimeout(() => this.#socket.connected && void this.#join(), 2000);
		}
	}

	#latestPending(offerId: number): Submission | undefined {
		for (let i = this.#pending.length - 1; i >= 0; i--) {
			if (this.#pending[i]!.payload.offerId === offerId) return this.#pending[i];
		}
		return undefined;
	}

	#persistSaved() {
		deviceStorage.write(this.#key('votes'), [...this.#saved]);
	}

	#key(name: string) {
		return `dialograum:${this.eventId}:${name}`;
	}

	#listen(target: Window, type: string, fn: () => void) {
		target.addEventListener(type, fn);
		this.#teardown.push(() => target.removeEventListener(type, fn));
	}
}
