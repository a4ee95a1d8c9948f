import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import type { Submission } from './phone';

export type Layout = { eventId: number; stations: { id: number; offers: number[] }[]; prompts: number[] };

/** The demo event's Themeninseln and prompts, read from the server's database file. */
export function readLayout(databaseFile: string): Layout {
	const db = new Database(databaseFile, { readonly: true });
	try {
		const stations = db
			.prepare("select s.id, json_group_array(o.id) as offers from station s join event e on e.id = s.event_id join offer o on o.station_id = s.id where e.join_code = 'DEMO' group by s.id order by s.position")
			.all() as { id: number; offers: string }[];
		const prompts = db.prepare("select p.id from prompt p join event e on e.id = p.event_id where e.join_code = 'DEMO' order by p.position").pluck().all() as number[];
		const eventId = db.prepare("select id from event where join_code = 'DEMO'").pluck().get() as number;
		return { eventId, stations: stations.map((s) => ({ id: s.id, offers: JSON.parse(s.offers) as number[] })), prompts };
	} finally {
		db.close();
	}
}

/** What one person sends: Ja/Nein at a few tables, some answers changed, a card per table, feedback words. */
export function submissionsOf(layout: Layout, n: number, { feedback = true } = {}): Submission[] {
	const out: Submission[] = [];
	const answers = new Map<number, 'yes' | 'no'>();
	for (let t = 0; t < 3; t++) {
		const station = layout.stations[(n * 5 + t * 3) % layout.stations.length]!;
		for (const [i, offerId] of station.offers.entries()) {
			const answer = (n + i + t) % 3 === 0 ? 'no' : 'yes';
			answers.set(offerId, answer);
			out.push({ event: 'vote:cast', payload: { clientId: randomUUID(), offerId, answer } });
		}
		const changed = station.offers[0]!;
		const flipped = answers.get(changed) === 'yes' ? 'no' : 'yes';
		out.push({ event: 'vote:cast', payload: { clientId: randomUUID(), offerId: changed, answer: flipped } });
		const promptId = layout.prompts[(n + t) % layout.prompts.length]!;
		out.push({ event: 'card:submit', payload: { clientId: randomUUID(), stationId: station.id, promptId, text: `Karte ${n}-${t}: Aushang im Stadtteil` } });
	}
	if (feedback) out.push({ event: 'feedback:submit', payload: { clientId: randomUUID(), text: n % 2 ? 'spannend' : 'gut organisiert' } });
	return out;
}

/**
 * What the database holds against what the phones were told was saved: every acknowledged
 * submission exactly once, nothing that was never acknowledged, and each person's last answer.
 */
export function storedAgainstAcked(databaseFile: string, phones: { publicId: string; acked: Submission[] }[]): string[] {
	const db = new Database(databaseFile, { readonly: true });
	const problems: string[] = [];
	try {
		const acked = phones.flatMap((p) => p.acked);
		const ids = (event: Submission['event']) => acked.filter((s) => s.event === event).map((s) => s.payload.clientId);
		const compare = (what: string, expected: string[], stored: string[]) => {
			const storedSet = new Set(stored);
			const expectedSet = new Set(expected);
			if (storedSet.size !== stored.length) problems.push(`${what}: duplicate rows`);
			const missing = expected.filter((id) => !storedSet.has(id));
			const extra = stored.filter((id) => !expectedSet.has(id));
			if (missing.length) problems.push(`${what}: ${missing.length} acknowledged but not stored`);
			if (extra.length) problems.push(`${what}: ${extra.length} stored but never acknowledged`);
		};
		compare('votes', ids('vote:cast'), db.prepare('select client_id from vote_submission').pluck().all() as string[]);
		compare('cards', ids('card:submit'), db.prepare('select client_id from card').pluck().all() as string[]);
		compare('feedback', ids('feedback:submit'), db.prepare('select client_id from feedback').pluck().all() as string[]);

		const last = new Map<string, string>();
		for (const phone of phones) {
			for (const s of phone.acked) if (s.event === 'vote:cast') last.set(`${phone.publicId}:${s.payload.offerId}`, s.payload.answer);
		}
		const current = db.prepare('select p.public_id as person, v.offer_id as offerId, v.answer from vote v join participant p on p.id = v.participant_id').all() as {
			person: string;
			offerId: number;
			answer: string;
		}[];
		if (current.length !== last.size) problems.push(`votes: ${current.length} current answers, ${last.size} expected`);
		const wrong = current.filter((v) => last.get(`${v.person}:${v.offerId}`) !== v.answer);
		if (wrong.length) problems.push(`votes: ${wrong.length} current answers are not the last acknowledged one`);
		const integrity = db.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
	} finally {
		db.close();
	}
	return problems;
}

/** Opens the feedback of the demo event as the first organiser would, from the control surface. */
export async function openFeedback(url: string, password: string, eventId: number) {
	const { io } = await import('socket.io-client');
	const response = await fetch(`${url}/anmelden`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'admin@dialograum.local', password })
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('dialograum_session='))?.split(';')[0];
	if (!cookie) throw new Error(`sign-in failed: HTTP ${response.status}`);
	const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie } });
	try {
		const ack = await socket.timeout(5000).emitWithAck('phases:set', { eventId, feedbackOpen: true });
		if (!ack.ok) throw new Error(`phases:set refused: ${JSON.stringify(ack.error)}`);
	} finally {
		socket.disconnect();
	}
}
