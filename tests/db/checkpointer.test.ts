import Database from 'better-sqlite3';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCheckpointer } from '$lib/server/db/checkpointer';
import { createBus } from '$lib/server/bus';
import { openDatabase, type Connection } from '$lib/server/db/connection';
import { createWriteGate, type WriteGate } from '$lib/server/db/write-gate';
import { createGroupCommit } from '$lib/server/realtime/group-commit';
import { bundleWorker } from '../support/bundle-worker';
import { tempDir } from '../support/temp-dir';

const MIGRATIONS = 'drizzle';
let worker: Awaited<ReturnType<typeof bundleWorker>>;

beforeAll(async () => {
	worker = await bundleWorker('src/lib/server/db/checkpoint.worker.ts', 'checkpoint');
});
afterAll(() => worker.remove());

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes about `mb` megabytes in small transactions, as a busy World-Café does. */
function write(sqlite: Database.Database, mb: number) {
	const insert = sqlite.prepare('INSERT INTO filler (text) VALUES (?)');
	const row = 'x'.repeat(1000);
	const batch = sqlite.transaction(() => {
		for (let i = 0; i < 50; i++) insert.run(row);
	});
	for (let i = 0; i < mb * 20; i++) batch();
}

async function until(check: () => boolean, what: string) {
	for (let waited = 0; waited < 5000; waited += 50) {
		if (check()) return;
		await pause(50);
	}
	throw new Error(`timed out waiting until ${what}`);
}

type Limits = Parameters<typeof startCheckpointer>[4];
type Use = (sqlite: Database.Database, path: string, connection: Connection & { gate: WriteGate }) => Promise<void> | void;

/** A migrated database with a filler table, its checkpointer started with `workerFile`. */
async function withDatabase(workerFile: string | undefined, use: Use, limits?: Limits) {
	const dir = tempDir();
	const connection = openDatabase(dir.file('test.db'), MIGRATIONS);
	const { sqlite, path } = connection;
	sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
	const gate = createWriteGate();
	const checkpointer = startCheckpointer(sqlite, path, gate, workerFile, limits);
	try {
		await use(sqlite, path, { ...connection, gate });
	} finally {
		checkpointer.stop();
		sqlite.close();
		dir.remove();
	}
}

describe('WAL checkpoints in a worker thread', () => {
	it('copies the log into the database while the main connection does not checkpoint at all', () =>
		withDatabase(worker.file, async (sqlite, path) => {
			expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
			const before = sizeOf(path);
			write(sqlite, 4);
			// The main connection would have checkpointed at 1,000 pages (4 MB); now the worker does.
			await until(() => sizeOf(path) > before + 4 * 1024 * 1024, 'the rows reach the database file');
			const reader = new Database(path, { readonly: true });
			expect(reader.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 4 * 20 * 50 });
			reader.close();
		}));

	it('lets the log start over after each burst, so its file does not keep growing', () =>
		withDatabase(
			worker.file,
			async (sqlite, path) => {
				const logSizes: number[] = [];
				for (let burst = 0; burst < 4; burst++) {
					write(sqlite, 2);
					logSizes.push(sizeOf(`${path}-wal`));
					await pause(500);
				}
				// Each burst writes 2 MB of log; had the log not started over it would hold 8 MB by now.
				expect(Math.max(...logSizes)).toBeLessThan(4 * 1024 * 1024);
				expect(logSizes.at(-1)).toBeGreaterThan(0);
			},
			{ presizedLogBytes: 0 }
		));

	it('starts the log over while writes never pause, holding the group commit only for moments', () =>
		withDatabase(
			worker.file,
			async (sqlite, path, { db, gate }) => {
				const writes = createGroupCommit(sqlite, { db, bus: createBus() }, gate);
				const insert = sqlite.prepare('INSERT INTO filler (text) VALUES (?)');
				const row = 'x'.repeat(1000);
				const logSizes: number[] = [];
				let held = 0;
				const hold = gate.hold;
				gate.hold = () => (held++, hold());
				let written = 0;
				// Two seconds of two submissions every millisecond or so, without a pause.
				for (const started = Date.now(); Date.now() - started < 2000; ) {
					await Promise.all(Array.from({ length: 2 }, () => writes.run(() => insert.run(row))));
					written += 2;
					logSizes.push(sizeOf(`${path}-wal`));
					await pause(1);
				}
				// Restarts are asked for at 128 pages (512 KB). Without them the log would hold every
				// row written (about 3 MB); with them it never holds all of them at once.
				expect(held).toBeGreaterThan(0);
				expect(Math.max(...logSizes)).toBeLessThan(written * row.length);
				expect(sqlite.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: written });
				expect(gate.held).toBe(false);
			},
			{ restartAtPages: 128, handOverAtPages: 1_000_000, presizedLogBytes: 0 }
		));

	it('leaves checkpoints to SQLite when there is no worker file (running from source)', () =>
		withDatabase(undefined, (sqlite) => {
			expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
		}));

	it('hands checkpoints back to the main connection when the worker fails', async () => {
		const broken = tempDir();
		writeFileSync(broken.file('broken-worker.js'), 'throw new Error("kaputt");');
		const errors: unknown[] = [];
		const original = console.error;
		console.error = (...args: unknown[]) => void errors.push(args);
		try {
			await withDatabase(broken.file('broken-worker.js'), async (sqlite) => {
				await until(() => sqlite.pragma('wal_autocheckpoint', { simple: true }) === 1000, 'the main connection checkpoints again');
				expect(errors.length).toBeGreaterThan(0);
			});
		} finally {
			console.error = original;
			broken.remove();
		}
	});
});
