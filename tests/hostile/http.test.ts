import Database from 'better-sqlite3';
import { io as connect } from 'socket.io-client';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/counts';
import { tempDir } from '../support/temp-dir';
import { startProductionServer, type ProductionServer } from '../crash/production-server';

let server: ProductionServer;
let dir: ReturnType<typeof tempDir>;
let before: Record<string, number>;
const counts = () => {
	const db = new Database(dir.file('http.db'), { readonly: true });
	try {
		return tableCounts(db);
	} finally {
		db.close();
	}
};

beforeAll(async () => {
	dir = tempDir('dialograum-hostile-http-');
	server = await startProductionServer(dir.file('http.db'));
	before = counts();
});
afterAll(async () => {
	await server.stop();
	dir.remove();
});

/** A raw request: fetch() would refuse some of these (bad encodings, a lying content length). */
function send(path: string, { method = 'POST', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}) {
	return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }>((resolve, reject) => {
		const { port } = new URL(server.url);
		const req = request({ host: '127.0.0.1', port, path, method, headers: { origin: server.url, ...headers } }, (res) => {
			let text = '';
			res.setEncoding('utf8');
			res.on('data', (c) => (text += c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
		});
		// The server may answer (413) and close before a large body is written: that is not an error here.
		req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'EPIPE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
		if (body !== undefined) req.write(body);
		req.end();
	});
}

const form = 'application/x-www-form-urlencoded';
const html = { accept: 'text/html', 'content-type': form };
const enhanced = { accept: 'application/json', 'content-type': form, 'x-sveltekit-action': 'true' };

describe('hostile HTTP requests to the production server', () => {
	// server.js allows 16 MB (pin-board photos); BODY_SIZE_LIMIT sets it.
	const TOO_BIG = 17 * 1024 * 1024;

	it('a form post above the body limit is refused with 413 and a German message, as a page and as JSON', async () => {
		const body = `email=${'a'.repeat(TOO_BIG)}&password=x`;
		const length = { 'content-length': String(Buffer.byteLength(body)) };
		const page = await send('/anmelden', { headers: { ...html, ...length }, body });
		const json = await send('/anmelden', { headers: { ...enhanced, ...length }, body });
		expect(page.status).toBe(413);
		expect(page.text).toContain('Die gesendeten Daten sind zu groß.');
		expect(json.status).toBe(413);
		expect(JSON.parse(json.text)).toMatchObject({ type: 'error', error: { message: 'Die gesendeten Daten sind zu groß.' } });
	});

	it('an oversized body without a content length (chunked) is cut off the same way', async () => {
		const response = await send('/anmelden', { headers: { ...html, 'transfer-encoding': 'chunked' }, body: 'x'.repeat(TOO_BIG) });
		expect(response.status).toBe(413);
		expect(response.text).toContain('Die gesendeten Daten sind zu groß.');
	});

	it('malformed JSON or another content type for a form is refused in German', async () => {
		const json = await send('/anmelden', { headers: { accept: 'text/html', 'content-type': 'application/json' }, body: '{"email": "a@b.de", "password": ' });
		const xml = await send('/anmelden', { headers: { accept: 'text/html', 'content-type': 'text/xml' }, body: '<x/>' });
		for (const response of [json, xml]) {
			expect(response.status).toBe(415);
			expect(response.text).toContain('Das Formular kam in einem unerwarteten Format an.');
		}
	});

	it('a broken multipart body gets a German error page, and nothing else happens', async () => {
		// The action's request.formData() throws; SvelteKit answers 500 (see README, hardening).
		const response = await send('/anmelden', { headers: { accept: 'text/html', 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nkaputt' });
		expect(response.status).toBeGreaterThanOrEqual(400);
		expect(response.text).toMatch(/Das Formular kam|Das hat nicht geklappt/);
	});

	it.each([
		['prototype keys as field names', '__proto__[admin]=1&constructor[prototype][x]=1&email=__proto__&password=constructor'],
		['invalid UTF-8 in the fields', 'email=%FF%FE%ED%A0%80&password=%C3%28'],
		['ten thousand fields', Array.from({ length: 10_000 }, (_, i) => `f${i}=${i}`).join('&')],
		['a 1 MB field', `email=a%40b.de&password=${'p'.repeat(1024 * 1024)}`]
	])('%s: the sign-in answers with a German refusal', async (_, body) => {
		const response = await send('/anmelden', { headers: html, body });
		expect([400, 429]).toContain(response.status);
		expect(response.text).toMatch(/Bitte|falsch|nicht|Versuche/);
	});

	it('a form post from another site is refused', async () => {
		const response = await send('/anmelden', { headers: { ...html, origin: 'https://angreifer.example' }, body: 'email=a%40b.de&password=x' });
		expect(response.status).toBe(403);
	});

	it('odd URLs and methods get a clean 4xx', async () => {
		const results = await Promise.all([
			send('/%E0%A4%A', { method: 'GET' }),
			send(`/${'x'.repeat(20_000)}`, { method: 'GET' }),
			send('/DEMO/1', { method: 'DELETE' }),
			send('/../../etc/passwd', { method: 'GET' }),
			send('/gibt-es-nicht', { method: 'GET', headers: { accept: 'text/html' } })
		]);
		for (const r of results) {
			expect(r.status).toBeGreaterThanOrEqual(400);
			expect(r.status).toBeLessThan(500);
		}
		expect(results.at(-1)!.text).toContain('Diese Seite gibt es nicht.');
	});

	it('afterwards the server still works and the database is unchanged', async () => {
		expect((await send('/', { method: 'GET' })).status).toBe(200);
		expect(counts()).toEqual(before);

		const db = new Database(dir.file('http.db'), { readonly: true });
		const offerId = (db.prepare('select id from offer limit 1').get() as { id: number }).id;
		db.close();
		const socket = connect(server.url, { transports: ['websocket'], forceNew: true, reconnection: false });
		try {
			const joined = await socket.timeout(5000).emitWithAck('participant:join', { code: 'DEMO', participantId: randomUUID() });
			expect(joined.ok).toBe(true);
			const vote = await socket.timeout(5000).emitWithAck('vote:cast', { clientId: randomUUID(), offerId, answer: 'yes' });
			expect(vote.ok).toBe(true);
		} finally {
			socket.disconnect();
		}
	});
});
