import { io, type Socket } from 'socket.io-client';
import type { Ack } from '$lib/realtime/contract';

export type Submission =
	| { event: 'vote:cast'; payload: { clientId: string; offerId: number; answer: 'yes' | 'no' } }
	| { event: 'card:submit'; payload: { clientId: string; stationId: number; promptId: number; text: string } }
	| { event: 'feedback:submit'; payload: { clientId: string; text: string } };

const RETRY = new Set(['server', 'rate-limited', 'not-joined']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A phone as the participant page behaves: it keeps every submission until the server
 * acknowledged it, sends them one after the other, and after a lost connection reconnects by
 * itself, joins again and sends what is still waiting, with the same client ids.
 */
export class Phone {
	/** Acknowledged submissions in the order their acks arrived. */
	readonly acked: Submission[] = [];
	readonly refused: string[] = [];
	readonly socket: Socket;
	#waiting: Submission[];
	#joined = false;
	#flushing = false;
	#emptied: Promise<void>;
	#empty!: () => void;

	constructor(
		url: string,
		readonly publicId: string,
		submissions: Submission[],
		private readonly gapMs = 0
	) {
		this.#waiting = [...submissions];
		this.#emptied = new Promise((resolve) => (this.#empty = resolve));
		this.socket = io(url, {
			transports: ['websocket'],
			forceNew: true,
			reconnectionDelay: 100,
			reconnectionDelayMax: 500,
			timeout: 5000
		});
		this.socket.on('connect', () => void this.#join());
		this.socket.on('disconnect', () => (this.#joined = false));
	}

	get waiting(): number {
		return this.#waiting.length;
	}

	/** Resolves once every submission has been acknowledged. */
	done(): Promise<void> {
		return this.#emptied;
	}

	close() {
		this.socket.disconnect();
	}

	async #join() {
		while (this.socket.connected && !this.#joined) {
			try {
				const ack: Ack<unknown> = await this.socket.timeout(3000).emitWithAck('participant:join', { code: 'DEMO', participantId: this.publicId });
				if (ack.ok) this.#joined = true;
				else await sleep(200);
			} catch {
				// No answer: the server went away again, or is slow. Try again while connected.
			}
		}
		void this.#flush();
	}

	async #flush() {
		if (this.#flushing) return;
		this.#flushing = true;
		try {
			while (this.#waiting.length > 0 && this.#joined && this.socket.connected) {
				const next = this.#waiting[0]!;
				let ack: Ack<unknown>;
				try {
					ack = await this.socket.timeout(2000).emitWithAck(next.event, next.payload);
				} catch {
					continue; // no answer in time: send it again (the server stores it once)
				}
				if (ack.ok) {
					this.acked.push(next);
					this.#waiting.shift();
					if (this.gapMs) await sleep(this.gapMs);
				} else if (RETRY.has(ack.error.code)) {
					if (ack.error.code === 'not-joined') this.#joined = false;
					await sleep(300);
				} else {
					this.refused.push(`${next.event} ${next.payload.clientId}: ${ack.error.code} ${ack.error.message}`);
					this.#waiting.shift();
				}
			}
		} finally {
			this.#flushing = false;
		}
		if (this.#waiting.length === 0) this.#empty();
		else if (this.socket.connected) void (this.#joined ? this.#flush() : this.#join());
	}
}
