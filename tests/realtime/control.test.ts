import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL_EVENTS, type ClientPayload, type DisplayState, type WallCard } from '$lib/realtime/contract';
import { invalidateSession } from '$lib/server/auth/sessions';
import { setPhases } from '$lib/server/events/phases';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => {
	server = await startTestServer();
	setPhases(server.runtime, server.demo.id, { feedbackOpen: true });
});
afterEach(() => server.close());

const next = <T>(socket: TestClient, event: 'display:changed' | 'cards:changed' | 'cloud:changed' | 'queue:changed') =>
	new Promise<T>((resolve) => socket.once(event, resolve as never));

function validPayloads(eventId: number): { [E in (typeof CONTROL_EVENTS)[number]]: ClientPayload<E> } {
	return {
		'control:join': { eventId },
		'display:show': { eventId, screen: 'board' },
		'display:results': { eventId, visible: false },
		'countdown:start': { eventId },
		'countdown:pause': { eventId },
		'countdown:reset': { eventId },
		'phases:set': { eventId, worldCafeOpen: false },
		'entry:moderate': { eventId, kind: 'feedback', id: 1, status: 'hidden' }
	};
}

describe('who may control the room', () => {
	it.each(CONTROL_EVENTS)('a participant calling %s is refused and nothing changes', async (name) => {
		const phone = await server.participant();
		await phone.emitWithAck('feedback:submit', { clientId: randomUUID(), text: 'spannend' });
		const before = tableCounts(server.sqlite);
		const event = server.sqlite.prepare('select * from event').get();
		const feedback = server.sqlite.prepare('select * from feedback').all();

		const ack = await phone.emitWithAck(name, validPayloads(server.demo.id)[name] as never);

		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
		expect(tableCounts(server.sqlite)).toEqual(before);
		expect(server.sqlite.prepare('select * from event').get()).toEqual(event);
		expect(server.sqlite.prepare('select * from feedback').all()).toEqual(feedback);
	});

	it('an anonymous connection cannot open the projector by event id', async () => {
		const socket = await server.client();
		const ack = await socket.emitWithAck('projector:join', { eventId: server.demo.id });
		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});

	it('a moderator who signed out is refused at once', async () => {
		const { socket, session } = await server.staff('moderator');
		expect((await socket.emitWithAck('display:show', { eventId: server.demo.id, screen: 'board' })).ok).toBe(true);
		invalidateSession(server.db, session.token);
		const ack = await socket.emitWithAck('display:show', { eventId: server.demo.id, screen: 'feedback' });
		expect(ack).toMatchObject({ ok: false, error: { code: 'forbidden' } });
	});

	it('a signed-in moderator can open the projector without the secret link', async () => {
		const { socket } = await server.staff('moderator');
		const ack = await socket.emitWithAck('projector:join', { eventId: server.demo.id });
		expect(ack.ok && ack.data.display.screen).toBe('join');
	});
});

describe('the control surface', () => {
	it('switching screens reaches the projector live', async () => {
		const wall = await server.projector();
		const { socket } = await server.staff();
		const station = server.sqlite.prepare('select id from station where position = 3').get() as { id: number };
		const changed = next<DisplayState>(wall, 'display:changed');

		const ack = await socket.emitWithAck('display:show', { eventId: server.demo.id, screen: 'station', stationId: station.id });

		expect(ack.ok && ack.data).toMatchObject({ screen: 'station', stationId: station.id });
		expect(await changed).toMatchObject({ screen: 'station', stationId: station.id });
	});

	it('a station of another event cannot be put on the wall', async () => {
		const { socket } = await server.staff();
		const ack = await socket.emitWithAck('display:show', { eventId: server.demo.id, screen: 'station', stationId: 99_999 });
		expect(ack).toMatchObject({ ok: false, error: { code: 'not-found' } });
	});

	it('the countdown starts from the event’s World-Café minutes, pauses and resets', async () => {
		const { socket } = await server.staff();
		const eventId = server.demo.id;

		const started = await socket.emitWithAck('countdown:start', { eventId });
		expect(started.ok && started.data.countdown.durationMs).toBe(75 * 60_000);
		const endsAt = started.ok ? started.data.countdown.endsAt! : 0;
		expect(endsAt - Date.now()).toBeGreaterThan(74 * 60_000);

		const paused = await socket.emitWithAck('countdown:pause', { eventId });
		expect(paused.ok && paused.data.countdown).toMatchObject({ endsAt: null });
		const left = paused.ok ? paused.data.countdown.remainingMs! : 0;
		expect(left).toBeGreaterThan(74 * 60_000);

		const resumed = await socket.emitWithAck('countdown:start', { eventId });
		expect(resumed.ok && resumed.data.countdown.endsAt! - resumed.data.serverNow).toBeLessThanOrEqual(left);

		const reset = await socket.emitWithAck('countdown:reset', { eventId });
		expect(reset.ok && reset.data.countdown).toMatchObject({ endsAt: null, remainingMs: null });
	});

	it('closing the World-Café from the control surface reaches the phones', async () => {
		const phone = await server.participant();
		const { socket } = await server.staff();
		const phases = new Promise((resolve) => phone.once('phases:changed', resolve));

		await socket.emitWithAck('phases:set', { eventId: server.demo.id, worldCafeOpen: false });

		expect(await phases).toEqual({ worldCafeOpen: false, feedbackOpen: true });
	});
});

describe('moderation', () => {
	async function writeCard(phone: TestClient, text: string) {
		const station = server.sqlite.prepare('select id from station where position = 1').get() as { id: number };
		const prompt = server.sqlite.prepare('select id from prompt where position = 1').get() as { id: number };
		return phone.emitWithAck('card:submit', { clientId: randomUUID(), stationId: station.id, promptId: prompt.id, text });
	}

	it('a hidden card leaves the projector, is kept, and shows as hidden in the queue', async () => {
		const wall = await server.projector();
		const { socket } = await server.staff();
		await socket.emitWithAck('control:join', { eventId: server.demo.id });
		const phone = await server.participant();
		const shown = next<{ upserts: WallCard[] }>(wall, 'cards:changed');
		await writeCard(phone, 'Plakate im Stadtteil');
		const [card] = (await shown).upserts;

		const removed = next<{ removed: number[] }>(wall, 'cards:changed');
		const ack = await socket.emitWithAck('entry:moderate', { eventId: server.demo.id, kind: 'card', id: card!.id, status: 'hidden' });

		expect(ack.ok && ack.data).toMatchObject({ kind: 'card', status: 'hidden', text: 'Plakate im Stadtteil' });
		expect((await removed).removed).toEqual([card!.id]);
		expect(server.sqlite.prepare('select text, status from card').all()).toEqual([{ text: 'Plakate im Stadtteil', status: 'hidden' }]);
	});

	it('a card with a blocked word is held for review: the queue gets it, the wall does not', async () => {
		const wall = await server.projector();
		const { socket } = await server.staff();
		await socket.emitWithAck('control:join', { eventId: server.demo.id });
		let onWall = false;
		wall.on('cards:changed', ({ upserts }) => (onWall ||= upserts.length > 0));
		const queued = next<{ entries: { status: string; matched?: string }[] }>(socket, 'queue:changed');

		await writeCard(await server.participant(), 'Was für ein Arschloch-Angebot');

		expect((await queued).entries).toMatchObject([{ status: 'held', matched: expect.stringMatching(/^arsch/) }]);
		await new Promise((r) => setTimeout(r, 250));
		expect(onWall).toBe(false);
	});

	it('a hidden feedback word leaves the word cloud; approving a held one adds it', async () => {
		const wall = await server.projector();
		const { socket } = await server.staff();
		const phone = await server.participant();
		await phone.emitWithAck('feedback:submit', { clientId: randomUUID(), text: 'spannend' });
		await phone.emitWithAck('feedback:submit', { clientId: randomUUID(), text: 'Scheißegal' });
		const first = await next<{ words: { text: string }[]; answers: number }>(wall, 'cloud:changed');
		expect(first.words.map((w) => w.text)).toEqual(['spannend']);

		const [held, spannend] = ['Scheißegal', 'spannend'].map(
			(text) => server.sqlite.prepare('select id from feedback where text = ?').get(text) as { id: number }
		);
		await socket.emitWithAck('entry:moderate', { eventId: server.demo.id, kind: 'feedback', id: spannend!.id, status: 'hidden' });
		await socket.emitWithAck('entry:moderate', { eventId: server.demo.id, kind: 'feedback', id: held!.id, status: 'visible' });
		const after = await next<{ words: { text: string }[] }>(wall, 'cloud:changed');

		expect(after.words.map((w) => w.text)).toEqual(['Scheißegal']);
	});
});
