import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf } from '../print/render';
import { launchBrowser, startApp, type RunningApp } from './support/app';
import { axeViolations } from './support/axe';
import { postSignIn, sessionCookie } from './support/sign-in';

const ADMIN = { email: 'planung@oberhausen.de', password: 'richtiges-passwort-1' };
const MODERATOR = { email: 'tisch3@oberhausen.de', password: 'moderation-2025' };

let app: RunningApp;
let browser: Browser | undefined;
let organiser: string;
let moderator: string;
let base: string;

const FILES: [path: string, type: string, name: string][] = [
	['druck/plakat-und-tischkarten.pdf', 'application/pdf', 'plakat-und-tischkarten-alstaden-lirich-2023-09-06.pdf'],
	['druck/plakat.pdf', 'application/pdf', 'plakat-alstaden-lirich-2023-09-06.pdf'],
	['druck/tischkarten.pdf', 'application/pdf', 'tischkarten-alstaden-lirich-2023-09-06.pdf'],
	['daten/rohdaten.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'rohdaten-alstaden-lirich-2023-09-06.xlsx'],
	['daten/angebote.csv', 'text/csv; charset=utf-8', 'angebote-alstaden-lirich-2023-09-06.csv'],
	['daten/karten.csv', 'text/csv; charset=utf-8', 'karten-alstaden-lirich-2023-09-06.csv'],
	['daten/feedback.csv', 'text/csv; charset=utf-8', 'feedback-alstaden-lirich-2023-09-06.csv'],
	['daten/feedback-eintraege.csv', 'text/csv; charset=utf-8', 'feedback-eintraege-alstaden-lirich-2023-09-06.csv'],
	['daten/beteiligung.csv', 'text/csv; charset=utf-8', 'beteiligung-alstaden-lirich-2023-09-06.csv']
];
const PATHS = [...FILES.map(([path]) => path), 'downloads'];

beforeAll(async () => {
	app = await startApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
	const added = spawnSync(
		process.execPath,
		[resolve('build/user.js'), 'add', MODERATOR.email, '--role', 'moderator', '--password', MODERATOR.password],
		{ env: { PATH: process.env.PATH, DATABASE_URL: app.databaseFile }, encoding: 'utf8' }
	);
	if (added.status !== 0) throw new Error(added.stderr);
	organiser = sessionCookie(await postSignIn(app.url, ADMIN))!;
	moderator = sessionCookie(await postSignIn(app.url, MODERATOR))!;
	const db = new Database(app.databaseFile, { readonly: true });
	const { id } = db.prepare("select id from event where join_code = 'DEMO'").get() as { id: number };
	db.close();
	base = `/organisation/veranstaltungen/${id}`;
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const get = (path: string, cookie?: string) =>
	fetch(`${app.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

describe('print and data downloads over HTTP', () => {
	it.each(PATHS)('%s without a session: to the sign-in, and back afterwards', async (path) => {
		const response = await get(`${base}/${path}`);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/anmelden?weiter=${encodeURIComponent(`${base}/${path}`)}`);
	});

	it.each(PATHS)('%s for a moderator: 403', async (path) => {
		const response = await get(`${base}/${path}`, moderator);
		expect(response.status).toBe(403);
		expect(await response.text()).toContain('nur für Organisator*innen');
	});

	it.each(FILES)('%s for an organiser: %s as an attachment, never cached', async (path, type, name) => {
		const response = await get(`${base}/${path}`, organiser);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe(type);
		expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${name}"`);
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		const body = Buffer.from(await response.arrayBuffer());
		const start = { 'application/pdf': '%PDF-', 'text/csv; charset=utf-8': '\ufeff' }[type] ?? 'PK';
		expect(body.toString('utf8', 0, Buffer.byteLength(start))).toBe(start);
	});

	it('an unknown event or table: 404 in German', async () => {
		for (const path of ['/organisation/veranstaltungen/999999/druck/tischkarten.pdf', '/organisation/veranstaltungen/abc/daten/rohdaten.xlsx']) {
			const response = await get(path, organiser);
			expect(response.status).toBe(404);
			expect(await response.text()).toContain('Diese Veranstaltung gibt es nicht');
		}
		const table = await get(`${base}/daten/teilnehmende.csv`, organiser);
		expect(table.status).toBe(404);
		expect(await table.text()).toContain('Diese Tabelle gibt es nicht');
	});

	it('the printed QR codes lead where the downloads page says', async () => {
		const page = await (await get(`${base}/downloads`, organiser)).text();
		const joinUrl = /Die QR-Codes führen zu <strong[^>]*>([^<]+)<\/strong>/.exec(page)?.[1];
		expect(joinUrl).toMatch(/^http:\/\/[^/]+\/DEMO$/);

		const poster = await readPdf(Buffer.from(await (await get(`${base}/druck/plakat.pdf`, organiser)).arrayBuffer()));
		expect(poster.pages.map((p) => p.url)).toEqual([joinUrl]);
		expect(poster.text).toContain(`oder öffnen Sie ${joinUrl!.replace('http://', '')}`);
	});
});

describe('the downloads page in the browser', () => {
	it('lists every download with an explanation and passes axe (WCAG 2.1 AA), also at 320 px', async () => {
		browser = await launchBrowser();
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'de-DE', bypassCSP: true });
		const [name, value] = organiser.split('=') as [string, string];
		await context.addCookies([{ name, value, url: app.url }]);
		const page = await context.newPage();
		await page.goto(`${app.url}${base}/downloads`);

		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Downloads');
		for (const [path] of FILES) expect(await page.locator(`a[href="${base}/${path}"]`).count()).toBe(1);
		expect(await page.getByText('Tischkarten', { exact: true }).locator('..').getByText('PDF, 13 Seiten').isVisible()).toBe(true);
		expect(await page.getByText(/öffnet sich mit Doppelklick in\s+Excel/).isVisible()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);

		await page.setViewportSize({ width: 320, height: 640 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
	});
});
