import { afterEach, describe, expect, it } from 'vitest';
import { CARD_MAX_LENGTH } from '$lib/realtime/contract';
import { fillDemo, LONG_CARD } from '$lib/server/demo/fill-demo';
import { loadDemoIfEmpty } from '$lib/server/demo/load-demo';
import { startTestRuntime } from '../support/test-runtime';

const runtimes: ReturnType<typeof startTestRuntime>[] = [];
afterEach(() => runtimes.splice(0).forEach((r) => r.close()));

function demo() {
	const runtime = startTestRuntime();
	runtimes.push(runtime);
	loadDemoIfEmpty(runtime.db);
	return runtime;
}

/** What a fill left in the database, without ids and times. */
function contents(runtime: ReturnType<typeof demo>) {
	const all = (sql: string) => runtime.sqlite.prepare(sql).all();
	return {
		votes: all(`select o.title, v.answer from vote v join offer o on o.id = v.offer_id order by v.id`),
		cards: all(`select s.position, c.prompt_id, c.text, c.status from card c join station s on s.id = c.station_id order by c.id`),
		feedback: all(`select text, status from feedback order by id`),
		participants: (runtime.sqlite.prepare('select count(*) as n from participant').get() as { n: number }).n
	};
}

describe('fillDemo', () => {
	it('fills the demo event like a day of World-Café: 88 people, about 60 cards, 91 feedback words', () => {
		const runtime = demo();
		const filled = fillDemo(runtime, { seed: 1 });
		const { votes, cards, feedback, participants } = contents(runtime);

		expect(filled).toMatchObject({ participants: 88, cards: 60, feedback: 91 });
		expect(participants).toBe(88);
		expect(votes.length).toBe(filled.votes);
		expect(votes.length).toBeGreaterThan(800);
		expect(cards).toHaveLength(60);
		expect(feedback).toHaveLength(91);
		expect(new Set((cards as { prompt_id: number }[]).map((c) => c.prompt_id)).size).toBe(2);
		expect(new Set((cards as { position: number }[]).map((c) => c.position)).size).toBeGreaterThan(8);
		const texts = (cards as { text: string }[]).map((c) => c.text);
		expect(texts).toContain('<script>alert(1)</script>');
		expect(texts).toContain(LONG_CARD);
		expect(LONG_CARD).toHaveLength(CARD_MAX_LENGTH);
		expect(texts.some((t) => /[äöüÄÖÜß]/.test(t))).toBe(true);
		const words = (feedback as { text: string }[]).map((f) => f.text);
		expect(words.filter((w) => w === 'informativ').length).toBeGreaterThan(5);
		expect(runtime.sqlite.prepare('select world_cafe_open as w, feedback_open as f from event').get()).toEqual({ w: 1, f: 1 });
	});

	it('gives realistic mixes: some offers are known by most, others by few', () => {
		const runtime = demo();
		fillDemo(runtime, { seed: 1 });
		const shares = runtime.sqlite
			.prepare(`select o.title, avg(v.answer = 'yes') as yes, count(*) as n from vote v join offer o on o.id = v.offer_id group by o.id`)
			.all() as { title: string; yes: number; n: number }[];
		expect(shares).toHaveLength(36);
		expect(shares.find((s) => s.title === 'Bürgergeld')!.yes).toBeGreaterThan(0.75);
		expect(shares.find((s) => s.title === 'KomMonitor')!.yes).toBeLessThan(0.3);
		expect(Math.min(...shares.map((s) => s.n))).toBeGreaterThan(10);
	});

	it('is deterministic for a seed, and filling twice with one seed adds nothing', () => {
		const [a, b, c] = [demo(), demo(), demo()];
		const small = { participants: 20, feedback: 12 };
		fillDemo(a, { ...small, seed: 42 });
		fillDemo(b, { ...small, seed: 42 });
		fillDemo(c, { ...small, seed: 43 });
		expect(contents(b)).toEqual(contents(a));
		expect(contents(c)).not.toEqual(contents(a));

		fillDemo(a, { ...small, seed: 42 });
		expect(contents(a)).toEqual(contents(b));
	});

	it('takes other sizes', () => {
		const runtime = demo();
		expect(fillDemo(runtime, { participants: 5, feedback: 3, seed: 2 })).toMatchObject({ participants: 5, feedback: 3 });
		expect(contents(runtime)).toMatchObject({ participants: 5 });
	});
});
