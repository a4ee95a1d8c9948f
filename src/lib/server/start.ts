import { existsSync } from 'node:fs';
import type { Server as HttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { firstOrganiserNotice } from './auth/first-organiser';
import { configFromEnv } from './config';
import { listEvents } from './events/queries';
import { attachRealtime } from './realtime/attach';
import { createRuntime, installRuntime, type Runtime } from './runtime';

/** For server.js, which sets them on the static files. */
export { SECURITY_HEADERS } from './security-headers';
/** For server.js, before start(). */
export { lowerRuntimeHelpers } from './workers/background-priority';

export type App = { runtime: Runtime; close(): Promise<void> };

/**
 * Starts dialograum on an http server: opens and migrates the database, loads the demo
 * on an empty one, and attaches socket.io. Used by the Vite plugin (dev, preview) and server.js.
 */
export function start(httpServer: HttpServer, env: NodeJS.ProcessEnv = process.env): App {
	const runtime = createRuntime({ ...configFromEnv(env), workersFolder: bundledWorkers() });
	installRuntime(runtime);
	const realtime = attachRealtime(httpServer, runtime);
	return {
		runtime,
		close: async () => {
			await realtime.close();
			installRuntime(undefined);
			runtime.close();
		}
	};
}

/** `build/workers` beside this bundle; running from source (vite dev) there is none. */
function bundledWorkers(): string | undefined {
	const folder = fileURLToPath(new URL('./workers/', import.meta.url));
	return existsSync(folder) ? folder : undefined;
}

/** The lines printed at start-up: where organisers, participants and the projector go. */
export function banner(runtime: Runtime, baseUrl: string): string {
	const lines = [`dialograum läuft: ${baseUrl}`, `  Organisation:  ${baseUrl}/organisation`];
	for (const event of listEvents(runtime.db)) {
		lines.push(
			'',
			`  ${event.title} (${event.date})`,
			`    Teilnehmende:  ${baseUrl}/${event.joinCode}`,
			`    Beamer:        ${baseUrl}/beamer/${event.displayToken}`
		);
	}
	if (runtime.firstOrganiser) lines.push('', ...firstOrganiserNotice(runtime.firstOrganiser));
	return lines.join('\n');
}
