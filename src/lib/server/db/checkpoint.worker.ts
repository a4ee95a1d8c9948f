// Worker thread: moves SQLite's WAL checkpoints (and their fsync calls) off the main thread, where
// every acknowledgement waits while one runs. See ./checkpointer.ts.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointerMessage, CheckpointerSettings } from './checkpointer';

type CheckpointResult = { busy: number; log: number; checkpointed: number };

const { path, intervalMs, handOverAtPages } = workerData as CheckpointerSettings;
const sqlite = new Database(path);
// The checkpointing connection's settings decide the syncs: the log before, the database after.
sqlite.pragma('synchronous = NORMAL');
let logFull = false;

const timer = setInterval(() => {
	// PASSIVE copies what it can and never makes a writer wait.
	const [result] = sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
	const full = (result?.log ?? 0) >= handOverAtPages;
	if (full !== logFull) parentPort!.postMessage((full ? 'log-full' : 'log-restarted') satisfies CheckpointerMessage);
	logFull = full;
}, intervalMs);

parentPort!.once('message', () => {
	clearInterval(timer);
	sqlite.close();
	parentPort!.close();
});
