import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OfferTally } from '$lib/realtime/contract';
import { eraseParticipation } from '$lib/server/participants/erase';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

let server: TestServer;
let demo: TestServer['demo'];

beforeEach(async () => {
	server = await startTestServer();
	demo = server.demo;
});
afterEach(() => server.close());

const participant = (id?: string) => server.participant(id);
const projector = () => server.projector();

function nextTallies(socket: TestClient): Promise<OfferTally[]> {
	return new Promise((resolve) => socket.once('tallies:changed', ({ tallies }) => resolve(tallies)));
}

/** The last tally the projector received, per offer. */
function latestTallies(socket: TestClient): Map<number, OfferTally> {
	const latest = new Map<number, OfferTally>();
	socket.on('tallies:changed', ({ tallies }) => tallies.forEach((t) => latest.set(t.offerId, t)));
	return latest;
}

describe('casting a vote', () => {
	it('is acknowledged only once it is committed to the database file', async () => {
		const phone = await participant();
		// A second, independent connection sees only what was committed.
		const reader = new Database(server.runtime.sqlite.name, { readonly: true });
		const offerId = demo.offers[0]!.id;

		const ack = await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' });
		const stored = reader.prepare('select answer from vote where offer_id = ?').all(offerId);
		reader.close();

		expect(ack).toEqual({ ok: true, data: { offerId, answer: 'yes' } });
		expect(stored).toEqual([{ answer: 'yes' }]);
	});

	it('stores a retried submission once', async () => {
		const phone = await participant();
		const vote = { clientId: randomUUID(), offerId: demo.offers[1]!.id, answer: 'no' as const };

		const first = await phone.emitWithAck('vote:cast', vote);
		const retry = await phone.emitWithAck('vote:cast', vote);

		expect(first).toEqual(retry);
		expect(tableCounts(server.sqlite)).toMatchObject({ vote: 1, vote_submission: 1 });
	});

	it('replaces the earlier answer when a person changes their mind', async () => {
		const phone = await participant();
		const offerId = demo.offers[2]!.id;

		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' });
		const changed = await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'no' });

		expect(changed.ok).toBe(true);
		expect(server.sqlite.prepare('select answer from vote where offer_id = ?').all(offerId)).toEqual([{ answer: 'no' }]);
		expect(tableCounts(server.sqlite)).toMatchObject({ vote: 1, vote_submission: 2 });
	});

	it('a retry of an earlier answer does not undo a later change', async () => {
		const phone = await participant();
		const offerId = demo.offers[3]!.id;
		const first = { clientId: randomUUID(), offerId, answer: 'yes' as const };

		await phone.emitWithAck('vote:cast', first);
		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'no' });
		await phone.emitWithAck('vote:cast', first);

		expect(server.sqlite.prepare('select answer from vote where offer_id = ?').get(offerId)).toEqual({ answer: 'no' });
	});

	it('comes back after a reconnect: the join answers with the votes of this device', async () => {
		const id = randomUUID();
		const phone = await participant(id);
		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: demo.offers[0]!.id, answer: 'yes' });
		phone.disconnect();

		const again = await server.client();
		const ack = await again.emitWithAck('participant:join', { code: 'DEMO', participantId: id });

		expect(ack.ok && ack.data.votes).toEqual([{ offerId: demo.offers[0]!.id, answer: 'yes' }]);
		expect(tableCounts(server.sqlite).participant).toBe(1);
	});
});

describe('refused submissions change nothing', () => {
	const malformed: [string, unknown][] = [
		['a missing answer', { clientId: randomUUID(), offerId: 1 }],
		['a wrong answer', { clientId: randomUUID(), offerId: 1, answer: 'vielleicht' }],
		['an offer id as text', { clientId: randomUUID(), offerId: '1', answer: 'yes' }],
		['a client id that is no UUID', { clientId: 'abc', offerId: 1, answer: 'yes' }],
		['an unknown extra field', { clientId: randomUUID(), offerId: 1, answer: 'yes', __proto__x: 1 }],
		['no object at all', 'yes'],
		['a huge string', { clientId: randomUUID(), offerId: 1, answer: 'x'.repeat(20_000) }]
	];

	it.each(malformed)('%s gets an error acknowledgement', async (_, payload) => {
		const phone = await participant();
		const before = tableCounts(server.sqlite);

		const ack = await phone.emitWithAck('vote:cast', payload as never);

		expect(ack.ok).toBe(false);
		expect(!ack.ok && ack.error.code).toBe('invalid');
		expect(!ack.ok && ack.error.message).toMatch(/ungültig/);
		expect(tableCounts(server.sqlite)).toEqual(before);
	});

	it('a vote before joining an event is refused', async () => {
		const socket = await server.client();
		const ack = await socket.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: demo.offers[0]!.id, answer: 'yes' });
		expect(ack).toMatchObject({ ok: false, error: { code: 'not-joined' } });
		expect(tableCounts(server.sqlite).vote).toBe(0);
	});

	it('an offer that does not belong to the event is refused', async () => {
		const phone = await participant();
		const ack = await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: 99_999, answer: 'yes' });
		expect(ack).toMatchObject({ ok: false, error: { code: 'not-found' } });
		expect(tableCounts(server.sqlite).vote).toBe(0);
	});

	it('an unknown join code is refused with a German hint', async () => {
		const socket = await server.client();
		const ack = await socket.emitWithAck('participant:join', { code: 'NOPE', participantId: randomUUID() });
		expect(ack).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/Code/) } });
		expect(tableCounts(server.sqlite).participant).toBe(0);
	});
});

describe('the projector', () => {
	it('receives the new tally of the offer after a vote', async () => {
		const wall = await projector();
		const phone = await participant();
		const offerId = demo.offers[4]!.id;
		const tallies = nextTallies(wall);

		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' });

		expect(await tallies).toEqual([{ offerId, yes: 1, no: 0 }]);
	});

	it('gets a snapshot of all tallies and connected people when it joins', async () => {
		const phone = await participant();
		await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: demo.offers[0]!.id, answer: 'no' });

		const socket = await server.client();
		const ack = await socket.emitWithAck('projector:join', { token: demo.displayToken });

		expect(ack).toMatchObject({
			ok: true,
			data: {
				eventId: demo.id,
				phases: { worldCafeOpen: true, feedbackOpen: false },
				tallies: [{ offerId: demo.offers[0]!.id, yes: 0, no: 1 }],
				presence: { connected: 1, total: 1 },
				display: { screen: 'join', resultsVisible: true },
				cards: []
			}
		});
	});

	it('counts people, not tabs, and sees them leave', async () => {
		const wall = await projector();
		const id = randomUUID();
		const counts: number[] = [];
		wall.on('presence:changed', ({ connected }) => counts.push(connected));

		const tab1 = await participant(id);
		const tab2 = await participant(id);
		await participant();
		await expect.poll(() => counts.at(-1)).toBe(2);
		tab1.disconnect();
		await new Promise((r) => setTimeout(r, 250));
		expect(counts.at(-1)).toBe(2);
		tab2.disconnect();
		await expect.poll(() => counts.at(-1)).toBe(1);
	});

	it('follows first, changed and repeated answers with the counts the database holds', async () => {
		const latest = latestTallies(await projector());
		const offerId = demo.offers[6]!.id;
		const stored = () => {
			const count = (answer: string) => server.sqlite.prepare('select count(*) n from vote where offer_id = ? and answer = ?').get(offerId, answer) as { n: number };
			return { offerId, yes: count('yes').n, no: count('no').n };
		};
		const [anna, ben, cem] = await Promise.all([participant(), participant(), participant()]);
		const annaFirst = { clientId: randomUUID(), offerId, answer: 'yes' as const };

		await anna.emitWithAck('vote:cast', annaFirst);
		await ben.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' });
		await expect.poll(() => latest.get(offerId)).toEqual({ offerId, yes: 2, no: 0 });

		await anna.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'no' }); // changed
		await ben.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' }); // the same again
		await anna.emitWithAck('vote:cast', annaFirst); // a late retry of the first answer
		await cem.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'no' });

		await expect.poll(() => latest.get(offerId)).toEqual({ offerId, yes: 1, no: 2 });
		expect(latest.get(offerId)).toEqual(stored());
	});

	it('counts from the database again after the participation was erased', async () => {
		const latest = latestTallies(await projector());
		const offerId = demo.offers[7]!.id;
		const phones = await Promise.all([participant(), participant(), participant()]);
		await Promise.all(phones.map((p) => p.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' })));
		await expect.poll(() => latest.get(offerId)?.yes).toBe(3);

		eraseParticipation(server.runtime, demo.id);
		const newcomer = await participant();
		await newcomer.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'no' });

		await expect.poll(() => latest.get(offerId)).toEqual({ offerId, yes: 0, no: 1 });
	});

	it('coalesces a burst of votes into few messages carrying the latest tallies', async () => {
		const wall = await projector();
		const received: OfferTally[][] = [];
		wall.on('tallies:changed', ({ tallies }) => received.push(tallies));
		const phones = await Promise.all(Array.from({ length: 20 }, () => participant()));
		const offerId = demo.offers[5]!.id;

		await Promise.all(phones.map((p) => p.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' })));
		await expect.poll(() => received.flat().filter((t) => t.offerId === offerId).at(-1)?.yes).toBe(20);

		expect(received.length).toBeLessThan(20);
	});

	it('does not reach participants, and a wrong display link is refused', async () => {
		const phone = await participant();
		let leaked = false;
		phone.on('tallies:changed', () => (leaked = true));
		const other = await participant();
		await other.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: demo.offers[0]!.id, answer: 'yes' });
		await new Promise((r) => setTimeout(r, 250));
		expect(leaked).toBe(false);

		const socket = await server.client();
		const ack = await socket.emitWithAck('projector:join', { token: 'x'.repeat(24) });
		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});
});
