import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';
import { presizeLog } from './presize-log';
import type { WriteGate } from './write-gate';

export type CheckpointerSettings = { path: string; intervalMs: number; restartAtPages: number; handOverAtPages: number };
export type CheckpointerLimits = Pick<CheckpointerSettings, 'restartAtPages' | 'handOverAtPages'> & {
	/** The size the log file is given at start-up (see ./presize-log.ts). */
	presizedLogBytes: number;
};
/** From the worker: the log has grown (hold the writes), may start over (release them), or is full (safety net). */
export type CheckpointerMessage = 'hold-writes' | 'release-writes' | 'log-full' | 'log-restarted';
/** To the worker: the writes are held, or stop. */
export type CheckpointerRequest = 'writes-held' | 'stop';

/** SQLite's own default: a checkpoint once the log holds 1,000 pages. */
const SQLITE_AUTOCHECKPOINT = 1000;
/** 64 MB of log at 4 KB pages: under a full hall, about every 1.5 seconds; never at a usual event. */
const RESTART_AT_PAGES = 16_384;
/** 256 MB: only if the log could not start over several times in a row. */
const HAND_OVER_AT_PAGES = 65_536;
/**
 * The log file's working size. It is above what the log reaches before it starts over (16,384 pages
 * with their frame headers, 68 MB, and what comes in meanwhile), so SQLite never has to grow the
 * file under load nor cut it back when the log starts over (cutting 5–10 MB off cost the first
 * commit after each restart 2–6 ms).
 */
const LOG_SIZE_LIMIT = 96 * 1024 * 1024;
const LIMITS: CheckpointerLimits = { restartAtPages: RESTART_AT_PAGES, handOverAtPages: HAND_OVER_AT_PAGES, presizedLogBytes: LOG_SIZE_LIMIT };

/**
 * Checkpoints the write-ahead log from a worker thread. SQLite otherwise checkpoints inside the
 * commit that crosses 1,000 pages, on the main thread: a few milliseconds of copying and two fsync
 * calls during which no acknowledgement goes out (under a full hall, every 100 ms or so).
 *
 * The log starts over only when a write finds it fully copied, which never happens while writes
 * keep coming. So when it has grown, the worker asks for the group commit to be held (`gate`),
 * copies the last frames (a millisecond's worth; the submissions wait in the queue meanwhile) and
 * releases it: the next write starts the log over. Should that fail again and again, the main
 * connection checkpoints by itself until the log has started over. Without a worker file (running
 * from source) SQLite keeps checkpointing by itself; if the worker fails, the main connection
 * takes over for good.
 */
export function startCheckpointer(
	sqlite: Database.Database,
	path: string,
	gate: WriteGate,
	workerFile: string | undefined,
	limits: Partial<CheckpointerLimits> = {}
): { stop(): void } {
	if (!workerFile || path === ':memory:') return { stop() {} };
	const { presizedLogBytes, ...pages } = { ...LIMITS, ...limits };
	try {
		presizeLog(sqlite, `${path}-wal`, presizedLogBytes);
	} catch (error) {
		console.error('[datenbank] Die Protokolldatei konnte nicht vorab angelegt werden (die App läuft trotzdem):', error);
	}
	let stopping = false;
	const autocheckpoint = (pages: number) => sqlite.open && sqlite.pragma(`wal_autocheckpoint = ${pages}`);
	const takeOver = (why: unknown) => {
		gate.release();
		if (stopping) return;
		console.error('[datenbank] Die Sicherungspunkte laufen wieder im Hauptprozess:', why);
		autocheckpoint(SQLITE_AUTOCHECKPOINT);
	};
	const settings: CheckpointerSettings = { path, intervalMs: 200, ...pages };
	const worker = new Worker(workerFile, { workerData: settings });
	const send = (request: CheckpointerRequest) => worker.postMessage(request);
	worker.on('message', (message: CheckpointerMessage) => {
		if (message === 'hold-writes') {
			// No transaction of the group commit is open between two tasks of the main thread.
			gate.hold();
			send('writes-held');
		} else if (message === 'release-writes') gate.release();
		else autocheckpoint(message === 'log-full' ? SQLITE_AUTOCHECKPOINT : 0);
	});
	worker.on('error', takeOver);
	worker.on('exit', (code) => takeOver(`worker exited with code ${code}`));
	worker.unref();
	autocheckpoint(0);
	// Only a log that outgrew its working size (the safety net) is cut back when it starts over.
	sqlite.pragma(`journal_size_limit = ${LOG_SIZE_LIMIT}`);
	return {
		stop() {
			stopping = true;
			gate.release();
			send('stop');
		}
	};
}
