import { ensureFirstOrganiser, type FirstOrganiser } from './auth/first-organiser';
import { createSignInThrottle, type SignInThrottle } from './auth/throttle';
import { createBus, type Bus } from './bus';
import type { Config } from './config';
import { startCheckpointer } from './db/checkpointer';
import { openDatabase, type Db } from './db/connection';
import { createWriteGate, type WriteGate } from './db/write-gate';
import { loadDemoIfEmpty } from './demo/load-demo';
import type Database from 'better-sqlite3';
import { workerFile } from './workers/worker-file';

/** Everything a request or socket handler needs: the database and the domain event bus. */
export type Runtime = {
	db: Db;
	sqlite: Database.Database;
	bus: Bus;
	/** Held by the checkpointer for a moment when the log is to start over; the group commit waits. */
	writeGate: WriteGate;
	config: Config;
	signInThrottle: SignInThrottle;
	/** The account this start created on an empty database, for the start-up banner. */
	firstOrganiser: FirstOrganiser | undefined;
	close(): void;
};

export function createRuntime(config: Config): Runtime {
	const { db, sqlite, path } = openDatabase(config.databaseUrl, config.migrationsFolder);
	let firstOrganiser: FirstOrganiser | undefined;
	try {
		if (config.loadDemo) loadDemoIfEmpty(db);
		firstOrganiser = ensureFirstOrganiser(db, config);
	} catch (error) {
		sqlite.close();
		throw error;
	}
	const writeGate = createWriteGate();
	const checkpointer = startCheckpointer(sqlite, path, writeGate, workerFile(config.workersFolder, 'checkpoint'));
	return {
		db,
		sqlite,
		bus: createBus(),
		writeGate,
		config,
		signInThrottle: createSignInThrottle(),
		firstOrganiser,
		close: () => {
			checkpointer.stop();
			sqlite.close();
		}
	};
}

// SvelteKit's server bundle and the socket.io server are separate module instances
// (in dev through Vite, in production through two bundles); they share the runtime here.
const KEY = Symbol.for('dialograum.runtime');
type Slot = { [KEY]?: Runtime };

export function installRuntime(runtime: Runtime | undefined): void {
	(globalThis as Slot)[KEY] = runtime;
}

export function useRuntime(): Runtime {
	const runtime = (globalThis as Slot)[KEY];
	if (!runtime) {
		throw new Error('dialograum ist nicht gestartet: starten Sie die App mit `npm start` oder `npm run dev`.');
	}
	return runtime;
}
