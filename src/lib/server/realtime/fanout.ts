import type { OfferTally, Presence } from '../../realtime/contract';
import { aggregateRooms } from './rooms';
import type { AppServer } from './types';

type Pending = { tallies: Map<number, OfferTally>; presence: boolean; timer?: NodeJS.Timeout; lastFlush: number };

/**
 * Coalesces live aggregates per event: at most one message per kind every `intervalMs`,
 * carrying only the latest tally of each offer that changed. The first change after a quiet
 * period goes out at once, so a single vote reaches the projector without delay.
 */
export function createFanout(io: AppServer, presenceOf: (eventId: number) => Presence, intervalMs = 100) {
	const pending = new Map<number, Pending>();
	let stopped = false;

	function flush(eventId: number) {
		const p = pending.get(eventId);
		if (!p) return;
		p.timer = undefined;
		p.lastFlush = Date.now();
		const to = io.to(aggregateRooms(eventId));
		try {
			if (p.tallies.size > 0) to.emit('tallies:changed', { tallies: [...p.tallies.values()] });
			if (p.presence) to.emit('presence:changed', presenceOf(eventId));
		} catch (error) {
			console.error('[realtime] Live-Daten konnten nicht gesendet werden:', error);
		} finally {
			p.tallies.clear();
			p.presence = false;
		}
	}

	function schedule(eventId: number): Pending {
		let p = pending.get(eventId);
		if (!p) pending.set(eventId, (p = { tallies: new Map(), presence: false, lastFlush: 0 }));
		if (!p.timer && !stopped) {
			const wait = Math.max(0, p.lastFlush + intervalMs - Date.now());
			p.timer = setTimeout(() => flush(eventId), wait);
		}
		return p;
	}

	return {
		tallyChanged(eventId: number, tally: OfferTally) {
			schedule(eventId).tallies.set(tally.offerId, tally);
		},
		presenceChanged(eventId: number) {
			schedule(eventId).presence = true;
		},
		stop() {
			stopped = true;
			for (const p of pending.values()) clearTimeout(p.timer);
			pending.clear();
		}
	};
}
