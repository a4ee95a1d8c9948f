// The baseline: a socket.io server that only acknowledges and broadcasts. No validation, no
// database, no coalescing: what the same load costs socket.io itself on this machine.
// Started by the bench with BENCH_LAYOUT (the event's offers) and the same transport options
// as dialograum; prints the same banner lines; answers `{ type: 'log' }` over IPC with what it stored.
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const layout = JSON.parse(process.env.BENCH_LAYOUT ?? '{"stations":[],"prompts":[]}');
const TOKEN = 'bare-projector-token-0000';
const EVENT_ID = layout.eventId ?? 1;

const httpServer = createServer((req, res) => res.writeHead(404).end());
const io = new Server(httpServer, {
	serveClient: false,
	perMessageDeflate: false,
	maxHttpBufferSize: 32 * 1024,
	pingInterval: 20_000,
	pingTimeout: 20_000
});

let phases = { worldCafeOpen: true, feedbackOpen: false };
const submissions = new Set();
/** Current answer per person and offer, with a row id in order of creation (as SQLite's vote.id). */
const votes = new Map();
const tallies = new Map();
/** In order of application: [clientId, offerId, voteRowId, created]. */
const voteLog = [];
const cards = [];
const feedback = [];
const display = { screen: 'join', stationId: null, resultsVisible: true, countdown: { durationMs: 0, endsAt: null, remainingMs: null } };
const snapshot = () => ({ eventId: EVENT_ID, phases, display: { ...display, serverNow: Date.now() }, tallies: [...tallies.values()], presence: { connected: 0, total: 0 }, cards: [], cloud: { width: 1600, height: 900, answers: 0, words: [] } });

io.on('connection', (socket) => {
	socket.on('participant:join', ({ participantId }, ack) => {
		socket.data.person = participantId;
		socket.join('participants');
		ack({ ok: true, data: { eventId: EVENT_ID, phases, votes: [], cards: [], feedback: [] } });
	});
	socket.on('projector:join', (_by, ack) => {
		socket.join('aggregates');
		ack({ ok: true, data: snapshot() });
	});
	socket.on('control:join', (_by, ack) => {
		socket.join('aggregates');
		ack({ ok: true, data: { ...snapshot(), queue: [] } });
	});
	socket.on('phases:set', ({ worldCafeOpen, feedbackOpen }, ack) => {
		phases = { worldCafeOpen: worldCafeOpen ?? phases.worldCafeOpen, feedbackOpen: feedbackOpen ?? phases.feedbackOpen };
		io.to(['participants', 'aggregates']).emit('phases:changed', phases);
		ack({ ok: true, data: phases });
	});
	socket.on('vote:cast', ({ clientId, offerId, answer }, ack) => {
		if (!submissions.has(clientId)) {
			submissions.add(clientId);
			const key = `${socket.data.person}:${offerId}`;
			const earlier = votes.get(key);
			const tally = tallies.get(offerId) ?? { offerId, yes: 0, no: 0 };
			if (earlier) tally[earlier.answer]--;
			tally[answer]++;
			tallies.set(offerId, tally);
			const row = earlier ?? { id: votes.size + 1 };
			votes.set(key, { id: row.id, answer });
			voteLog.push([clientId, offerId, row.id, !earlier]);
			io.to('aggregates').emit('tallies:changed', { tallies: [{ ...tally }] });
		}
		ack({ ok: true, data: { offerId, answer } });
	});
	socket.on('card:submit', ({ clientId, stationId, promptId, text }, ack) => {
		if (!submissions.has(clientId)) {
			submissions.add(clientId);
			cards.push(clientId);
			io.to('aggregates').emit('cards:changed', { upserts: [{ id: cards.length, stationId, promptId, text, createdAt: Date.now() }], removed: [] });
		}
		ack({ ok: true, data: { cardId: clientId, stationId, promptId, text } });
	});
	socket.on('feedback:submit', ({ clientId, text }, ack) => {
		if (!submissions.has(clientId)) {
			submissions.add(clientId);
			feedback.push(clientId);
		}
		ack({ ok: true, data: { clientId, text } });
	});
});

process.on('message', (message) => {
	if (message?.type === 'log') process.send?.({ type: 'log', votes: voteLog, cards, feedback });
});
process.on('SIGTERM', () => io.close(() => process.exit(0)));

httpServer.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1', () => {
	const address = httpServer.address();
	const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	console.log(`bare socket.io läuft: ${url}\n  Beamer:        ${url}/beamer/${TOKEN}`);
});
