import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Bundles a worker thread's entry the way `npm run build` does, so a test runs the real worker
 * from source. The bundle goes below node_modules/.cache: its packages stay external and must
 * resolve from there, as they do from `build/workers`.
 */
export async function bundleWorker(entry: string, name: string) {
	const cache = resolve('node_modules/.cache/dialograum-test-workers');
	mkdirSync(cache, { recursive: true });
	const folder = mkdtempSync(join(cache, 'workers-'));
	await build({
		entryPoints: { [name]: resolve(entry) },
		bundle: true,
		platform: 'node',
		format: 'esm',
		packages: 'external',
		target: 'node20',
		outdir: folder,
		logLevel: 'warning'
	});
	return { folder, file: join(folder, `${name}.js`), remove: () => rmSync(folder, { recursive: true, force: true }) };
}
