// A load process: simulates a slice of the participants, each with its own socket.io connection.
// Driven by the bench over IPC: connect → café → feedback → results.
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import * as clock from './clock.js';
import { seeded } from './random.js';
import { feedback, worldCafe } from './scenario.js';

const ACK_TIMEOUT_MS = 15_000;
const RETRY_CODES = new Set(['rate-limited', 'server', 'not-joined']);

/** @type {{ socket: import('socket.io-client').Socket, publicId: string, rng: ReturnType<typeof seeded>, feedbackOpen: Promise<void>, joined: Promise<boolean>, rejoin: () => Promise<boolean> }[]} */
let people = [];
let setup;
let phase = 'cafe';
const results = {
	latencies: { join: [], vote: [], card: [], feedback: [] },
	/** [clientId, publicId, offerId, answer, ackAt] of every acknowledged vote. */
	votes: [],
	cards: [],
	feedback: [],
	/** Send and ack times of every acknowledged submission per phase, for throughput. */
	times: { cafe: { sent: [], acked: [] }, feedback: { sent: [], acked: [] } },
	/** [sent, ms] of every acknowledged World-Café submission: latency over time. */
	cafeSamples: [],
	refused: {},
	phases: {}
};

process.on('message', async (message) => {
	try {
		if (message.type === 'connect') {
			setup = message;
			await connectAll();
			process.send({ type: 'connected', failures: setup.participants.length - people.length });
		} else if (message.type === 'cafe') {
			await measure('cafe', () => Promise.all(people.map((p) => worldCafe(p.rng, setup.layout, setup.shape, sender(p), clock))));
			process.send({ type: 'cafe-done' });
		} else if (message.type === 'feedback') {
			phase = 'feedback';
			// A phone that missed the news (its connection was down) finds out on its next try.
			const opened = (p) => Promise.race([p.feedbackOpen, clock.sleep(30_000)]);
			await measure('feedback', () => Promise.all(people.map(async (p) => (await opened(p), feedback(p.rng, setup.shape, sender(p), clock)))));
			process.send({ type: 'feedback-done' });
		} else if (message.type === 'results') {
			process.send({ type: 'results', results });
		} else if (message.type === 'close') {
			people.forEach((p) => p.socket.disconnect());
			process.exit(0);
		}
	} catch (error) {
		process.send({ type: 'error', message: error instanceof Error ? error.stack : String(error) });
	}
});

async function connectAll() {
	const queue = [...setup.participants];
	const connectOne = async ({ publicId, seed }) => {
		// Like a phone: after a lost connection it reconnects and joins again; what is unacknowledged is sent again.
		const socket = io(setup.url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 500, reconnectionDelayMax: 2000, timeout: 20_000 });
		await new Promise((resolve, reject) => {
			socket.once('connect', resolve);
			socket.once('connect_error', (error) => (socket.disconnect(), reject(error)));
		});
		let opened;
		const feedbackOpen = new Promise((resolve) => (opened = resolve));
		socket.on('phases:changed', (phases) => phases.feedbackOpen && opened());
		const join = () => socket.timeout(ACK_TIMEOUT_MS).emitWithAck('participant:join', { code: setup.code, participantId: publicId });
		const t0 = clock.now();
		const ack = await join();
		if (!ack.ok) throw new Error(`join refused: ${JSON.stringify(ack.error)}`);
		results.latencies.join.push(clock.now() - t0);
		const person = { socket, publicId, rng: seeded(seed), feedbackOpen, joined: Promise.resolve(true) };
		// Back after a lost connection: the join's answer carries the phases it may have missed.
		person.rejoin = () =>
			(person.joined = join().then(
				(a) => (a.ok && a.data.phases.feedbackOpen && opened(), a.ok),
				() => false
			));
		socket.on('disconnect', (reason) => count('connection', `lost (${reason})`));
		socket.io.on('reconnect', () => void person.rejoin());
		people.push(person);
	};
	// A bounded number of handshakes in flight, as phones arriving at the door.
	const lanes = Array.from({ length: 50 }, async () => {
		for (let next = queue.shift(); next; next = queue.shift()) {
			try {
				await connectOne(next);
			} catch (error) {
				count('connect', error instanceof Error ? error.message : String(error));
			}
		}
	});
	await Promise.all(lanes);
}

/** Sends one submission, retrying like the phone's outbox (same client id), and records the outcome. */
function sender(person) {
	const { socket } = person;
	return async (event, payload, kind) => {
		for (let attempt = 0; attempt < 5; attempt++) {
			if (!socket.connected) {
				// The phone waits for its connection; one the server closed for good won't come back.
				if (!socket.active || !(await reconnected(socket, ACK_TIMEOUT_MS))) return count(kind, 'given up: no connection');
			}
			if (!(await person.joined)) {
				person.rejoin();
				await clock.sleep(1000);
				continue;
			}
			const sent = clock.now();
			let ack;
			try {
				ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
			} catch {
				count(kind, 'timeout');
				continue;
			}
			const acked = clock.now();
			if (ack.ok) {
				results.latencies[kind].push(acked - sent);
				results.times[phase].sent.push(sent);
				results.times[phase].acked.push(acked);
				if (phase === 'cafe') results.cafeSamples.push([sent, acked - sent]);
				if (kind === 'vote') results.votes.push([payload.clientId, person.publicId, payload.offerId, payload.answer, acked]);
				else results[kind === 'card' ? 'cards' : 'feedback'].push(payload.clientId);
				return;
			}
			count(kind, ack.error.code);
			if (ack.error.code === 'not-joined') person.rejoin();
			if (!RETRY_CODES.has(ack.error.code)) return;
			await clock.sleep(1000);
		}
		count(kind, 'given up after 5 attempts');
	};
}

function reconnected(socket, ms) {
	return new Promise((resolve) => {
		const timer = setTimeout(() => (socket.off('connect', done), resolve(false)), ms);
		const done = () => (clearTimeout(timer), resolve(true));
		socket.once('connect', done);
	});
}

function count(kind, reason) {
	const key = `${kind}: ${reason}`;
	results.refused[key] = (results.refused[key] ?? 0) + 1;
}

/** Wall time and how busy this process was: a saturated load process would inflate the latencies. */
async function measure(name, run) {
	const before = performance.eventLoopUtilization();
	const start = clock.now();
	await run();
	results.phases[name] = { ms: clock.now() - start, busy: performance.eventLoopUtilization(before).utilization };
}
