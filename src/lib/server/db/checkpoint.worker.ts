// Worker thread: moves SQLite's WAL checkpoints (and their fsync calls) off the main thread, where
// every acknowledgement waits while one runs. See ./checkpointer.ts.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointerMessage, CheckpointerRequest, CheckpointerSettings } from './checkpointer';

type CheckpointResult = { busy: number; log: number; checkpointed: number };

const { path, intervalMs, restartAtPages, handOverAtPages } = workerData as CheckpointerSettings;
const sqlite = new Database(path);
// The checkpointing connection's settings decide the syncs: the log before, the database after.
sqlite.pragma('synchronous = NORMAL');
const post = (message: CheckpointerMessage) => parentPort!.postMessage(message);
let logFull = false;
let holding = false;

// PASSIVE copies what it can and never makes a writer wait.
const checkpoint = () => (sqlite.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[])[0] ?? { busy: 0, log: 0, checkpointed: 0 };

const timer = setInterval(() => {
	if (holding) return;
	const { log } = checkpoint();
	const full = log >= handOverAtPages;
	if (full !== logFull) post(full ? 'log-full' : 'log-restarted');
	logFull = full;
	if (log >= restartAtPages) {
		holding = true;
		post('hold-writes');
	}
}, intervalMs);

parentPort!.on('message', (request: CheckpointerRequest) => {
	if (request === 'writes-held') {
		// Only what was committed since the last pass is left to copy; then the log is fully copied
		// and the main thread's next write starts it over.
		checkpoint();
		holding = false;
		post('release-writes');
		return;
	}
	clearInterval(timer);
	sqlite.close();
	parentPort!.close();
});
