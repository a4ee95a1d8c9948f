import { configFromEnv } from '$lib/server/config';
import { createRuntime } from '$lib/server/runtime';
import { tempDir } from './temp-dir';

export const ADMIN = { email: 'chefin@oberhausen.de', password: 'richtiges-passwort-1' };

/** A runtime on a fresh SQLite file with the first organiser `ADMIN`; `close()` also removes the file. */
export function startTestRuntime(env: NodeJS.ProcessEnv = {}) {
	const dir = tempDir();
	const runtime = createRuntime(
		configFromEnv({ DATABASE_URL: dir.file('test.db'), DEMO: 'off', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, ...env })
	);
	return {
		...runtime,
		close() {
			runtime.close();
			dir.remove();
		}
	};
}
