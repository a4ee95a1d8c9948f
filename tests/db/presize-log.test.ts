import Database from 'better-sqlite3';
import { copyFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { presizeLog } from '$lib/server/db/presize-log';
import { tempDir } from '../support/temp-dir';

const MB = 1024 * 1024;

type LogOnly = { sqlite: Database.Database; log: string; add(rows: number): void; crashImage(): Database.Database };

/**
 * A migrated database that never checkpoints, so every committed row lives only in its log.
 * `crashImage()` opens what a kill -9 would leave: the files as they are, copied while still open.
 */
function withLogOnlyDatabase(use: (db: LogOnly) => void) {
	const dir = tempDir();
	const file = dir.file('test.db');
	const { sqlite } = openDatabase(file, 'drizzle');
	const images: Database.Database[] = [];
	try {
		sqlite.pragma('wal_autocheckpoint = 0');
		sqlite.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
		const insert = sqlite.prepare('INSERT INTO note (text) VALUES (?)');
		use({
			sqlite,
			log: `${file}-wal`,
			add: (rows) => sqlite.transaction(() => Array.from({ length: rows }, (_, i) => insert.run(`Karte ${i}`)))(),
			crashImage: () => {
				const copy = dir.file(`after-crash-${images.length}.db`);
				for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
				images.push(new Database(copy));
				return images.at(-1)!;
			}
		});
	} finally {
		images.forEach((image) => image.close());
		sqlite.close();
		dir.remove();
	}
}

const countNotes = (db: Database.Database) => db.prepare('SELECT count(*) AS n FROM note').get();

describe('the write-ahead log given its working size at start-up', () => {
	it('grows the log file to the size asked for', () =>
		withLogOnlyDatabase(({ sqlite, log, add }) => {
			add(10);
			presizeLog(sqlite, log, 2 * MB);
			expect(statSync(log).size).toBe(2 * MB);
		}));

	it('keeps every committed row, before and after, through a crash', () =>
		withLogOnlyDatabase(({ sqlite, log, add, crashImage }) => {
			add(100);
			presizeLog(sqlite, log, 2 * MB);
			add(250);
			const reopened = crashImage();
			expect(countNotes(reopened)).toEqual({ n: 350 });
			expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
		}));

	it('works on an empty log file, whose header is then zeros too', () =>
		withLogOnlyDatabase(({ sqlite, log, add, crashImage }) => {
			add(5);
			sqlite.pragma('wal_checkpoint(TRUNCATE)');
			expect(statSync(log).size).toBe(0);
			presizeLog(sqlite, log, 2 * MB);
			add(40);
			expect(countNotes(crashImage())).toEqual({ n: 45 });
		}));

	it('writes nothing while another connection is in the middle of a write', () =>
		withLogOnlyDatabase(({ sqlite, log, add }) => {
			add(5);
			sqlite.pragma('busy_timeout = 0');
			const before = statSync(log).size;
			const other = new Database(sqlite.name, { timeout: 0 });
			try {
				other.exec('BEGIN IMMEDIATE');
				expect(() => presizeLog(sqlite, log, 2 * MB)).toThrow(/locked|busy/i);
				other.exec('ROLLBACK');
			} finally {
				other.close();
			}
			expect(statSync(log).size).toBe(before);
		}));
});
