import type { Server as HttpServer, IncomingMessage } from 'node:http';
import { Server } from 'socket.io';
import type { Runtime } from '../runtime';
import { clientAddress, connectionLimitFromEnv, createConnectionCap } from './connection-cap';
import { createFanout } from './fanout';
import { createFloodGuard } from './flood-guard';
import { createGroupCommit } from './group-commit';
import { registerParticipantHandlers } from './participant-handlers';
import { createPresence } from './presence';
import { createRateLimiter } from './rate-limit';
import { aggregateRooms, rooms } from './rooms';
import { countParticipants } from '../participants/participants';
import { createLiveTallies } from '../voting/live-tallies';
import { blocklistTerms } from '../moderation/blocklist';
import { cardEntry, feedbackEntry, isOnWall, wallCard } from '../moderation/moderation';
import { authenticate } from './authenticate';
import { registerControlHandlers } from './control-handlers';
import { createWordClouds } from './word-clouds';
import { createLayoutRunner } from '../wordcloud/layout-runner';
import { workerFile } from '../workers/worker-file';
import { registerProjectorHandlers } from './projector-handlers';
import type { AppServer } from './types';

export type Realtime = { io: AppServer; close(): Promise<void> };

/** Attaches the one socket.io server to an http server (Vite in dev, adapter-node in production). */
export function attachRealtime(httpServer: HttpServer, runtime: Runtime): Realtime {
	const cap = createConnectionCap(connectionLimitFromEnv());
	// Limits chosen on purpose; docs/scaling.md says why.
	const io: AppServer = new Server(httpServer, {
		serveClient: false,
		// Leave other upgrade requests (Vite's HMR socket in dev) alone.
		destroyUpgrade: false,
		// The largest honest message is a card: 280 characters, about 1.5 KB as JSON. Anything near
		// this limit is refused by the transport (the connection closes) before it reaches a handler.
		maxHttpBufferSize: 32 * 1024,
		// A phone whose Wi-Fi died is noticed within 40 s, and the presence count follows.
		pingInterval: 20_000,
		pingTimeout: 20_000,
		// A connection that doesn't finish the socket.io handshake within 15 s is dropped.
		connectTimeout: 15_000,
		// Messages are small; compressing each one costs CPU and memory per socket.
		perMessageDeflate: false,
		connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
		allowRequest: (req, callback) => {
			if (!isSameOrigin(req.headers, runtime.config.origin)) return callback('Anfragen von fremden Seiten sind nicht erlaubt.', false);
			if (!cap.allows(clientAddress(req))) return callback('Von dieser Adresse sind zu viele Verbindungen offen. Bitte versuchen Sie es später noch einmal.', false);
			callback(null, true);
		}
	});
	io.engine.on('connection', (connection: { request: IncomingMessage; once(event: 'close', listener: () => void): void }) => {
		const address = clientAddress(connection.request);
		cap.opened(address);
		connection.once('close', () => cap.closed(address));
	});
	const floodGuard = createFloodGuard();

	const presenceOf = (eventId: number) => ({
		connected: presence.count(eventId),
		total: countParticipants(runtime.db, eventId)
	});
	const tallies = createLiveTallies(runtime.db);
	const fanout = createFanout(io, { presenceOf, tallyOf: tallies.tallyOf });
	const clouds = createWordClouds(
		runtime.db,
		(eventId, layout) => io.to(aggregateRooms(eventId)).emit('cloud:changed', layout),
		createLayoutRunner(workerFile(runtime.config.workersFolder, 'word-cloud-layout'))
	);
	const live = { presenceOf, clouds };
	const presence = createPresence((eventId) => fanout.presenceChanged(eventId));
	const limits = {
		joins: createRateLimiter({ burst: 10, perSecond: 1 }),
		submissions: createRateLimiter({ burst: 30, perSecond: 3 })
	};
	const { bus } = runtime;
	const writes = createGroupCommit(runtime.sqlite, runtime, runtime.writeGate);
	const subscriptions = [
		bus.subscribe('voteCast', (vote) => {
			tallies.voteCast(vote);
			fanout.tallyChanged(vote.eventId, vote.offerId);
		}),
		bus.subscribe('participationErased', () => tallies.forget()),
		bus.subscribe('participantRegistered', ({ eventId }) => fanout.presenceChanged(eventId)),
		bus.subscribe('phasesChanged', ({ eventId, phases }) => {
			io.to([rooms.participants(eventId), ...aggregateRooms(eventId)]).emit('phases:changed', phases);
		}),
		bus.subscribe('displayChanged', ({ eventId, display }) => io.to(aggregateRooms(eventId)).emit('display:changed', display)),
		bus.subscribe('displayLinkRevoked', ({ eventId }) => {
			io.in(rooms.projector(eventId))
				.fetchSockets()
				.then((sockets) => sockets.forEach((socket) => socket.data.viaDisplayLink && socket.disconnect(true)))
				.catch((error) => console.error('[realtime] Alte Beamer-Verbindungen konnten nicht getrennt werden:', error));
		}),
		bus.subscribe('cardChanged', ({ eventId, card }) => {
			fanout.wallChanged(eventId, card.id, isOnWall(card) ? wallCard(card) : undefined);
			fanout.queueChanged(eventId, cardEntry(card, blocklistTerms(runtime.db)));
		}),
		bus.subscribe('feedbackChanged', ({ eventId, feedback }) => {
			fanout.queueChanged(eventId, feedbackEntry(feedback, blocklistTerms(runtime.db)));
			clouds.feedbackChanged(eventId);
		})
	];

	io.use(authenticate(runtime.db));
	io.on('connection', (socket) => {
		floodGuard.attach(socket);
		// A recovered connection comes back with its rooms and data: count the person again.
		const { role, eventId, publicId } = socket.data;
		if (socket.recovered && role === 'participant' && eventId && publicId) presence.add(eventId, publicId);

		registerParticipantHandlers(socket, runtime, presence, limits, writes);
		registerProjectorHandlers(socket, runtime, live);
		registerControlHandlers(socket, runtime, live);

		socket.on('disconnect', () => {
			const { role, eventId, publicId } = socket.data;
			if (role === 'participant' && eventId && publicId) presence.remove(eventId, publicId);
		});
	});

	return {
		io,
		close: async () => {
			subscriptions.forEach((unsubscribe) => unsubscribe());
			fanout.stop();
			clouds.stop();
			await io.close();
			Object.values(limits).forEach((limiter) => limiter.stop());
			floodGuard.stop();
		}
	};
}

/** Browsers send an Origin header; it must match this server (or ORIGIN when set). */
function isSameOrigin(headers: Record<string, string | string[] | undefined>, origin: string | undefined): boolean {
	const from = headers.origin;
	if (typeof from !== 'string') return true; // not a browser: no cross-site risk
	if (origin) return from === origin;
	try {
		return new URL(from).host === headers.host;
	} catch {
		return false;
	}
}
