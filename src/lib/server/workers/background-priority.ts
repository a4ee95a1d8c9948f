import { setPriority } from 'node:os';

/**
 * Gives the calling worker thread a lower CPU priority than the main thread (on Linux the nice
 * value is per thread). On a small machine under a full hall, the main thread, which sends every
 * acknowledgement, then gets a core first; the background work runs in the time left over and
 * only finishes a little later. Not for the checkpointer: while it holds the writes, the main
 * thread waits for it.
 */
export function runInBackground(): void {
	try {
		setPriority(10);
	} catch {
		// Not allowed here (an unusual sandbox): the work runs at normal priority, as before.
	}
}
