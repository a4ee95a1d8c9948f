// Page weight of a participant's first visit: starts the production build with a fresh database,
// opens /DEMO/1 in Chromium on a phone-sized screen with an empty cache and adds up the bytes on the
// wire (compressed as the server sends them) of everything but socket.io. The budget (60 KB) is for
// the content, HTML + JS + CSS as sent; response headers are printed beside it (HTTP/2 behind a
// proxy compresses them, HTTP/1.1 on loopback does not).
//
//   npm run build && npm run bench:page            human summary
//   npm run bench:page -- --json                   one JSON object
//
// Exits 1 when the content is above the budget, 2 when it could not measure (no build, no browser).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const BUDGET = 60 * 1024;
const PATH = '/DEMO/1';
const json = process.argv.includes('--json');

if (!existsSync('build/handler.js') || !existsSync('build/start.js')) {
	console.error('No production build: run `npm run build` first (bench:page measures what `node server.js` serves).');
	process.exit(2);
}

/** @returns {Promise<{ url: string, stop: () => Promise<void> }>} */
async function startServer() {
	const dir = mkdtempSync(join(tmpdir(), 'dialograum-bench-'));
	const { ORIGIN: _ignored, ...inherited } = process.env;
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: join(dir, 'bench.db') },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const url = await new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
		const read = (/** @type {Buffer} */ chunk) => {
			output += chunk.toString();
			const match = /läuft: (\S+)/.exec(output);
			if (match && /Beamer:\s+\S+/.test(output)) {
				clearTimeout(timer);
				resolve(match[1]);
			}
		};
		child.stdout.on('data', read);
		child.stderr.on('data', read);
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	return {
		url,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((resolve) => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * @typedef {{ id: string, url: string, type: string, status?: number, encoding?: string, bytes?: number, headers?: number,
 *   gzipped?: number, done: boolean }} Request
 */

/** @param {string} url */
async function measure(url) {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
	try {
		const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'de-DE' });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		/** @type {Map<string, Request>} */
		const requests = new Map();
		cdp.on('Network.requestWillBeSent', (e) =>
			requests.set(e.requestId, { id: e.requestId, url: e.request.url, type: e.type ?? 'Other', done: false })
		);
		cdp.on('Network.responseReceivedExtraInfo', (e) => {
			const request = requests.get(e.requestId);
			if (request && e.headersText) request.headers = Buffer.byteLength(e.headersText);
		});
		cdp.on('Network.responseReceived', (e) => {
			const request = requests.get(e.requestId);
			if (!request) return;
			const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
			Object.assign(request, { type: e.type, status: e.response.status, encoding: headers['content-encoding'] ?? 'none' });
			// What had arrived with the response: its headers. The extra-info event, with the exact header text,
			// does not come for every request; without this, a request's headers would count as content.
			request.headers ??= e.response.encodedDataLength;
		});
		cdp.on('Network.loadingFinished', (e) => {
			const request = requests.get(e.requestId);
			if (request) Object.assign(request, { bytes: e.encodedDataLength, done: true });
		});
		cdp.on('Network.loadingFailed', (e) => {
			const request = requests.get(e.requestId);
			if (request) Object.assign(request, { bytes: 0, done: true, status: 0 });
		});
		await cdp.send('Network.enable');

		await page.goto(`${url}${PATH}`, { waitUntil: 'load' });
		// Hydrated and joined: every module the page needs has arrived.
		await page.getByRole('status').filter({ hasText: 'Verbunden' }).waitFor({ timeout: 15_000 });
		const counted = () => [...requests.values()].filter((r) => !/\/socket\.io\//.test(r.url) && r.type !== 'WebSocket');
		await page.waitForFunction(() => document.readyState === 'complete');
		const deadline = Date.now() + 10_000;
		while (counted().some((r) => !r.done)) {
			if (Date.now() > deadline) throw new Error('requests still loading after 10 s');
			await new Promise((resolve) => setTimeout(resolve, 25));
		}
		const result = counted();
		// An uncompressed document: what gzip would make of it (adapter-node compresses only static files).
		for (const r of result.filter((r) => r.encoding === 'none' && r.type === 'Document')) {
			const { body, base64Encoded } = await cdp.send('Network.getResponseBody', { requestId: r.id });
			r.gzipped = gzipSync(Buffer.from(body, base64Encoded ? 'base64' : 'utf8')).length;
		}
		return result;
	} finally {
		await browser.close();
	}
}

/** @param {string} type */
const group = (type) => ({ Document: 'html', Script: 'js', Stylesheet: 'css' })[type] ?? type.toLowerCase();
const kb = (/** @type {number} */ bytes) => `${(bytes / 1024).toFixed(1)} KB`;

let server;
try {
	server = await startServer();
	const requests = await measure(server.url);
	/** @type {Record<string, { files: number, bytes: number }>} */
	const byType = {};
	for (const r of requests) {
		const g = (byType[group(r.type)] ??= { files: 0, bytes: 0 });
		g.files++;
		g.bytes += r.bytes ?? 0;
	}
	const total = requests.reduce((sum, r) => sum + (r.bytes ?? 0), 0);
	const headers = requests.reduce((sum, r) => sum + (r.headers ?? 0), 0);
	const isContent = (/** @type {Request} */ r) => ['html', 'js', 'css'].includes(group(r.type));
	const content = requests.filter(isContent).reduce((sum, r) => sum + Math.max(0, (r.bytes ?? 0) - (r.headers ?? 0)), 0);
	const result = {
		page: PATH,
		budget: BUDGET,
		content,
		withinBudget: content <= BUDGET,
		headers,
		total,
		byType,
		files: requests
			.map((r) => ({
				path: new URL(r.url).pathname,
				type: group(r.type),
				status: r.status,
				encoding: r.encoding,
				bytes: r.bytes ?? 0,
				...(r.gzipped === undefined ? {} : { gzipWouldBe: r.gzipped + (r.headers ?? 0) })
			}))
			.sort((a, b) => b.bytes - a.bytes)
	};
	if (json) {
		console.log(JSON.stringify(result));
	} else {
		console.log(`First load of ${PATH} on a phone (empty cache, bytes on the wire, without socket.io):\n`);
		for (const [type, g] of Object.entries(byType)) console.log(`  ${type.padEnd(6)} ${String(g.files).padStart(3)} files  ${kb(g.bytes).padStart(9)}`);
		console.log(`  ${'total'.padEnd(6)} ${String(requests.length).padStart(3)} files  ${kb(total).padStart(9)}`);
		console.log(`  of which response headers: ${kb(headers)}`);
		console.log(`  content (HTML + JS + CSS as sent): ${kb(content)}   (budget ${kb(BUDGET)})\n`);
		for (const f of result.files) {
			const hint = f.gzipWouldBe === undefined ? '' : `   (sent uncompressed; gzip: ${kb(f.gzipWouldBe)})`;
			console.log(`  ${kb(f.bytes).padStart(9)}  ${f.type.padEnd(5)} ${String(f.encoding).padEnd(5)} ${f.status}  ${f.path}${hint}`);
		}
		console.log(content <= BUDGET ? `\nWithin budget: ${kb(BUDGET - content)} to spare.` : `\nOver budget by ${kb(content - BUDGET)}.`);
	}
	process.exitCode = content <= BUDGET ? 0 : 1;
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 2;
} finally {
	await server?.stop();
}
