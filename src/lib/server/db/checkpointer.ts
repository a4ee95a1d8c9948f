import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

export type CheckpointerSettings = { path: string; intervalMs: number; handOverAtPages: number };
export type CheckpointerMessage = 'log-full' | 'log-restarted';

/** SQLite's own default: a checkpoint once the log holds 1,000 pages. */
const SQLITE_AUTOCHECKPOINT = 1000;
/** 64 MB of log at 4 KB pages: only reached when writes never pause for a fifth of a second. */
const HAND_OVER_AT_PAGES = 16_384;
const LOG_SIZE_LIMIT = 64 * 1024 * 1024;

/**
 * Checkpoints the write-ahead log from a worker thread. SQLite otherwise checkpoints inside the
 * commit that crosses 1,000 pages, on the main thread: a few milliseconds of copying and two fsync
 * calls during which no acknowledgement goes out (under a full hall, every 100 ms or so).
 *
 * The log starts over only when a write finds it fully copied, so under writes that never pause it
 * would keep growing. Then the main connection checkpoints again by itself (little is left to copy)
 * until the log has started over. Without a worker file (running from source) SQLite keeps
 * checkpointing by itself; if the worker fails, the main connection takes over for good.
 */
export function startCheckpointer(sqlite: Database.Database, path: string, workerFile: string | undefined): { stop(): void } {
	if (!workerFile || path === ':memory:') return { stop() {} };
	let stopping = false;
	const autocheckpoint = (pages: number) => sqlite.open && sqlite.pragma(`wal_autocheckpoint = ${pages}`);
	const takeOver = (why: unknown) => {
		if (stopping) return;
		console.error('[datenbank] Die Sicherungspunkte laufen wieder im Hauptprozess:', why);
		autocheckpoint(SQLITE_AUTOCHECKPOINT);
	};
	const settings: CheckpointerSettings = { path, intervalMs: 200, handOverAtPages: HAND_OVER_AT_PAGES };
	const worker = new Worker(workerFile, { workerData: settings });
	worker.on('message', (message: CheckpointerMessage) => autocheckpoint(message === 'log-full' ? SQLITE_AUTOCHECKPOINT : 0));
	worker.on('error', takeOver);
	worker.on('exit', (code) => takeOver(`worker exited with code ${code}`));
	worker.unref();
	autocheckpoint(0);
	// When the log starts over, its file is cut back to this size.
	sqlite.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT}`);
	return {
		stop() {
			stopping = true;
			worker.postMessage('stop');
		}
	};
}
