import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const lib = fileURLToPath(new URL('./src/lib', import.meta.url));

export default defineConfig({
	resolve: { alias: { $lib: lib } },
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'server',
					include: ['tests/**/*.test.ts', 'src/**/*.test.ts'],
					exclude: ['tests/e2e/**'],
					environment: 'node',
					testTimeout: 15_000
				}
			},
			{
				extends: true,
				test: {
					name: 'crash',
					// The long crash run (`npm run test:crash`); the normal suite has a short form.
					include: ['tests/crash/**/*.crash.ts'],
					environment: 'node',
					testTimeout: 300_000,
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					name: 'browser',
					// User journeys in Debian's Chromium against the production build (`npm run build` first).
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					testTimeout: 60_000,
					hookTimeout: 60_000,
					fileParallelism: false
				}
			}
		]
	}
});
