import { randomUUID } from 'node:crypto';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestServer } from '../support/test-server';
import { rawWebSocket } from './raw-websocket';

let server: TestServer;
const extra: Socket[] = [];
beforeEach(async () => {
	// All test clients share 127.0.0.1: a small cap makes "too many connections" quick to reach.
	process.env.MAX_CONNECTIONS_PER_ADDRESS = '12';
	server = await startTestServer();
	delete process.env.MAX_CONNECTIONS_PER_ADDRESS;
});
afterEach(async () => {
	extra.forEach((s) => s.disconnect());
	extra.length = 0;
	await server.close();
});

const closedBy = (socket: Socket) => new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

/** The server is still there for everyone else: a new phone joins and its vote is stored. */
async function stillServes() {
	const phone = await server.participant();
	const ack = await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: server.demo.offers[0]!.id, answer: 'yes' });
	expect(ack.ok).toBe(true);
	phone.disconnect();
}

describe('a hostile client', () => {
	it('a malformed packet closes only that connection', async () => {
		const phone = await server.participant();
		const before = tableCounts(server.sqlite);
		const closed = closedBy(phone);
		(phone.io.engine as unknown as { send(data: string): void }).send('2["vote:cast",{"clientId":');
		expect(await closed).toMatch(/disconnect|close/);
		expect(tableCounts(server.sqlite)).toEqual(before);
		await stillServes();
	});

	it('binary garbage where text is expected closes only that connection', async () => {
		const phone = await server.participant();
		const closed = closedBy(phone);
		(phone.io.engine as unknown as { send(data: Uint8Array): void }).send(new Uint8Array([0xff, 0x00, 0xfe, 0x42]));
		expect(await closed).toMatch(/disconnect|close/);
		await stillServes();
	});

	it('invalid UTF-8 in a WebSocket text frame closes the connection', async () => {
		const raw = await rawWebSocket(server.url);
		raw.sendText(Buffer.from([0x34, 0x32, 0x5b, 0x22, 0xc3, 0x28, 0xff, 0x22, 0x5d])); // 42["\xc3(\xff"]
		await raw.closed;
		await stillServes();
	});

	it.each([
		['WebSocket', ['websocket']],
		['HTTP long-polling', ['polling']]
	])('a 1 MB message over %s is dropped before any handler', async (_, transports) => {
		const socket = connect(server.url, { transports: transports as ('websocket' | 'polling')[], forceNew: true, reconnection: false });
		extra.push(socket);
		await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
		await socket.emitWithAck('participant:join', { code: 'DEMO', participantId: randomUUID() });
		const before = tableCounts(server.sqlite);
		const outcome = await Promise.race([
			socket
				.timeout(3000)
				.emitWithAck('card:submit', { clientId: randomUUID(), stationId: 1, promptId: 1, text: 'x'.repeat(1024 * 1024) })
				.then(
					() => 'answered',
					() => 'no answer'
				),
			closedBy(socket).then(() => 'closed')
		]);
		expect(outcome).not.toBe('answered');
		expect(tableCounts(server.sqlite)).toEqual(before);
		await stillServes();
	});

	it('a flood of messages from one connection is refused, and a connection that keeps on is closed', async () => {
		const socket = await server.client();
		const closed = closedBy(socket);
		const acks = await Promise.all(
			Array.from({ length: 150 }, () =>
				socket
					.timeout(3000)
					.emitWithAck('projector:join', { token: 'A'.repeat(24) })
					.catch(() => undefined)
			)
		);
		const limited = acks.filter((a) => a && !a.ok && a.error.code === 'rate-limited');
		expect(limited.length).toBeGreaterThan(50);
		expect(limited[0]).toMatchObject({ error: { message: expect.stringMatching(/Sie senden gerade sehr viel/) } });

		for (let i = 0; i < 300 && socket.connected; i++) (socket as unknown as { emit(...a: unknown[]): void }).emit('unknown:event', i);
		expect(await closed).toBe('io server disconnect');
		await stillServes();
	});

	it('many connections from one address: beyond the cap, new ones are refused until one closes', async () => {
		const open: Socket[] = [];
		let refused: Error | undefined;
		for (let i = 0; i < 20 && !refused; i++) {
			const socket = connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
			extra.push(socket);
			refused = await new Promise<Error | undefined>((resolve) => {
				socket.once('connect', () => resolve(undefined));
				socket.once('connect_error', (error) => resolve(error));
			});
			if (!refused) open.push(socket);
		}
		expect(refused).toBeDefined();
		expect(open.length).toBe(12);

		open[0]!.disconnect();
		await new Promise((r) => setTimeout(r, 100));
		await stillServes();
	});
});
