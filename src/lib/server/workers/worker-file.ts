import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The worker threads the build bundles into `build/workers` (see the `build` script). */
export type WorkerName = 'checkpoint' | 'word-cloud-layout';

/**
 * The bundled file of a worker thread, when there is one. Running from source (vite dev, the
 * tests' own runtimes) there is none, and the work stays on the main thread.
 */
export function workerFile(folder: string | undefined, name: WorkerName): string | undefined {
	if (!folder) return undefined;
	const file = join(folder, `${name}.js`);
	return existsSync(file) ? file : undefined;
}
