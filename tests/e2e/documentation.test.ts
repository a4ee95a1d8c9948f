import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phonePhoto } from '../documentation/conference';
import { readPdf, squeeze } from '../documentation/read-files';
import { launchBrowser, startApp, type RunningApp } from './support/app';
import { axeViolations } from './support/axe';
import { postSignIn, sessionCookie } from './support/sign-in';

const ADMIN = { email: 'planung@oberhausen.de', password: 'richtiges-passwort-1' };
const MODERATOR = { email: 'tisch5@oberhausen.de', password: 'moderation-2025' };
const FAZIT = 'Ein eigenes Fazit aus dem Browser: „Danke“ an alle Expert*innen – Ärger gab es keinen.';

let app: RunningApp;
let browser: Browser;
let organiser: string;
let moderator: string;
let base: string;
let seriesId: number;

beforeAll(async () => {
	app = await startApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
	const env = { PATH: process.env.PATH, DATABASE_URL: app.databaseFile };
	for (const args of [
		[resolve('build/fill-demo.js'), '--participants', '30', '--feedback', '30'],
		[resolve('build/user.js'), 'add', MODERATOR.email, '--role', 'moderator', '--password', MODERATOR.password]
	]) {
		const done = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
		if (done.status !== 0) throw new Error(`${args[0]}: ${done.stderr}`);
	}
	organiser = sessionCookie(await postSignIn(app.url, ADMIN))!;
	moderator = sessionCookie(await postSignIn(app.url, MODERATOR))!;
	const db = new Database(app.databaseFile, { readonly: true });
	const row = db.prepare("select id, series_id as seriesId from event where join_code = 'DEMO'").get() as { id: number; seriesId: number };
	db.close();
	base = `/organisation/veranstaltungen/${row.id}`;
	seriesId = row.seriesId;
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const get = (path: string, cookie?: string) => fetch(`${app.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

async function signedIn(cookie: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', ...options });
	const [name, value] = cookie.split('=') as [string, string];
	await context.addCookies([{ name, value, url: app.url }]);
	return context;
}

describe('who may see what', () => {
	it('the Dokumentation, its files and the comparison: organisers only', async () => {
		const paths = [`${base}/dokumentation`, `${base}/dokumentation/dokumentation.pdf`, `${base}/dokumentation/dokumentation.docx`, `/organisation/reihen/${seriesId}/vergleich`, `/organisation/reihen/${seriesId}/dokumentation/dokumentation.pdf`];
		for (const path of paths) {
			const anonymous = await get(path);
			expect(anonymous.status, path).toBe(303);
			expect(anonymous.headers.get('location')).toBe(`/anmelden?weiter=${encodeURIComponent(path)}`);
			expect((await get(path, moderator)).status, path).toBe(403);
		}
	});

	it('the photos: organisers and moderators, nobody else', async () => {
		expect((await get(`${base}/fotos`)).status).toBe(303);
		expect((await get(`${base}/fotos`, moderator)).status).toBe(200);
		expect((await get(`${base}/fotos`, organiser)).status).toBe(200);
	});
});

describe('the preview', () => {
	it('shows cards as text: markup is escaped, never run', async () => {
		const html = await (await get(`${base}/dokumentation`, organiser)).text();
		// Svelte escapes `<` (and `&`) in text, which is what keeps a tag from opening.
		expect(html).toMatch(/&lt;script(>|&gt;)alert\(1\)&lt;\/script(>|&gt;)/);
		expect(html).not.toContain('<script>alert(1)');
	});

	it('edits the Fazit, then downloads the PDF with it, showing that it is being made', async () => {
		const page = await (await signedIn(organiser, { bypassCSP: true })).newPage();
		await page.goto(`${app.url}${base}/dokumentation`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Dokumentation');
		expect(await page.getByRole('heading', { name: 'Wohnumfeld' }).isVisible()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('textbox', { name: 'Fazit', exact: true }).fill(FAZIT);
		await page.getByRole('button', { name: 'Texte speichern' }).click();
		await page.getByRole('status').filter({ hasText: 'Die Texte sind gespeichert.' }).waitFor();
		await page.locator('#fazit + *').filter({ hasText: FAZIT }).waitFor();
		expect(await page.getByText('Eigener Text', { exact: true }).count()).toBe(1);

		const download = page.waitForEvent('download', { timeout: 60_000 });
		const busy = page.getByRole('link', { name: 'Die Dokumentation wird erstellt …' }).waitFor({ timeout: 10_000 });
		await page.getByRole('link', { name: 'Als PDF' }).click();
		await busy;
		const file = await download;
		expect(file.suggestedFilename()).toBe('dokumentation-alstaden-lirich-2023-09-06.pdf');
		const pdf = readFileSync((await file.path())!);
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(squeeze(readPdf(pdf).text)).toContain(squeeze(FAZIT));
		await page.getByRole('link', { name: 'Als PDF' }).waitFor();
	});

	it('still downloads without JavaScript, as a plain link', async () => {
		const response = await get(`${base}/dokumentation/dokumentation.docx`, organiser);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="dokumentation-alstaden-lirich-2023-09-06.docx"');
		expect(response.headers.get('cache-control')).toBe('private, no-store');
		expect(Buffer.from(await response.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
	});
});

describe('photos from a phone', () => {
	it('a moderator uploads a photo with GPS data; it is served without any metadata, and shows in the preview', async () => {
		const context = await signedIn(moderator, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
		const page = await context.newPage();
		await page.goto(`${app.url}${base}/fotos`);
		expect(await axeViolations(page)).toEqual([]);
		const table = page.getByRole('region', { name: 'Themeninsel 1: Wohnumfeld' });
		await table.getByLabel('Foto mit der Kamera aufnehmen').setInputFiles({ name: 'pinnwand.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
		await table.getByLabel('Bildunterschrift (freiwillig)').fill('Pinnwand am Mittag');
		await table.getByRole('button', { name: 'Foto hochladen' }).click();
		await table.getByRole('status').filter({ hasText: 'Das Foto ist gespeichert' }).waitFor();
		const image = table.getByRole('img', { name: 'Pinnwand am Mittag' });
		await image.waitFor();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

		const src = (await image.getAttribute('src'))!;
		expect((await get(src)).status).toBe(303);
		const served = await get(src, moderator);
		expect(served.headers.get('content-type')).toBe('image/jpeg');
		const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
		expect(meta.exif).toBeUndefined();
		expect(Math.max(meta.width!, meta.height!)).toBe(1600);

		await table.getByLabel('oder ein gespeichertes Foto auswählen', { exact: false }).setInputFiles({ name: 'foto.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('kein Bild') });
		await table.getByRole('button', { name: 'Foto hochladen' }).click();
		await table.getByRole('alert').filter({ hasText: 'Das ist kein Foto (JPEG, PNG oder WebP).' }).waitFor();

		const preview = await (await get(`${base}/dokumentation`, organiser)).text();
		expect(preview).toContain(src);
	});
});

describe('the comparison of the series', () => {
	it('shows a heat map with the share in every cell and passes axe', async () => {
		const page = await (await signedIn(organiser, { bypassCSP: true })).newPage();
		await page.goto(`${app.url}/organisation/reihen/${seriesId}/vergleich`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Vergleich der Sozialräume');
		const table = page.getByRole('table');
		expect(await table.getByRole('columnheader', { name: /Alstaden\/Lirich/ }).count()).toBe(1);
		expect(await table.getByRole('rowheader', { name: 'Bürgergeld', exact: true }).count()).toBe(1);
		expect(await table.locator('td strong').first().textContent()).toMatch(/^\d+\s%$/);
		expect(await axeViolations(page)).toEqual([]);
	});
});
