import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => (server = await startTestServer()));
afterEach(() => server.close());

describe('per-device limits', () => {
	it('a flood from one device is slowed with a friendly German message; what got through is stored once', async () => {
		const phone = await server.participant();
		const offerId = server.demo.offers[0]!.id;
		const acks = await Promise.all(
			Array.from({ length: 60 }, () => phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' }))
		);

		const limited = acks.filter((a) => !a.ok);
		expect(limited.length).toBeGreaterThan(0);
		expect(limited[0]).toMatchObject({ ok: false, error: { code: 'rate-limited', message: expect.stringMatching(/erneut gesendet/) } });
		expect(tableCounts(server.sqlite).vote_submission).toBe(acks.filter((a) => a.ok).length);
	});

	it('the limit follows the device, not the connection', async () => {
		const id = randomUUID();
		const tabs = await Promise.all([server.participant(id), server.participant(id), server.participant(id)]);
		const offerId = server.demo.offers[1]!.id;
		const acks = await Promise.all(
			tabs.flatMap((tab) => Array.from({ length: 20 }, () => tab.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'no' })))
		);
		expect(acks.some((a) => !a.ok && a.error.code === 'rate-limited')).toBe(true);
	});

	it('another device is not affected by someone else’s flood', async () => {
		const flooder = await server.participant();
		const offerId = server.demo.offers[2]!.id;
		await Promise.all(Array.from({ length: 60 }, () => flooder.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' })));

		const neighbour = await server.participant();
		const ack = await neighbour.emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'no' });
		expect(ack.ok).toBe(true);
	});

	it('a message above the size limit is dropped without reaching any handler', async () => {
		const phone = await server.participant();
		const before = tableCounts(server.sqlite);
		const answer = await Promise.race([
			phone.timeout(1500).emitWithAck('card:submit', { clientId: randomUUID(), stationId: 1, promptId: 1, text: 'x'.repeat(200_000) }).then(
				() => 'answered',
				() => 'no answer'
			),
			new Promise((r) => phone.once('disconnect', () => r('disconnected')))
		]);
		expect(answer).not.toBe('answered');
		expect(tableCounts(server.sqlite)).toEqual(before);
	});
});
