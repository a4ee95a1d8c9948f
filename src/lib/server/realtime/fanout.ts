import type { OfferTally, Presence, QueueEntry, WallCard } from '../../realtime/contract';
import { aggregateRooms, rooms } from './rooms';
import type { AppServer } from './types';

type Pending = {
	/** Offers whose tally changed: counted once per message, not once per vote. */
	tallies: Set<number>;
	presence: boolean;
	wall: Map<number, WallCard | undefined>;
	queue: Map<string, QueueEntry>;
	timer?: NodeJS.Timeout;
	lastFlush: number;
};

export type LiveCounts = { presenceOf: (eventId: number) => Presence; tallyOf: (offerId: number) => OfferTally };

/**
 * Coalesces live updates per event: at most one message per kind every `intervalMs`, carrying
 * only the latest state of what changed (tallies per offer, counted when the message goes out;
 * cards; queue entries). The first change after a quiet period goes out at once, so a single
 * vote reaches the projector without delay.
 */
export function createFanout(io: AppServer, { presenceOf, tallyOf }: LiveCounts, intervalMs = 100) {
	const pending = new Map<number, Pending>();
	let stopped = false;

	function flush(eventId: number) {
		const p = pending.get(eventId);
		if (!p) return;
		p.timer = undefined;
		p.lastFlush = Date.now();
		const aggregates = io.to(aggregateRooms(eventId));
		try {
			if (p.tallies.size > 0) aggregates.emit('tallies:changed', { tallies: [...p.tallies].map(tallyOf) });
			if (p.presence) aggregates.emit('presence:changed', presenceOf(eventId));
			if (p.wall.size > 0) {
				const entries = [...p.wall.entries()];
				aggregates.emit('cards:changed', {
					upserts: entries.flatMap(([, card]) => (card ? [card] : [])),
					removed: entries.flatMap(([id, card]) => (card ? [] : [id]))
				});
			}
			if (p.queue.size > 0) io.to(rooms.organisers(eventId)).emit('queue:changed', { entries: [...p.queue.values()] });
		} catch (error) {
			console.error('[realtime] Live-Daten konnten nicht gesendet werden:', error);
		} finally {
			p.tallies.clear();
			p.presence = false;
			p.wall.clear();
			p.queue.clear();
		}
	}

	function schedule(eventId: number): Pending {
		let p = pending.get(eventId);
		if (!p) {
			p = { tallies: new Set(), presence: false, wall: new Map(), queue: new Map(), lastFlush: 0 };
			pending.set(eventId, p);
		}
		if (!p.timer && !stopped) {
			const wait = Math.max(0, p.lastFlush + intervalMs - Date.now());
			p.timer = setTimeout(() => flush(eventId), wait);
		}
		return p;
	}

	return {
		tallyChanged(eventId: number, offerId: number) {
			schedule(eventId).tallies.add(offerId);
		},
		presenceChanged(eventId: number) {
			schedule(eventId).presence = true;
		},
		/** A card the wall shows now (`card`), or one that must leave it (`undefined`). */
		wallChanged(eventId: number, id: number, card: WallCard | undefined) {
			schedule(eventId).wall.set(id, card);
		},
		queueChanged(eventId: number, entry: QueueEntry) {
			schedule(eventId).queue.set(`${entry.kind}:${entry.id}`, entry);
		},
		stop() {
			stopped = true;
			for (const p of pending.values()) clearTimeout(p.timer);
			pending.clear();
		}
	};
}
