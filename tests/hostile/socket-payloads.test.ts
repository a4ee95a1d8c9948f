import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_EVENTS } from '$lib/realtime/contract';
import { setPhases } from '$lib/server/events/phases';
import { tableCounts } from '../support/counts';
import { startTestServer, type TestClient, type TestServer } from '../support/test-server';
import { secondEvent } from './second-event';

let server: TestServer;
let phone: TestClient;
let other: ReturnType<typeof secondEvent>;
let ids: { offerId: number; stationId: number; promptId: number; ownCard: string; othersCard: string };

beforeAll(async () => {
	server = await startTestServer();
	setPhases(server.runtime, server.demo.id, { feedbackOpen: true });
	other = secondEvent(server);
	const first = (sql: string) => (server.sqlite.prepare(sql).get(server.demo.id) as { id: number }).id;
	const stationId = first('select id from station where event_id = ? order by position limit 1');
	const promptId = first('select id from prompt where event_id = ? order by position limit 1');
	ids = { offerId: server.demo.offers[0]!.id, stationId, promptId, ownCard: randomUUID(), othersCard: randomUUID() };
	phone = await server.participant();
	const neighbour = await server.participant();
	await phone.emitWithAck('card:submit', { clientId: ids.ownCard, stationId, promptId, text: 'Meine Karte' });
	await neighbour.emitWithAck('card:submit', { clientId: ids.othersCard, stationId, promptId, text: 'Nicht meine Karte' });
});
afterAll(() => server.close());

const deep = (depth: number): unknown => (depth === 0 ? 'x' : { a: deep(depth - 1) });
const json = (text: string) => JSON.parse(text) as unknown;
const GERMAN = /\b(Bitte|nicht|ungültig|gibt es|Sie|Der|Die|Das|Diese)\b|[äöüß]/;

/** Valid control requests: refused for who sends them, not for what they contain. */
const controlPayloads = (eventId: number): Record<(typeof CONTROL_EVENTS)[number], unknown> => ({
	'control:join': { eventId },
	'display:show': { eventId, screen: 'board' },
	'display:results': { eventId, visible: false },
	'countdown:start': { eventId },
	'countdown:pause': { eventId },
	'countdown:reset': { eventId },
	'phases:set': { eventId, worldCafeOpen: false },
	'entry:moderate': { eventId, kind: 'card', id: 1, status: 'hidden' }
});

/** [what, event, payload, expected error code] */
const corpus = (): [string, string, unknown, string][] => {
	const vote = { clientId: randomUUID(), offerId: ids.offerId, answer: 'yes' };
	const card = { clientId: randomUUID(), stationId: ids.stationId, promptId: ids.promptId, text: 'Aushang' };
	return [
		['a number instead of an object', 'vote:cast', 42, 'invalid'],
		['null', 'vote:cast', null, 'invalid'],
		['an array', 'vote:cast', [vote], 'invalid'],
		['an empty object', 'vote:cast', {}, 'invalid'],
		['fields of the wrong type', 'vote:cast', { clientId: 1, offerId: 'eins', answer: true }, 'invalid'],
		['a negative offer id', 'vote:cast', { ...vote, offerId: -1 }, 'invalid'],
		['a fractional offer id', 'vote:cast', { ...vote, offerId: 1.5 }, 'invalid'],
		['an offer id beyond safe integers', 'vote:cast', { ...vote, offerId: 2 ** 60 }, 'invalid'],
		['an unknown offer', 'vote:cast', { ...vote, offerId: 2 ** 31 }, 'not-found'],
		['an offer of another event', 'vote:cast', { ...vote, offerId: other.offerId }, 'not-found'],
		['a 30,000-character answer', 'vote:cast', { ...vote, answer: 'x'.repeat(30_000) }, 'invalid'],
		['an object nested 2,000 deep', 'vote:cast', { ...vote, answer: deep(2000) }, 'invalid'],
		['a __proto__ key', 'vote:cast', json(`{"__proto__": {"polluted": true}, "clientId": "${randomUUID()}", "offerId": ${ids.offerId}, "answer": "yes"}`), 'invalid'],
		['a constructor key', 'vote:cast', { ...vote, constructor: { prototype: { polluted: true } } }, 'invalid'],
		['a card for a station of another event', 'card:submit', { ...card, stationId: other.stationId }, 'not-found'],
		['a card for a prompt of another event', 'card:submit', { ...card, promptId: other.promptId }, 'not-found'],
		['a card with a lone surrogate', 'card:submit', { ...card, text: 'Herz \ud83d' }, 'invalid'],
		['a card of 5,000 characters', 'card:submit', { ...card, text: 'ä'.repeat(5000) }, 'invalid'],
		['a card with a NUL character', 'card:submit', { ...card, text: 'a\u0000b' }, 'invalid'],
		["correcting someone else's card", 'card:edit', { cardId: ids.othersCard, text: 'übernommen' }, 'not-found'],
		["withdrawing someone else's card", 'card:withdraw', { cardId: ids.othersCard }, 'not-found'],
		["reusing someone else's card id", 'card:submit', { ...card, clientId: ids.othersCard }, 'invalid'],
		['a correction with a lone surrogate', 'card:edit', { cardId: ids.ownCard, text: '\udc00' }, 'invalid'],
		['feedback as an object', 'feedback:submit', { clientId: randomUUID(), text: { toString: 'gut' } }, 'invalid'],
		['feedback with a lone surrogate', 'feedback:submit', { clientId: randomUUID(), text: 'gut\ud800' }, 'invalid'],
		['a join with an SQL fragment as code', 'participant:join', { code: "DEMO' OR 1=1 --", participantId: randomUUID() }, 'invalid'],
		['a join with a 1,000-character code', 'participant:join', { code: 'A'.repeat(1000), participantId: randomUUID() }, 'invalid'],
		['a join with a device id that is no UUID', 'participant:join', { code: 'DEMO', participantId: '../../etc/passwd' }, 'invalid'],
		['the projector with a forged token', 'projector:join', { token: 'A'.repeat(24) }, 'forbidden'],
		['the projector of an event by id, unauthenticated', 'projector:join', { eventId: other.id }, 'forbidden'],
		...CONTROL_EVENTS.map((name): [string, string, unknown, string] => [`${name} from a phone`, name, controlPayloads(other.id)[name], 'forbidden'])
	];
};

describe('bad socket payloads', () => {
	it('each is refused with a clear German message, changes nothing, and the server keeps going', async () => {
		const before = tableCounts(server.sqlite);
		const card = server.sqlite.prepare('select * from card order by id').all();
		const answers: [string, unknown][] = [];
		for (const [what, event, payload, code] of corpus()) {
			const ack = (await phone.timeout(5000).emitWithAck(event as 'vote:cast', payload as never)) as { ok: boolean; error?: { code: string; message: string } };
			answers.push([what, ack]);
			expect(ack, what).toMatchObject({ ok: false, error: { code } });
			expect(ack.error!.message, what).toMatch(GERMAN);
			expect(ack.error!.message, what).not.toMatch(/^(Invalid|Expected|TypeError|Error)/);
		}
		expect(tableCounts(server.sqlite)).toEqual(before);
		expect(server.sqlite.prepare('select * from card order by id').all()).toEqual(card);
		// Nothing reached Object.prototype of the server (it runs in this process).
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();

		const vote = await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: ids.offerId, answer: 'yes' });
		expect(vote.ok).toBe(true);
	}, 60_000);

	it('an event nobody listens for, or a message without acknowledgement, is ignored', async () => {
		const before = tableCounts(server.sqlite);
		(phone as unknown as { emit(...args: unknown[]): void }).emit('admin:drop-tables', { all: true });
		(phone as unknown as { emit(...args: unknown[]): void }).emit('vote:cast', { clientId: randomUUID(), offerId: ids.offerId, answer: 'no' });
		const unanswered = await phone
			.timeout(500)
			.emitWithAck('admin:drop-tables' as 'vote:cast', {} as never)
			.then(
				() => 'answered',
				() => 'no answer'
			);
		expect(unanswered).toBe('no answer');
		expect(tableCounts(server.sqlite)).toEqual(before);
		expect((await phone.emitWithAck('vote:cast', { clientId: randomUUID(), offerId: ids.offerId, answer: 'no' })).ok).toBe(true);
	});
});
