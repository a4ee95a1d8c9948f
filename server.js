// Production entry: SvelteKit's adapter-node handler and socket.io on one http server.
import compression from 'compression';
import { createServer } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.DIALOGRAUM_ROOT ??= dirname(fileURLToPath(import.meta.url));

// Without ORIGIN, adapter-node takes every request for https. This server speaks plain http
// (behind a TLS proxy, ORIGIN is set and wins), so say so: otherwise the origin check refuses
// every form (the sign-in) and links and cookies get the wrong scheme.
const PLAIN_HTTP = 'x-dialograum-protocol';
process.env.PROTOCOL_HEADER ??= PLAIN_HTTP;

// adapter-node refuses request bodies over 512 KB by default; pin-board photos may be up to
// 15 MB and set-up files up to 2 MB. The pages check their own, smaller limits in German.
process.env.BODY_SIZE_LIMIT ??= '16M';

const { handler } = await import('./build/handler.js');
const { start, banner, SECURITY_HEADERS, lowerRuntimeHelpers } = await import('./build/start.js');

// V8's and libuv's helper threads below the main thread, before start() starts the checkpointer.
lowerRuntimeHelpers();

// Static files don't pass through SvelteKit's hooks: they get the same headers here.

// adapter-node compresses static files; pages rendered per request are compressed here.
const compress = compression();
const server = createServer((req, res) => {
	if (process.env.PROTOCOL_HEADER === PLAIN_HTTP) req.headers[PLAIN_HTTP] = 'http';
	for (const [name, value] of SECURITY_HEADERS) res.setHeader(name, value);
	compress(req, res, () => handler(req, res));
});
let app;
try {
	app = start(server);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
server.listen(port, host, () => {
	const address = server.address();
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	const base = process.env.ORIGIN ?? `http://${shown}:${typeof address === 'object' && address ? address.port : port}`;
	console.log(banner(app.runtime, base));
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, async () => {
		if (closing) return;
		closing = true;
		await app.close();
		process.exit(0);
	});
}
