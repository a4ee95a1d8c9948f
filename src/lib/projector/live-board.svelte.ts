import { SvelteMap } from 'svelte/reactivity';
import { connect, type AppClientSocket } from '$lib/client/socket';
import type { OfferTally } from '$lib/realtime/contract';

/** The projector's live view of an event: tallies per offer and connected participants. */
export class LiveBoard {
	tallies = new SvelteMap<number, OfferTally>();
	participants = $state(0);
	connected = $state(false);
	problem = $state<string | undefined>(undefined);
	#socket: AppClientSocket;

	constructor(token: string, initial: OfferTally[]) {
		this.#merge(initial);
		this.#socket = connect();
		this.#socket.on('connect', async () => {
			const ack = await this.#socket.timeout(8000).emitWithAck('projector:join', { token }).catch(() => undefined);
			if (!ack) return;
			if (!ack.ok) return void (this.problem = ack.error.message);
			this.problem = undefined;
			this.connected = true;
			this.tallies.clear();
			this.#merge(ack.data.tallies);
			this.participants = ack.data.participants;
		});
		this.#socket.on('disconnect', () => (this.connected = false));
		this.#socket.on('tallies:changed', ({ tallies }) => this.#merge(tallies));
		this.#socket.on('presence:changed', ({ participants }) => (this.participants = participants));
	}

	tallyOf(offerId: number): OfferTally {
		return this.tallies.get(offerId) ?? { offerId, yes: 0, no: 0 };
	}

	destroy(): void {
		this.#socket.disconnect();
	}

	#merge(tallies: OfferTally[]) {
		for (const t of tallies) this.tallies.set(t.offerId, t);
	}
}
