import { SvelteMap } from 'svelte/reactivity';
import { connect, type AppClientSocket } from '$lib/client/socket';
import type { OfferTally, Phases, Presence } from '$lib/realtime/contract';

/** The projector's live view of an event: tallies per offer, people, phases. */
export class LiveBoard {
	tallies = new SvelteMap<number, OfferTally>();
	presence = $state<Presence>({ connected: 0, total: 0 });
	phases = $state<Phases | undefined>(undefined);
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
			this.presence = ack.data.presence;
			this.phases = ack.data.phases;
		});
		this.#socket.on('disconnect', () => (this.connected = false));
		this.#socket.on('tallies:changed', ({ tallies }) => this.#merge(tallies));
		this.#socket.on('presence:changed', (presence) => (this.presence = presence));
		this.#socket.on('phases:changed', (phases) => (this.phases = phases));
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
