import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { freePort, startProductionServer, type ProductionServer } from '../crash/production-server';

const PASSWORD = 'sicherheits-test-passwort';
let server: ProductionServer;
let dir: ReturnType<typeof tempDir>;
beforeAll(async () => {
	dir = tempDir('dialograum-headers-');
	server = await startProductionServer(dir.file('headers.db'), 0, { ADMIN_PASSWORD: PASSWORD });
});
afterAll(async () => {
	await server.stop();
	dir.remove();
});

const EXPECTED = {
	'x-content-type-options': 'nosniff',
	'x-frame-options': 'DENY',
	'cross-origin-opener-policy': 'same-origin'
};

async function get(path: string, init: RequestInit = {}) {
	return fetch(`${server.url}${path}`, { redirect: 'manual', ...init });
}

describe('security headers', () => {
	it('every kind of response carries them: pages, redirects, errors, form answers, static files', async () => {
		const html = await (await get('/')).text();
		const asset = /_app\/immutable\/[^"')\s>]+\.(?:js|css)/.exec(html)?.[0];
		expect(asset).toBeDefined();
		const responses = {
			'/': await get('/'),
			'/DEMO': await get('/DEMO'),
			'/DEMO/1': await get('/DEMO/1'),
			'/anmelden': await get('/anmelden'),
			'/organisation (redirect)': await get('/organisation'),
			'/gibt-es-nicht (404)': await get('/gibt-es-nicht'),
			'sign-in refused (400)': await get('/anmelden', { method: 'POST', headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=x' }),
			'/robots.txt': await get('/robots.txt'),
			[asset!]: await get(`/${asset}`)
		};
		for (const [what, response] of Object.entries(responses)) {
			for (const [name, value] of Object.entries(EXPECTED)) expect(response.headers.get(name), `${what}: ${name}`).toBe(value);
			expect(response.headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
			expect(response.headers.get('permissions-policy'), what).toMatch(/^camera=\(self\), fullscreen=\(self\), microphone=\(\), geolocation=\(\)/);
		}
	});

	it('every HTML page has the content security policy; nothing may frame it', async () => {
		for (const path of ['/', '/DEMO', '/DEMO/1', '/DEMO/feedback', '/anmelden', '/gibt-es-nicht', `/beamer/${server.displayToken}`]) {
			const response = await get(path);
			expect(response.headers.get('content-type'), path).toMatch(/text\/html/);
			const csp = response.headers.get('content-security-policy') ?? '';
			expect(csp, path).toMatch(/default-src 'self'/);
			expect(csp, path).toMatch(/frame-ancestors 'none'/);
			expect(csp, path).toMatch(/script-src 'self' 'nonce-/);
		}
	});

	it('the projector keeps its own stricter referrer policy', async () => {
		const response = await get(`/beamer/${server.displayToken}`);
		expect(response.headers.get('referrer-policy')).toBe('no-referrer');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('over plain http the session cookie is HttpOnly and SameSite, not Secure', async () => {
		const cookie = await signIn(server.url, server.url);
		expect(cookie).toMatch(/HttpOnly/i);
		expect(cookie).toMatch(/SameSite=Lax/i);
		expect(cookie).not.toMatch(/Secure/i);
	});
});

describe('behind a TLS proxy (ORIGIN=https://…)', () => {
	it('the session cookie is Secure, and a form from the http address is refused', async () => {
		const tls = tempDir('dialograum-headers-tls-');
		const port = await freePort();
		const proxied = await startProductionServer(tls.file('tls.db'), port, { ADMIN_PASSWORD: PASSWORD, ORIGIN: 'https://dialog.example' });
		// The banner shows ORIGIN; the proxy would talk to the port.
		const direct = `http://127.0.0.1:${port}`;
		try {
			expect(await signIn(direct, 'https://dialog.example')).toMatch(/;\s*Secure/i);
			const plain = await fetch(`${direct}/anmelden`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: direct, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ email: 'admin@dialograum.local', password: PASSWORD })
			});
			expect(plain.status).toBe(403);
		} finally {
			await proxied.stop();
			tls.remove();
		}
	});
});

async function signIn(url: string, origin: string): Promise<string> {
	const response = await fetch(`${url}/anmelden`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email: 'admin@dialograum.local', password: PASSWORD })
	});
	expect(response.status).toBe(303);
	return response.headers.getSetCookie().find((c) => c.startsWith('dialograum_session=')) ?? '';
}
