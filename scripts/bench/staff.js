// The projector and the organiser of the bench: one socket each, in the bench's own process.
import { io } from 'socket.io-client';
import * as clock from './clock.js';

// Like the real screens, they reconnect after a lost connection and join again (`rejoin`).
const connect = (url, extraHeaders) =>
	new Promise((resolve, reject) => {
		const socket = io(url, { transports: ['websocket'], forceNew: true, reconnectionDelay: 500, reconnectionDelayMax: 2000, ...(extraHeaders ? { extraHeaders } : {}) });
		socket.once('connect', () => resolve(socket));
		socket.once('connect_error', (error) => (socket.disconnect(), reject(error)));
	});

async function ok(promise, what) {
	const ack = await promise;
	if (!ack.ok) throw new Error(`${what} refused: ${JSON.stringify(ack.error)}`);
	return ack.data;
}

/**
 * The projector, joined with the secret display link. It remembers, per offer, when the number
 * of answers (Ja + Nein) first reached each count: `reachedAt(offerId, k)`.
 */
export async function openProjector(url, token) {
	const socket = await connect(url);
	const joined = await ok(socket.timeout(20_000).emitWithAck('projector:join', { token }), 'projector:join');
	/** offerId → arrival time of each count, index = count. */
	const reached = new Map();
	let messages = 0;
	const record = (tallies, at) => {
		for (const { offerId, yes, no } of tallies) {
			const times = reached.get(offerId) ?? [0];
			reached.set(offerId, times);
			for (let k = times.length; k <= yes + no; k++) times[k] = at;
		}
	};
	record(joined.tallies, clock.now());
	socket.on('tallies:changed', ({ tallies }) => {
		messages++;
		record(tallies, clock.now());
	});
	socket.io.on('reconnect', () => {
		socket
			.timeout(20_000)
			.emitWithAck('projector:join', { token })
			.then((again) => again.ok && record(again.data.tallies, clock.now()))
			.catch(() => undefined);
	});
	return {
		eventId: joined.eventId,
		reachedAt: (offerId, k) => reached.get(offerId)?.[k],
		messages: () => messages,
		close: () => socket.disconnect()
	};
}

/** Signs in like the browser does (form post with an Origin header) and returns the session cookie. */
export async function signIn(url, email, password) {
	const response = await fetch(`${url}/anmelden`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dialograum_session='));
	if (!cookie) throw new Error(`sign-in failed: HTTP ${response.status}`);
	return cookie.split(';')[0];
}

/** The organiser's control connection (signed in when `cookie` is given). */
export async function openControl(url, eventId, cookie) {
	const socket = await connect(url, cookie ? { cookie } : undefined);
	const join = () => ok(socket.timeout(20_000).emitWithAck('control:join', { eventId }), 'control:join');
	await join();
	socket.io.on('reconnect', () => void join().catch(() => undefined));
	return {
		// Generous: an overloaded server answers late, and the bench should then report, not give up.
		openFeedback: () => ok(socket.timeout(120_000).emitWithAck('phases:set', { eventId, feedbackOpen: true }), 'phases:set'),
		close: () => socket.disconnect()
	};
}
