import type { Bus, DomainEvents } from '../bus';
import type { Db } from '../db/connection';
import { createWriteGate, type WriteGate } from '../db/write-gate';

export type WriteDeps = { db: Db; bus: Bus };
type Job = { write: (deps: WriteDeps) => unknown; resolve(value: unknown): void; reject(error: unknown): void };
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };
type Published = { [K in keyof DomainEvents]: [K, DomainEvents[K]] }[keyof DomainEvents];

/** A bound on one transaction, so a huge burst is acknowledged in slices rather than all at the end. */
const MAX_GROUP = 200;

/** What the group commit needs of the connection: better-sqlite3's transaction (nested calls become savepoints). */
export type Transactional = { transaction<A extends unknown[], T>(fn: (...args: A) => T): (...args: A) => T };

/**
 * Group commit. Submissions that arrive in the same turn of the event loop are written in one
 * SQLite transaction, each in its own savepoint (the contexts' own transactions nest), so a
 * refused one changes nothing and the others still count. One commit instead of one per submission:
 * under load the commit is the biggest single cost of a vote.
 *
 * While the checkpointer holds the `gate` (a few milliseconds, now and then), groups wait in the queue.
 *
 * Nothing is promised early: every result is handed back, and every domain event published, only
 * after the whole transaction committed. When the commit fails, every submission of the group fails
 * and no event is published, so the phones keep them and send them again.
 */
export function createGroupCommit(sqlite: Transactional, deps: WriteDeps, gate: WriteGate = createWriteGate()) {
	const queue: Job[] = [];
	let scheduled = false;
	// Built once: better-sqlite3 builds a new wrapper (and its statements) per transaction() call.
	const inTransaction = sqlite.transaction((write: () => void) => write());
	// After the I/O phase: everything read from the sockets in this turn joins the group.
	const schedule = () => setImmediate(() => gate.whenOpen(flush));

	function flush() {
		const jobs = queue.splice(0, MAX_GROUP);
		scheduled = queue.length > 0;
		if (scheduled) schedule();
		const published: Published[] = [];
		const bus: Bus = {
			publish: (name, payload) => void published.push([name, payload] as Published),
			subscribe: deps.bus.subscribe
		};
		const outcomes: Outcome[] = [];
		try {
			inTransaction(() => {
				for (const job of jobs) {
					try {
						outcomes.push({ ok: true, value: job.write({ db: deps.db, bus }) });
					} catch (error) {
						outcomes.push({ ok: false, error });
					}
				}
			});
		} catch (error) {
			for (const job of jobs) job.reject(error);
			return;
		}
		for (const [name, payload] of published) deps.bus.publish(name, payload as never);
		jobs.forEach((job, i) => {
			const outcome = outcomes[i]!;
			if (outcome.ok) job.resolve(outcome.value);
			else job.reject(outcome.error);
		});
	}

	return {
		/** Runs `write` in the next group; resolves once its transaction committed. */
		run<T>(write: (deps: WriteDeps) => T): Promise<T> {
			return new Promise<T>((resolve, reject) => {
				queue.push({ write, resolve: resolve as (value: unknown) => void, reject });
				if (!scheduled) {
					scheduled = true;
					schedule();
				}
			});
		}
	};
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
