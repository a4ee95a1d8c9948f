import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '$lib/server/errors';
import { loadDemoIfEmpty } from '$lib/server/demo/load-demo';
import { enterEvent } from '$lib/server/participants/participants';
import { createWriteGate } from '$lib/server/db/write-gate';
import { createGroupCommit } from '$lib/server/realtime/group-commit';
import { castVote } from '$lib/server/voting/voting';
import { tableCounts } from '../support/counts';
import { demoEvent } from '../support/demo';
import { startTestRuntime } from '../support/test-runtime';
import { startTestServer, type TestServer } from '../support/test-server';

describe('group commit', () => {
	let runtime: ReturnType<typeof startTestRuntime>;
	let reader: Database.Database;
	beforeEach(() => {
		runtime = startTestRuntime();
		loadDemoIfEmpty(runtime.db);
		reader = new Database(runtime.sqlite.name, { readonly: true });
	});
	afterEach(() => {
		reader.close();
		runtime.close();
	});

	const storedVotes = () => reader.prepare('select count(*) as n from vote_submission').get() as { n: number };

	it('writes what arrives together in one transaction and answers only after its commit', async () => {
		const demo = demoEvent(runtime.db);
		const writes = createGroupCommit(runtime.sqlite, runtime);
		const people = Array.from({ length: 20 }, () => enterEvent(runtime, demo.id, randomUUID()));
		const published: number[] = [];
		runtime.bus.subscribe('voteCast', () => published.push(storedVotes().n));

		const results = await Promise.all(
			people.map((participantId, i) =>
				writes.run((deps) => castVote(deps, { eventId: demo.id, participantId, clientId: randomUUID(), offerId: demo.offers[i % 3]!.id, answer: 'yes' })).then(
					(vote) => ({ vote, committed: storedVotes().n })
				)
			)
		);

		// Another connection sees all twenty as soon as the first answer is given: one commit for all.
		expect(results.map((r) => r.committed)).toEqual(Array(20).fill(20));
		// Domain events, too, only after the commit.
		expect(published).toEqual(Array(20).fill(20));
	});

	it('a refused submission changes nothing; the others of its group are stored', async () => {
		const demo = demoEvent(runtime.db);
		const writes = createGroupCommit(runtime.sqlite, runtime);
		const participantId = enterEvent(runtime, demo.id, randomUUID());
		const vote = (offerId: number) => writes.run((deps) => castVote(deps, { eventId: demo.id, participantId, clientId: randomUUID(), offerId, answer: 'no' }));

		const outcomes = await Promise.allSettled([vote(demo.offers[0]!.id), vote(99_999), vote(demo.offers[1]!.id)]);

		expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
		expect(tableCounts(runtime.sqlite)).toMatchObject({ vote: 2, vote_submission: 2 });
	});

	it('while the checkpointer holds the gate, submissions wait; once released they are committed', async () => {
		const demo = demoEvent(runtime.db);
		const gate = createWriteGate();
		const writes = createGroupCommit(runtime.sqlite, runtime, gate);
		const participantId = enterEvent(runtime, demo.id, randomUUID());
		gate.hold();
		let answered = 0;
		const votes = demo.offers.slice(0, 3).map((o) =>
			writes.run((deps) => castVote(deps, { eventId: demo.id, participantId, clientId: randomUUID(), offerId: o.id, answer: 'yes' })).then(() => answered++)
		);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect({ answered, stored: storedVotes().n }).toEqual({ answered: 0, stored: 0 });

		gate.release();
		await Promise.all(votes);
		expect({ answered, stored: storedVotes().n }).toEqual({ answered: 3, stored: 3 });
	});

	it('when the commit fails, every submission of the group fails and nothing is published', async () => {
		const demo = demoEvent(runtime.db);
		const failing = {
			transaction:
				<A extends unknown[], T>(fn: (...args: A) => T) =>
				(...args: A) =>
					runtime.sqlite.transaction(() => {
						fn(...args);
						throw new Error('disk I/O error');
					})() as T
		};
		const writes = createGroupCommit(failing, runtime);
		const participantId = enterEvent(runtime, demo.id, randomUUID());
		let published = 0;
		runtime.bus.subscribe('voteCast', () => published++);

		const outcomes = await Promise.allSettled(
			demo.offers.slice(0, 3).map((o) => writes.run((deps) => castVote(deps, { eventId: demo.id, participantId, clientId: randomUUID(), offerId: o.id, answer: 'yes' })))
		);

		expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
		expect(published).toBe(0);
		expect(tableCounts(runtime.sqlite)).toMatchObject({ vote: 0, vote_submission: 0 });
	});
});

describe('acknowledgements under a burst', () => {
	let server: TestServer;
	beforeEach(async () => (server = await startTestServer()));
	afterEach(() => server.close());

	it('every phone’s ack arrives only once its vote is visible to another connection', async () => {
		const phones = await Promise.all(Array.from({ length: 50 }, () => server.participant()));
		const reader = new Database(server.sqlite.name, { readonly: true });
		const isStored = reader.prepare('select 1 from vote_submission where client_id = ?');

		const seenAtAck = await Promise.all(
			phones.map(async (phone, i) => {
				const clientId = randomUUID();
				const ack = await phone.emitWithAck('vote:cast', { clientId, offerId: server.demo.offers[i % 5]!.id, answer: 'yes' });
				return ack.ok && isStored.get(clientId) !== undefined;
			})
		);
		reader.close();

		expect(seenAtAck).toEqual(Array(50).fill(true));
	});
});
