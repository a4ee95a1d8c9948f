import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema>;

export type Connection = { db: Db; sqlite: Database.Database; path: string };

/** Thrown when the database can't be opened or migrated; the message says what to do. */
export class DatabaseStartError extends Error {
	override name = 'DatabaseStartError';
}

/** Accepts a plain path or a `file:` URL, as DATABASE_URL is often written. */
export function databasePath(databaseUrl: string): string {
	const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
	return path === ':memory:' ? path : resolve(path);
}

/** Opens the SQLite file (WAL, foreign keys on) and applies every pending migration. */
export function openDatabase(databaseUrl: string, migrationsFolder: string): Connection {
	const path = databasePath(databaseUrl);
	let sqlite: Database.Database;
	try {
		if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
		sqlite = new Database(path);
		sqlite.pragma('journal_mode = WAL');
		sqlite.pragma('synchronous = NORMAL');
		sqlite.pragma('foreign_keys = ON');
		sqlite.pragma('busy_timeout = 5000');
	} catch (error) {
		throw new DatabaseStartError(
			`Die Datenbank "${path}" kann nicht geöffnet werden (${reason(error)}). ` +
				'Prüfen Sie DATABASE_URL und ob der Ordner existiert und beschreibbar ist.',
			{ cause: error }
		);
	}
	const db = drizzle(sqlite, { schema });
	try {
		migrate(db, { migrationsFolder });
	} catch (error) {
		sqlite.close();
		throw new DatabaseStartError(
			`Die Datenbank "${path}" konnte nicht auf den aktuellen Stand gebracht werden (${reason(error)}). ` +
				'Stellen Sie eine Sicherung wieder her oder wenden Sie sich an den Betrieb.',
			{ cause: error }
		);
	}
	return { db, sqlite, path };
}

/**
 * Statements built and prepared once per connection. Drizzle otherwise builds the SQL and SQLite
 * prepares it again on every call, which costs more than running it (tens of µs per query).
 */
export function preparedFor<T>(build: (db: Db) => T): (db: Db) => T {
	const built = new WeakMap<Db, T>();
	return (db) => {
		let statements = built.get(db);
		if (!statements) built.set(db, (statements = build(db)));
		return statements;
	};
}

// drizzle() puts the better-sqlite3 connection on `$client`; the Db type doesn't declare it.
const transactionOf = preparedFor((db) => (db as unknown as { $client: Database.Database }).$client.transaction((run: () => unknown) => run()));

/**
 * Runs `fn` in a transaction: BEGIN … COMMIT, or a savepoint when one is already open (a group
 * commit). Like `db.transaction`, but without building a new transaction function on every call.
 */
export function inTransaction<T>(db: Db, fn: () => T): T {
	return transactionOf(db)(fn) as T;
}

function reason(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
