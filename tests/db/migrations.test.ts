import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { configFromEnv } from '$lib/server/config';
import { DatabaseStartError, openDatabase } from '$lib/server/db/connection';
import { createRuntime } from '$lib/server/runtime';
import { tempDir } from '../support/temp-dir';

const migrations = configFromEnv().migrationsFolder;
type Journal = { entries: { idx: number; tag: string }[] };
const journal: Journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8'));

let dir: ReturnType<typeof tempDir>;
afterEach(() => dir.remove());

/** A migrations folder holding only the first `count` migrations, as an older release shipped them. */
function olderMigrationSet(count: number): string {
	const folder = dir.file(`migrations-${count}`);
	mkdirSync(join(folder, 'meta'), { recursive: true });
	const entries = journal.entries.slice(0, count);
	for (const e of entries) cpSync(join(migrations, `${e.tag}.sql`), join(folder, `${e.tag}.sql`));
	writeFileSync(join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries }));
	return folder;
}

describe('start-up migrations', () => {
	it('a fresh database starts with the demo loaded, in WAL mode with foreign keys on', () => {
		dir = tempDir();
		const runtime = createRuntime({ ...configFromEnv(), databaseUrl: dir.file('fresh.db') });
		expect(runtime.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
		expect(runtime.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
		expect(runtime.sqlite.prepare('select count(*) n from station').get()).toEqual({ n: 13 });
		expect(runtime.sqlite.prepare("select join_code from event").all()).toEqual([{ join_code: 'DEMO' }]);
		runtime.close();
	});

	it.each(journal.entries.map((e) => [e.tag, e.idx + 1] as const))(
		'a database made by the migration set up to %s starts and keeps its data',
		(_, count) => {
			dir = tempDir();
			const file = dir.file('older.db');
			const older = openDatabase(file, olderMigrationSet(count - 1));
			older.sqlite.close();

			const runtime = createRuntime({ ...configFromEnv(), databaseUrl: file });
			const applied = runtime.sqlite.prepare('select count(*) n from __drizzle_migrations').get();
			expect(applied).toEqual({ n: journal.entries.length });
			runtime.close();

			// Starting again applies nothing and keeps the demo once.
			const again = createRuntime({ ...configFromEnv(), databaseUrl: file });
			expect(again.sqlite.prepare('select count(*) n from event').get()).toEqual({ n: 1 });
			again.close();
		}
	);

	it('fails with a clear German message when the file cannot be opened', () => {
		dir = tempDir();
		writeFileSync(dir.file('not-a-folder'), 'x');
		const open = () => openDatabase(join(dir.file('not-a-folder'), 'db.sqlite'), migrations);
		expect(open).toThrow(DatabaseStartError);
		expect(open).toThrow(/kann nicht geöffnet werden.*DATABASE_URL/);
	});

	it('fails with a clear message when the file is not a database', () => {
		dir = tempDir();
		writeFileSync(dir.file('junk.db'), 'this is not sqlite '.repeat(100));
		expect(() => openDatabase(dir.file('junk.db'), migrations)).toThrow(/junk\.db.*(kann nicht geöffnet|nicht auf den aktuellen Stand)/);
	});
});
