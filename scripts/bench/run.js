// One measured run: a server under test, a projector, an organiser and N participants spread
// over several load processes. Returns the figures; dialograum's database is checked afterwards.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as clock from './clock.js';
import { checkDatabase, readLayout, readVoteLog } from './database.js';
import { startServer, watchPeakRss } from './server-process.js';
import { openControl, openProjector, signIn } from './staff.js';
import { peakPerSecond, summarise } from './stats.js';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const ADMIN = { email: 'bench@dialograum.local', password: 'bench-passwort-12345' };
const CODE = 'DEMO';

/**
 * @param {{ kind: 'dialograum' | 'bare', participants: number, workers: number, shape: object, seed: number,
 *   layout?: object, profileDir?: string, serverNodeOptions?: string[], phaseLimitMs?: number, log: (line: string) => void }} options
 */
export async function runLoad(options) {
	const { kind, participants, workers, log } = options;
	const loadBefore = loadavg()[0];
	const dir = mkdtempSync(join(tmpdir(), `dialograum-bench-${kind}-`));
	const databaseFile = join(dir, 'bench.db');
	const { ORIGIN: _ignored, ...inherited } = process.env;
	const server = await startServer(
		kind === 'dialograum'
			? {
					args: ['server.js'],
					nodeOptions: nodeOptions(options),
					env: {
						...inherited,
						PORT: '0',
						HOST: '127.0.0.1',
						DATABASE_URL: databaseFile,
						ADMIN_EMAIL: ADMIN.email,
						ADMIN_PASSWORD: ADMIN.password,
						// Every simulated phone comes from 127.0.0.1: lift the per-address connection cap above the crowd.
						MAX_CONNECTIONS_PER_ADDRESS: String(participants + 100)
					}
				}
			: {
					args: [here('./bare-server.js')],
					ipc: true,
					nodeOptions: nodeOptions(options),
					env: { ...inherited, PORT: '0', HOST: '127.0.0.1', BENCH_LAYOUT: JSON.stringify(options.layout) }
				}
	);
	const pool = [];
	try {
		await clock.sleep(1000);
		const rssIdle = server.rssMb();
		const layout = kind === 'dialograum' ? readLayout(databaseFile, CODE) : options.layout;
		const projector = await openProjector(server.url, server.displayToken);
		const cookie = kind === 'dialograum' ? await signIn(server.url, ADMIN.email, ADMIN.password) : undefined;
		const control = await openControl(server.url, projector.eventId, cookie);

		const people = Array.from({ length: participants }, (_, i) => ({ publicId: randomUUID(), seed: options.seed + i }));
		for (let w = 0; w < workers; w++) pool.push(startWorker());
		log(`${kind}: connecting ${participants} participants from ${workers} load processes …`);
		const connectStart = clock.now();
		const connected = await Promise.all(
			pool.map((worker, w) =>
				worker.request({ type: 'connect', url: server.url, code: CODE, layout, shape: options.shape, participants: people.filter((_, i) => i % workers === w) }, 'connected')
			)
		);
		const failures = connected.reduce((sum, m) => sum + m.failures, 0);
		const connectMs = clock.now() - connectStart;
		await clock.sleep(2000);
		const rssConnected = server.rssMb();

		const peakRss = watchPeakRss(server.pid);
		log(`${kind}: World-Café …`);
		const cpuStart = server.cpuMs();
		const cafeStart = clock.now();
		await deadline(Promise.all(pool.map((worker) => worker.request({ type: 'cafe' }, 'cafe-done'))), options.phaseLimitMs, 'World-Café', pool);
		const cafeMs = clock.now() - cafeStart;
		const cafeCpuMs = server.cpuMs() - cpuStart;

		log(`${kind}: feedback …`);
		const feedbackDone = Promise.all(pool.map((worker) => worker.request({ type: 'feedback' }, 'feedback-done')));
		await Promise.all([control.openFeedback(), deadline(feedbackDone, options.phaseLimitMs, 'feedback', pool)]);
		await clock.sleep(500); // the last coalesced tallies
		const rssPeak = peakRss();
		const results = mergeResults(await Promise.all(pool.map((worker) => worker.request({ type: 'results' }, 'results'))).then((m) => m.map((r) => r.results)));
		const projectorMessages = projector.messages();
		const reachedAt = projector.reachedAt;

		let voteLog;
		let check;
		if (kind === 'bare') {
			const stored = await requestLog(server.child);
			voteLog = stored.votes;
			check = { ok: true, problems: [], counts: { votes: stored.votes.length, cards: stored.cards.length, feedback: stored.feedback.length } };
		}
		projector.close();
		control.close();
		await Promise.all(pool.map((worker) => worker.close()));
		pool.length = 0;
		await server.stop();
		if (kind === 'dialograum') {
			voteLog = readVoteLog(databaseFile);
			check = checkDatabase(databaseFile, { votes: results.votes, cards: results.cards, feedback: results.feedback, people: participants - failures });
		}

		const allLatencies = [...results.latencies.vote, ...results.latencies.card, ...results.latencies.feedback];
		return {
			kind,
			participants,
			connected: participants - failures,
			connectSeconds: round(connectMs / 1000),
			layout,
			ackMs: summarise(allLatencies),
			ackP99PerSecond: perSecondP99(results.cafeSamples),
			ackMsByKind: {
				join: summarise(results.latencies.join),
				vote: summarise(results.latencies.vote),
				card: summarise(results.latencies.card),
				feedback: summarise(results.latencies.feedback)
			},
			voteToProjectorMs: voteToProjector(voteLog, results.votes, reachedAt),
			projectorMessages,
			throughput: throughput(results, cafeMs),
			rssMb: {
				idle: round(rssIdle),
				connected: round(rssConnected),
				peak: round(rssPeak),
				perParticipantKb: Math.round(((rssConnected - rssIdle) * 1024) / Math.max(1, participants - failures))
			},
			serverCpuDuringCafe: round(cafeCpuMs / cafeMs),
			// Robust against other work on the machine, unlike the latencies.
			serverCpuPerSubmissionUs: Math.round((cafeCpuMs * 1000) / Math.max(1, results.cafe.acked.length)),
			loadAverageBefore: round(loadBefore),
			loadProcessBusy: round(Math.max(...results.busy)),
			refused: results.refused,
			database: check,
			serverLog: server.log().trim().split('\n').filter(Boolean).slice(-20)
		};
	} finally {
		await Promise.all(pool.map((worker) => worker.close()));
		await server.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Each phase is bounded in time: a server that stops answering ends the bench instead of hanging it,
 * with what the phones saw so far (refusals, timeouts, lost connections).
 */
async function deadline(promise, ms = 10 * 60_000, phase, pool) {
	let timer;
	const late = new Promise((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
	const outcome = await Promise.race([promise, late]).finally(() => clearTimeout(timer));
	if (outcome !== 'late') return;
	const seen = await Promise.race([
		Promise.all(pool.map((worker) => worker.request({ type: 'results' }, 'results'))).then((m) => mergeResults(m.map((r) => r.results)).refused),
		clock.sleep(5000).then(() => 'no answer from the load processes')
	]);
	throw new Error(`${phase} did not finish within ${ms / 1000} s; the phones saw: ${JSON.stringify(seen)}`);
}

function nodeOptions({ profileDir, serverNodeOptions = [] }) {
	return [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), ...serverNodeOptions];
}

function startWorker() {
	const child = fork(here('./load-worker.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	let exited = false;
	const orphanGuard = () => child.kill('SIGKILL');
	process.once('exit', orphanGuard);
	child.once('exit', () => {
		exited = true;
		process.off('exit', orphanGuard);
	});
	return {
		request(message, answer) {
			return new Promise((resolve, reject) => {
				const onMessage = (reply) => {
					if (reply.type === answer) done(() => resolve(reply));
					else if (reply.type === 'error') done(() => reject(new Error(`load process: ${reply.message}`)));
				};
				const onExit = (code) => done(() => reject(new Error(`load process exited with ${code}`)));
				const done = (settle) => {
					child.off('message', onMessage);
					child.off('exit', onExit);
					settle();
				};
				child.on('message', onMessage);
				child.once('exit', onExit);
				child.send(message);
			});
		},
		async close() {
			if (exited) return;
			const gone = new Promise((resolve) => child.once('exit', resolve));
			child.send({ type: 'close' });
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await gone;
			clearTimeout(timer);
		}
	};
}

function requestLog(child) {
	return new Promise((resolve) => {
		child.on('message', (m) => m.type === 'log' && resolve(m));
		child.send({ type: 'log' });
	});
}

function mergeResults(parts) {
	const merged = { latencies: { join: [], vote: [], card: [], feedback: [] }, votes: [], cards: [], feedback: [], cafe: { sent: [], acked: [] }, all: { sent: [], acked: [] }, cafeSamples: [], refused: {}, busy: [] };
	for (const part of parts) {
		for (const kind of Object.keys(merged.latencies)) merged.latencies[kind].push(...part.latencies[kind]);
		merged.votes.push(...part.votes);
		merged.cards.push(...part.cards);
		merged.cafeSamples.push(...part.cafeSamples);
		merged.feedback.push(...part.feedback);
		for (const phase of ['cafe', 'feedback']) {
			for (const [key, times] of Object.entries(part.times[phase])) {
				if (phase === 'cafe') merged.cafe[key].push(...times);
				merged.all[key].push(...times);
			}
		}
		for (const [key, n] of Object.entries(part.refused)) merged.refused[key] = (merged.refused[key] ?? 0) + n;
		merged.busy.push(...Object.values(part.phases).map((p) => p.busy));
	}
	return merged;
}

/**
 * Vote → projector: for every acknowledged vote that created an answer (a person's first answer
 * on an offer), the time from its acknowledgement at the phone to the projector receiving a
 * `tallies:changed` in which that offer's Ja + Nein first reaches the vote's rank k (the k-th answer
 * on that offer, in the order the server stored them). Changed answers leave the count as it is
 * and are not timed. Negative values (the projector had it before the phone had its ack) count as 0.
 */
function voteToProjector(voteLog, votes, reachedAt) {
	const ackAt = new Map(votes.map(([clientId, , , , at]) => [clientId, at]));
	const rank = new Map();
	const perOffer = new Map();
	for (const [, offerId, voteId, created] of voteLog) {
		if (!created) continue;
		if (!perOffer.has(offerId)) perOffer.set(offerId, []);
		perOffer.get(offerId).push(voteId);
	}
	for (const ids of perOffer.values()) ids.sort((a, b) => a - b).forEach((id, i) => rank.set(id, i + 1));
	const latencies = [];
	let missing = 0;
	let early = 0;
	for (const [clientId, offerId, voteId, created] of voteLog) {
		const acked = ackAt.get(clientId);
		if (!created || acked === undefined) continue;
		const arrived = reachedAt(offerId, rank.get(voteId));
		if (arrived === undefined) missing++;
		else {
			if (arrived < acked) early++;
			latencies.push(Math.max(0, arrived - acked));
		}
	}
	return { ...summarise(latencies), neverArrived: missing, beforeAck: early };
}

/**
 * The World-Café's ack p99 second by second (by send time): the median second and the worst one.
 * Shows whether the tail is spread out or sits in a few seconds (the cold start, a stall).
 */
function perSecondP99(samples) {
	const start = Math.min(...samples.map(([sent]) => sent));
	const seconds = new Map();
	for (const [sent, ms] of samples) {
		const second = Math.floor((sent - start) / 1000);
		if (!seconds.has(second)) seconds.set(second, []);
		seconds.get(second).push(ms);
	}
	const busy = [...seconds].filter(([, list]) => list.length >= 100).map(([second, list]) => ({ second, p99: summarise(list).p99 }));
	if (busy.length === 0) return null;
	const sorted = [...busy].sort((a, b) => a.p99 - b.p99);
	const worst = sorted.at(-1);
	return { seconds: busy.length, median: sorted[Math.floor(sorted.length / 2)].p99, worst: worst.p99, worstSecond: worst.second };
}

/**
 * Durable (acknowledged) submissions per second. `sustained` is over the middle 80 % of the
 * World-Café's acknowledgements, leaving out the ramp-up and the last stragglers.
 */
function throughput(results, cafeMs) {
	const acked = Float64Array.from(results.cafe.acked).sort();
	const total = acked.length;
	const first = Float64Array.from(results.cafe.sent).sort()[0] ?? 0;
	const lo = acked[Math.floor(total * 0.1)] ?? 0;
	const hi = acked[Math.floor(total * 0.9)] ?? 0;
	return {
		acknowledged: results.all.acked.length,
		cafeAcknowledged: total,
		cafeSeconds: round(cafeMs / 1000),
		cafePerSecond: Math.round(total / (((acked[total - 1] ?? first) - first) / 1000 || 1)),
		sustainedPerSecond: Math.round((0.8 * total) / ((hi - lo) / 1000 || 1)),
		peakPerSecond: peakPerSecond(acked)
	};
}

const round = (x) => Math.round(x * 10) / 10;
