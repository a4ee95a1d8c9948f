import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import { pathToFileURL } from 'node:url';
import { isMainThread, Worker } from 'node:worker_threads';

/** Below the main thread, above the runtime's helpers. */
const BACKGROUND = 10;

/** The lowest priority: the helpers get what the main thread and the other processes leave. */
const RUNTIME_HELPERS = 19;

/**
 * Starts a worker thread below the main thread's CPU priority (on Linux the nice value is per
 * thread). On a small machine under a full hall, the main thread, which sends every
 * acknowledgement, then gets a core first; the background work runs in the time left over and only
 * finishes a little later. The priority is lowered before the worker's file is loaded: loading the
 * word cloud's modules (the canvas library) costs more CPU than a layout. Not for the checkpointer:
 * while it holds the writes, the main thread waits for it.
 */
export function startInBackground(workerFile: string): Worker {
	const bootstrap =
		`try { require('node:os').setPriority(${BACKGROUND}); } catch {} ` + // an unusual sandbox: normal priority, as before
		`import(${JSON.stringify(pathToFileURL(workerFile).href)});`;
	return new Worker(bootstrap, { eval: true });
}

/**
 * Puts the threads the runtime started beside the main thread below it: V8's helpers (garbage
 * collection, the optimising compiler) and libuv's pool (file reads, compression, password
 * hashing). Under a full hall on a small machine the main thread, which reads every submission
 * and sends every acknowledgement, then gets a core before them; they run when one is free.
 * Call it on the main thread before any worker starts: threads started afterwards keep the main
 * thread's priority, which the checkpointer needs. Linux only (one entry per thread under
 * /proc/self/task); elsewhere nothing changes. Returns how many threads were lowered.
 */
export function lowerRuntimeHelpers(): number {
	if (!isMainThread) return 0;
	let threads: number[];
	try {
		threads = readdirSync('/proc/self/task').map(Number);
	} catch {
		return 0;
	}
	let lowered = 0;
	for (const tid of threads) {
		if (tid === process.pid) continue;
		try {
			setPriority(tid, RUNTIME_HELPERS);
			lowered++;
		} catch {
			// The thread has ended meanwhile, or this sandbox does not allow it.
		}
	}
	return lowered;
}
