// Online backup of the running database. Plain JavaScript so that `npm run backup` needs neither
// a build nor a TypeScript runner, and can run next to the server.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The database file as the server finds it (see databasePath in ../db/connection.ts): DATABASE_URL, a path or a `file:` URL.
 * @param {NodeJS.ProcessEnv} [env]
 */
export function databaseFile(env = process.env) {
	const url = env.DATABASE_URL || './data/dialograum.db';
	return resolve(url.startsWith('file:') ? url.slice('file:'.length) : url);
}

/**
 * `<data dir>/backups/dialograum-2026-09-06_14-30-05.db`: DATA_DIR, else the database's folder, as for photos.
 * @param {string} database
 * @param {NodeJS.ProcessEnv} [env]
 */
export function defaultBackupFile(database, env = process.env, now = new Date()) {
	const two = (/** @type {number} */ n) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}_${two(now.getHours())}-${two(now.getMinutes())}-${two(now.getSeconds())}`;
	return join(resolve(env.DATA_DIR || dirname(database)), 'backups', `dialograum-${stamp}.db`);
}

/**
 * Copies `source` to `target` with SQLite's online backup API: a consistent snapshot of every
 * committed transaction, taken while the server goes on writing (in WAL mode a reader never blocks
 * the writer). The copy is written next to the target and renamed when complete, so a file under
 * the target's name is always a whole backup; it is a single self-contained file (no -wal).
 *
 * @param {string} source
 * @param {string} target
 * @returns {Promise<{ file: string, bytes: number, counts: Record<string, number> }>}
 */
export async function backupDatabase(source, target) {
	if (!existsSync(source)) throw new Error(`Die Datenbank "${source}" gibt es nicht. Prüfen Sie DATABASE_URL.`);
	if (existsSync(target)) throw new Error(`"${target}" gibt es schon; eine Sicherung überschreibt nichts.`);
	mkdirSync(dirname(target), { recursive: true });
	const partial = `${target}.partial`;
	rmSync(partial, { force: true });

	const db = new Database(source, { readonly: true, fileMustExist: true });
	try {
		// After the first step, all remaining pages in one: one snapshot, however busy the server is.
		await db.backup(partial, { progress: () => 0x7fffffff });
	} catch (error) {
		rmSync(partial, { force: true });
		throw new Error(`Die Sicherung ist fehlgeschlagen: ${error instanceof Error ? error.message : error}`, { cause: error });
	} finally {
		db.close();
	}

	const copy = new Database(partial);
	let counts;
	try {
		copy.pragma('journal_mode = DELETE');
		const check = copy.pragma('integrity_check', { simple: true });
		if (check !== 'ok') throw new Error(`Die Sicherung ist beschädigt (${check}).`);
		const count = (/** @type {string} */ table) => /** @type {number} */ (copy.prepare(`select count(*) from "${table}"`).pluck().get());
		counts = { event: count('event'), participant: count('participant'), vote: count('vote'), card: count('card'), feedback: count('feedback') };
	} catch (error) {
		copy.close();
		rmSync(partial, { force: true });
		throw error;
	}
	copy.close();
	renameSync(partial, target);
	return { file: target, bytes: statSync(target).size, counts };
}
