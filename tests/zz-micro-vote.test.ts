import { randomUUID } from 'node:crypto';
import { it } from 'vitest';
import { castVote } from '$lib/server/voting/voting';
import { enterEvent } from '$lib/server/participants/participants';
import { startTestRuntime } from './support/test-runtime';
import { loadDemoIfEmpty } from '$lib/server/demo/load-demo';
import { demoEvent } from './support/demo';

const time = (label: string, n: number, fn: (i: number) => void) => {
	const t0 = performance.now();
	for (let i = 0; i < n; i++) fn(i);
	console.log(`${label}: ${(((performance.now() - t0) * 1000) / n).toFixed(1)} µs`);
};

it('micro', () => {
	const rt = startTestRuntime();
	loadDemoIfEmpty(rt.db);
	const demo = demoEvent(rt.db);
	const people = Array.from({ length: 1000 }, () => enterEvent(rt, demo.id, randomUUID()));
	const vote = (i: number) => castVote(rt, { eventId: demo.id, participantId: people[i % 1000]!, clientId: randomUUID(), offerId: demo.offers[i % demo.offers.length]!.id, answer: i % 3 ? 'yes' : 'no' });
	for (let round = 0; round < 3; round++) {
		time('castVote single', 4000, vote);
		for (const batch of [4, 16]) {
			time(`castVote batch ${batch} (per vote)`, 4000 / batch, (j) => rt.sqlite.transaction(() => { for (let k = 0; k < batch; k++) vote(j * batch + k); })());
		}
	}
	rt.close();
}, 120_000);
