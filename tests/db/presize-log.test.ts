import Database from 'better-sqlite3';
import { copyFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '$lib/server/db/connection';
import { presizeLog } from '$lib/server/db/presize-log';
import { tempDir } from '../support/temp-dir';

const MB = 1024 * 1024;

/** A migrated database that never checkpoints, so every committed row lives only in its log. */
function logOnlyDatabase(file: string) {
	const { sqlite } = openDatabase(file, 'drizzle');
	sqlite.pragma('wal_autocheckpoint = 0');
	sqlite.exec('CREATE TABLE note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
	const insert = sqlite.prepare('INSERT INTO note (text) VALUES (?)');
	return { sqlite, add: (n: number) => sqlite.transaction(() => Array.from({ length: n }, (_, i) => insert.run(`Karte ${i}`)))() };
}

/** What a kill -9 leaves behind: the files as they are, copied while the connection is still open. */
function crashImage(dir: ReturnType<typeof tempDir>, file: string): Database.Database {
	const copy = dir.file('after-crash.db');
	for (const suffix of ['', '-wal', '-shm']) copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
	return new Database(copy);
}

describe('the write-ahead log given its working size at start-up', () => {
	it('grows the log file to the size asked for', () => {
		const dir = tempDir();
		const file = dir.file('test.db');
		const { sqlite, add } = logOnlyDatabase(file);
		try {
			add(10);
			presizeLog(sqlite, `${file}-wal`, 2 * MB);
			expect(statSync(`${file}-wal`).size).toBe(2 * MB);
		} finally {
			sqlite.close();
			dir.remove();
		}
	});

	it('keeps every committed row, before and after, through a crash', () => {
		const dir = tempDir();
		const file = dir.file('test.db');
		const { sqlite, add } = logOnlyDatabase(file);
		try {
			add(100);
			presizeLog(sqlite, `${file}-wal`, 2 * MB);
			add(250);
			const reopened = crashImage(dir, file);
			expect(reopened.prepare('SELECT count(*) AS n FROM note').get()).toEqual({ n: 350 });
			expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
			reopened.close();
		} finally {
			sqlite.close();
			dir.remove();
		}
	});

	it('works on an empty log file, whose header is then zeros too', () => {
		const dir = tempDir();
		const file = dir.file('test.db');
		const { sqlite, add } = logOnlyDatabase(file);
		try {
			add(5);
			sqlite.pragma('wal_checkpoint(TRUNCATE)');
			expect(statSync(`${file}-wal`).size).toBe(0);
			presizeLog(sqlite, `${file}-wal`, 2 * MB);
			add(40);
			const reopened = crashImage(dir, file);
			expect(reopened.prepare('SELECT count(*) AS n FROM note').get()).toEqual({ n: 45 });
			reopened.close();
		} finally {
			sqlite.close();
			dir.remove();
		}
	});

	it('writes nothing while another connection is in the middle of a write', () => {
		const dir = tempDir();
		const file = dir.file('test.db');
		const { sqlite, add } = logOnlyDatabase(file);
		const other = new Database(file, { timeout: 0 });
		try {
			add(5);
			sqlite.pragma('busy_timeout = 0');
			const before = statSync(`${file}-wal`).size;
			other.exec('BEGIN IMMEDIATE');
			expect(() => presizeLog(sqlite, `${file}-wal`, 2 * MB)).toThrow(/locked|busy/i);
			other.exec('ROLLBACK');
			expect(statSync(`${file}-wal`).size).toBe(before);
		} finally {
			other.close();
			sqlite.close();
			dir.remove();
		}
	});
});
