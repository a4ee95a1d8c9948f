import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { io as connectClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '$lib/realtime/contract';
import { createSession } from '$lib/server/auth/sessions';
import { createUser } from '$lib/server/auth/users';
import { start } from '$lib/server/start';
import { demoEvent } from './demo';
import { tempDir } from './temp-dir';

export type TestClient = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The real thing on loopback: a SQLite file in a temp dir, the demo loaded,
 * socket.io attached to an http server by the same `start` the app uses.
 */
export async function startTestServer(env: NodeJS.ProcessEnv = {}) {
	const dir = tempDir();
	const httpServer = createServer();
	const app = start(httpServer, { DATABASE_URL: dir.file('test.db'), ...env });
	await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
	const clients: TestClient[] = [];

	async function client(cookie?: string): Promise<TestClient> {
		const socket: TestClient = connectClient(url, {
			transports: ['websocket'],
			reconnection: false,
			...(cookie ? { extraHeaders: { cookie } } : {})
		});
		clients.push(socket);
		await new Promise<void>((resolve, reject) => {
			socket.once('connect', resolve);
			socket.once('connect_error', reject);
		});
		return socket;
	}

	async function joined<T>(socket: TestClient, ack: Promise<{ ok: boolean } & T>) {
		const result = await ack;
		if (!result.ok) throw new Error(`join refused: ${JSON.stringify(result)}`);
		return socket;
	}

	return {
		url,
		runtime: app.runtime,
		db: app.runtime.db,
		sqlite: app.runtime.sqlite,
		demo: demoEvent(app.runtime.db),
		/** A connected socket.io client (websocket transport), closed with the server. */
		client,
		/** A phone that joined the demo event as `participantId` (a new device by default). */
		async participant(participantId: string = randomUUID()): Promise<TestClient> {
			const socket = await client();
			return joined(socket, socket.emitWithAck('participant:join', { code: 'demo', participantId }));
		},
		/** A signed-in organiser or moderator's connection; `session.token` signs it out when invalidated. */
		async staff(role: 'organiser' | 'moderator' = 'moderator') {
			const account = await createUser(app.runtime.db, {
				email: `${role}-${randomUUID()}@oberhausen.de`,
				password: 'ein-langes-passwort',
				role
			});
			const session = createSession(app.runtime.db, account.id);
			return { socket: await client(`dialograum_session=${session.token}`), session };
		},
		/** The projector of the demo event. */
		async projector(): Promise<TestClient> {
			const socket = await client();
			const token = demoEvent(app.runtime.db).displayToken;
			return joined(socket, socket.emitWithAck('projector:join', { token }));
		},
		async close() {
			clients.forEach((c) => c.disconnect());
			await app.close();
			dir.remove();
		}
	};
}

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
