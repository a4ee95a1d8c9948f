import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import type * as StartModule from '../start';

/** Runs the same start function as server.js inside `vite dev` and `vite preview`. */
export function dialograumServer(): Plugin {
	return {
		name: 'dialograum-server',
		async configureServer(server) {
			if (!server.httpServer) return;
			const mod = (await server.ssrLoadModule('/src/lib/server/start.ts')) as typeof StartModule;
			run(mod, server.httpServer as import('node:http').Server, () => server.resolvedUrls?.local[0]);
		},
		async configurePreviewServer(server) {
			const mod = (await import(pathToFileURL(resolve('build/start.js')).href)) as typeof StartModule;
			run(mod, server.httpServer as import('node:http').Server, () => server.resolvedUrls?.local[0]);
		}
	};
}

function run(mod: typeof StartModule, httpServer: import('node:http').Server, url: () => string | undefined) {
	let app: StartModule.App;
	try {
		app = mod.start(httpServer);
	} catch (error) {
		console.error(error instanceof Error ? error.message : error);
		process.exit(1);
	}
	httpServer.once('listening', () => {
		console.log(mod.banner(app.runtime, (url() ?? 'http://localhost:5173/').replace(/\/$/, '')));
	});
	httpServer.once('close', () => void app.close());
}
