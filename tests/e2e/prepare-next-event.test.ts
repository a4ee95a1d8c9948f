import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, type RunningApp } from './support/app';

const ORGANISER = { email: 'planung@oberhausen.de', password: 'sozialplanung-2023' };

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	app = await startApp({ ADMIN_EMAIL: ORGANISER.email, ADMIN_PASSWORD: ORGANISER.password });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

describe('preparing the next event of the round', () => {
	it('an organiser duplicates the demo to Osterfeld, edits its set-up, downloads print PDF and CSV, and signs out', async () => {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE', acceptDownloads: true });
		const page = await context.newPage();

		await page.goto(`${app.url}/anmelden`);
		await page.getByLabel('E-Mail-Adresse').fill(ORGANISER.email);
		await page.getByLabel('Passwort', { exact: true }).fill(ORGANISER.password);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForURL(`${app.url}/organisation`);

		// Duplicate the demo event into Osterfeld on 2023-09-28 (one of the series' open dates).
		await page.getByRole('link', { name: 'Verwalten' }).first().click();
		await page.getByRole('heading', { name: 'Nächste Veranstaltung vorbereiten' }).waitFor();
		await page.getByLabel('Termin der Reihe').selectOption({ label: 'Donnerstag, 28. September 2023 – Osterfeld' });
		await page.getByRole('button', { name: 'Veranstaltung anlegen' }).click();
		await page.getByRole('heading', { level: 1, name: 'Expert*innendialog im Sozialraum Osterfeld' }).waitFor();
		expect(await page.getByText('Donnerstag, 28. September 2023 · Osterfeld').count()).toBe(1);
		const eventUrl = page.url().replace(/\?.*$/, '');

		// Rename a Themeninsel and add an offer to it.
		await page.getByRole('link', { name: 'Themeninseln und Fragen' }).click();
		await page.getByText('Wohnumfeld').first().click();
		const title = page.getByLabel('Titel der Themeninsel').first();
		await title.fill('Wohnumfeld und Klima');
		await page.getByRole('button', { name: 'Themeninsel speichern: Wohnumfeld' }).click();
		await page.getByRole('status').filter({ hasText: 'Gespeichert.' }).first().waitFor();
		const newOffer = page.getByLabel('Neues Angebot').first();
		await newOffer.waitFor();
		await newOffer.fill('Klimaanpassung im Quartier');
		await page.getByRole('button', { name: 'Angebot hinzufügen zu Wohnumfeld und Klima' }).click();
		await page.getByRole('status').filter({ hasText: 'Das Angebot „Klimaanpassung im Quartier“ ist hinzugefügt.' }).waitFor();

		// The participant page of the new event shows the change.
		const code = (await page.goto(eventUrl), await page.locator('.code').first().textContent())!.trim();
		const phone = await context.newPage();
		await phone.goto(`${app.url}/${code}/1`);
		await phone.getByRole('heading', { level: 1, name: 'Wohnumfeld und Klima' }).waitFor();
		expect(await phone.getByRole('heading', { name: 'Klimaanpassung im Quartier' }).count()).toBe(1);
		await phone.close();

		// Print PDF and CSV downloads.
		await page.goto(`${eventUrl}/downloads`);
		for (const [link, type] of [
			[/tischkarten\.pdf$/, 'application/pdf'],
			[/angebote\.csv$/, 'text/csv']
		] as const) {
			const href = await page.locator('a').evaluateAll(
				(anchors, pattern) => anchors.map((a) => (a as HTMLAnchorElement).href).find((h) => new RegExp(pattern).test(h)),
				link.source
			);
			expect(href).toBeTruthy();
			const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`a[href$="${new URL(href!).pathname}"]`).first().click()]);
			const body = await (await context.request.get(href!)).body();
			expect(download.suggestedFilename()).toContain('osterfeld-2023-09-28');
			if (type === 'application/pdf') expect(body.subarray(0, 5).toString()).toBe('%PDF-');
			else expect(body.toString('utf8')).toContain('Klimaanpassung im Quartier');
		}

		// Sign out: an organiser page then redirects to the sign-in.
		await page.getByRole('button', { name: 'Abmelden' }).click();
		await page.waitForURL(/\/anmelden|\/abmelden/);
		await page.goto(eventUrl);
		expect(new URL(page.url()).pathname).toBe('/anmelden');
	});
});
