import Database from 'better-sqlite3';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCounts } from '../support/counts';
import { launchBrowser, phoneViewport, startApp, type RunningApp } from './support/app';
import { axeViolations } from './support/axe';
import { postSignIn, sessionCookie } from './support/sign-in';

const ADMIN = { email: 'planung@oberhausen.de', password: 'richtiges-passwort-1' };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'de-DE' };

const HEADER = 'Themeninsel;Angebot;Beschreibung;Kontakt;Web';
const GOOD = [
	HEADER,
	'Gesundheit;Zahnmedizinischer Dienst;Prophylaxe in Kitas und Schulen;Stadt Oberhausen, Bereich 3-4 Gesundheit;www.oberhausen.de/gesundheit',
	'Jugend;Angebote der Kinder- und Jugendarbeit;;Stadt Oberhausen, Bereich 3-1 Kinder, Jugend und Familie;www.oberhausen.de/jugend',
	'Gesundheit;Kompetenzzentrum Suchtberatung;Beratung, Behandlung – kostenlos und anonym;Stadt Oberhausen, Bereich 3-4 Gesundheit;www.oberhausen.de/gesundheit'
];
// Row 7 as Excel numbers it: the header is row 1, row 5 is empty.
const BAD = [...GOOD, '', 'Jugend;Offene Tür;;;', 'Jugend;;Treffpunkt für Jugendliche;;'];

let app: RunningApp;
let browser: Browser;
let cookie: string;
let importPath: string;

function counts() {
	const db = new Database(app.databaseFile, { readonly: true });
	try {
		return tableCounts(db);
	} finally {
		db.close();
	}
}

beforeAll(async () => {
	app = await startApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
	browser = await launchBrowser();
	cookie = sessionCookie(await postSignIn(app.url, ADMIN))!;
	const db = new Database(app.databaseFile, { readonly: true });
	const { id } = db.prepare("select id from event where join_code = 'DEMO'").get() as { id: number };
	db.close();
	importPath = `/organisation/veranstaltungen/${id}/import`;
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function open(options: BrowserContextOptions = desktop): Promise<Page> {
	const context = await browser.newContext(options);
	const [name, value] = cookie.split('=') as [string, string];
	await context.addCookies([{ name, value, url: app.url }]);
	const page = await context.newPage();
	await page.goto(`${app.url}${importPath}`);
	return page;
}

async function upload(page: Page, name: string, lines: string[]) {
	await page.getByLabel('Datei mit der Einrichtung').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${lines.join('\r\n')}`) });
	await page.getByRole('button', { name: 'Datei prüfen' }).click();
}

describe('importing a set-up into the demo event', () => {
	it('a CSV with a bad row: a German table of the bad rows, the focus on it, and the database unchanged', async () => {
		const before = counts();
		const page = await open();

		await upload(page, 'angebote.csv', BAD);

		const heading = page.getByRole('heading', { name: 'Die Datei kann nicht übernommen werden' });
		await heading.waitFor();
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('problems-title');
		const rows = page.getByRole('table').getByRole('row');
		expect(await rows.count()).toBe(2);
		expect(await rows.nth(1).getByRole('cell').allTextContents()).toEqual(['Zeile 7, Spalte Angebot', 'Das Angebot fehlt.']);
		expect(await page.getByText('Die Datei „angebote.csv“ enthält einen Fehler. Es wurde nichts geändert.').isVisible()).toBe(true);
		const input = page.getByLabel('Datei mit der Einrichtung');
		expect(await input.getAttribute('aria-invalid')).toBe('true');
		expect(await input.getAttribute('aria-describedby')).toBe('file-hint problems-summary');
		expect(await page.title()).toMatch(/^Fehler: Einrichtung aus Datei übernehmen/);
		expect(counts()).toEqual(before);
	});

	it('works without JavaScript too', async () => {
		const page = await open({ ...desktop, javaScriptEnabled: false });

		await upload(page, 'angebote.csv', BAD);

		await page.getByRole('heading', { name: 'Die Datei kann nicht übernommen werden' }).waitFor();
		expect(await page.getByRole('table').getByRole('row').nth(1).getByRole('cell').allTextContents()).toEqual(['Zeile 7, Spalte Angebot', 'Das Angebot fehlt.']);
	});

	it('a good CSV: a preview of the Themeninseln with their offers, a confirm button, and still nothing written', async () => {
		const before = counts();
		const page = await open();

		await upload(page, 'angebote.csv', GOOD);

		await page.getByRole('heading', { name: 'Vorschau: „angebote.csv“' }).waitFor();
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('preview-title');
		expect(await page.getByText('Die Datei enthält 2 Themeninseln mit 3 Angeboten.').isVisible()).toBe(true);
		expect(await page.getByText('Beim Übernehmen ersetzen sie die bisherigen 13 Themeninseln mit 36 Angeboten.').isVisible()).toBe(true);
		for (const name of ['Themeninsel 1: Gesundheit', 'Themeninsel 2: Jugend']) {
			expect(await page.getByRole('heading', { level: 4, name, exact: true }).isVisible()).toBe(true);
		}
		expect(await page.getByRole('list', { name: 'Angebote' }).first().getByRole('listitem').allInnerTexts()).toEqual([
			'Zahnmedizinischer Dienst\nProphylaxe in Kitas und Schulen',
			'Kompetenzzentrum Suchtberatung\nBeratung, Behandlung – kostenlos und anonym'
		]);
		expect(await page.getByRole('button', { name: 'Einrichtung übernehmen' }).isEnabled()).toBe(true);
		expect(counts()).toEqual(before);
	});

	it('passes axe (WCAG 2.1 AA) with errors and with a preview, and fits a phone', async () => {
		// axe-core is injected as a script, which the app's Content-Security-Policy rightly blocks.
		const page = await open({ ...phoneViewport, bypassCSP: true });
		expect(await axeViolations(page)).toEqual([]);

		await upload(page, 'angebote.csv', BAD);
		await page.getByRole('table').waitFor();
		expect(await axeViolations(page)).toEqual([]);

		await upload(page, 'angebote.csv', GOOD);
		await page.getByRole('button', { name: 'Einrichtung übernehmen' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	});
});

describe('downloads', () => {
	it('the template: CSV with BOM, `;` and the five columns', async () => {
		const response = await fetch(`${app.url}${importPath}/vorlage.csv`, { headers: { cookie } });

		expect(response.headers.get('content-disposition')).toBe('attachment; filename="vorlage-einrichtung.csv"');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		// TextDecoder drops the BOM it checked above.
		expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toBe(HEADER);
	});

	it('the export: the demo event as a JSON attachment; signed out, to the sign-in', async () => {
		const path = importPath.replace(/import$/, 'export.json');
		const response = await fetch(`${app.url}${path}`, { headers: { cookie } });

		expect(response.headers.get('content-disposition')).toBe('attachment; filename="einrichtung-alstaden-lirich-2023-09-06.json"');
		const file = await response.json();
		expect(file.event.themeninseln).toHaveLength(13);
		expect((await fetch(`${app.url}${path}`, { redirect: 'manual' })).status).toBe(303);
	});
});
