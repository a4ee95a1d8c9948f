import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Phases } from '$lib/realtime/contract';
import { setPhases } from '$lib/server/events/phases';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => (server = await startTestServer()));
afterEach(() => server.close());

const nextPhases = (socket: TestClient) => new Promise<Phases>((resolve) => socket.once('phases:changed', resolve));

describe('phases', () => {
	it('open phones and the projector learn live when the World-Café closes', async () => {
		const phone = await server.participant();
		const wall = await server.projector();
		const onPhone = nextPhases(phone);
		const onWall = nextPhases(wall);

		setPhases(server.runtime, server.demo.id, { worldCafeOpen: false });

		expect(await onPhone).toEqual({ worldCafeOpen: false, feedbackOpen: false });
		expect(await onWall).toEqual({ worldCafeOpen: false, feedbackOpen: false });
	});

	it('while the World-Café is closed, votes and cards are refused in German and nothing is written', async () => {
		const phone = await server.participant();
		const station = server.sqlite.prepare('select id from station where position = 1').get() as { id: number };
		const prompt = server.sqlite.prepare('select id from prompt where position = 1').get() as { id: number };
		const cardId = randomUUID();
		await phone.emitWithAck('card:submit', { clientId: cardId, stationId: station.id, promptId: prompt.id, text: 'vorher' });
		setPhases(server.runtime, server.demo.id, { worldCafeOpen: false });
		const before = tableCounts(server.sqlite);

		const acks = [
			await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: server.demo.offers[0]!.id, answer: 'yes' }),
			await phone.emitWithAck('card:submit', { clientId: randomUUID(), stationId: station.id, promptId: prompt.id, text: 'neu' }),
			await phone.emitWithAck('card:edit', { cardId, text: 'geändert' }),
			await phone.emitWithAck('card:withdraw', { cardId })
		];

		for (const ack of acks) {
			expect(ack).toMatchObject({ ok: false, error: { code: 'phase-closed', message: expect.stringMatching(/World-Café ist gerade geschlossen/) } });
		}
		expect(tableCounts(server.sqlite)).toEqual(before);
		expect(server.sqlite.prepare('select text, withdrawn from card').all()).toEqual([{ text: 'vorher', withdrawn: 0 }]);
	});

	it('feedback is refused until it is opened, then accepted', async () => {
		const phone = await server.participant();
		const closed = await phone.emitWithAck('feedback:submit', { clientId: randomUUID(), text: 'zu früh' });
		expect(closed).toMatchObject({ ok: false, error: { code: 'phase-closed', message: expect.stringMatching(/Feedback ist gerade geschlossen/) } });

		setPhases(server.runtime, server.demo.id, { feedbackOpen: true });
		const open = await phone.emitWithAck('feedback:submit', { clientId: randomUUID(), text: 'jetzt' });
		expect(open.ok).toBe(true);
		expect(tableCounts(server.sqlite).feedback).toBe(1);
	});

	it('a phone that joins late gets the current phases', async () => {
		setPhases(server.runtime, server.demo.id, { worldCafeOpen: false, feedbackOpen: true });
		const socket = await server.client();
		const ack = await socket.emitWithAck('participant:join', { code: 'DEMO', participantId: randomUUID() });
		expect(ack.ok && ack.data.phases).toEqual({ worldCafeOpen: false, feedbackOpen: true });
	});
});
