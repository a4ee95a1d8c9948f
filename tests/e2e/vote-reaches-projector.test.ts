import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneViewport, projectorViewport, startApp, type RunningApp } from './support/app';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	app = await startApp();
	// The projector starts on the Beitreten screen; the live results are on the World-Café screen.
	const db = new Database(app.databaseFile, { fileMustExist: true });
	try {
		expect(db.prepare(`update event set display_screen = 'board' where join_code = 'DEMO'`).run().changes).toBe(1);
	} finally {
		db.close();
	}
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

const OFFER = 'Angebote des Bereichs Umwelt';
const yesOnProjector = (projector: Page) =>
	projector.locator('li', { hasText: OFFER }).getByTestId('yes').textContent();

describe('a vote from a phone', () => {
	it('appears on the projector within a second and stays selected after a reload', async () => {
		const projector = await (await browser.newContext(projectorViewport)).newPage();
		await projector.goto(app.projectorUrl);
		await expect.poll(() => yesOnProjector(projector)).toBe('0');

		const phone = await (await browser.newContext(phoneViewport)).newPage();
		await phone.goto(`${app.url}/DEMO/1`);
		await phone.getByText('Verbunden').waitFor();
		await expect.poll(() => projector.getByTestId('participant-count').textContent()).toBe('1');

		const yes = phone.getByRole('group', { name: OFFER }).getByRole('button', { name: 'Ja' });
		await yes.click();
		await expect.poll(() => yesOnProjector(projector), { timeout: 1000, interval: 50 }).toBe('1');

		await phone.getByText('gespeichert').waitFor();
		expect(await yes.getAttribute('aria-pressed')).toBe('true');

		await phone.reload();
		await phone.getByText('Verbunden').waitFor();
		const yesAfterReload = phone.getByRole('group', { name: OFFER }).getByRole('button', { name: 'Ja' });
		expect(await yesAfterReload.getAttribute('aria-pressed')).toBe('true');
		expect(await phone.getByRole('group', { name: OFFER }).getByRole('button', { name: 'Nein' }).getAttribute('aria-pressed')).toBe('false');
	});

	it('can be changed from Ja to Nein, and the projector follows', async () => {
		const projector = await (await browser.newContext(projectorViewport)).newPage();
		await projector.goto(app.projectorUrl);
		const phone = await (await browser.newContext(phoneViewport)).newPage();
		await phone.goto(`${app.url}/demo/1`);
		await phone.getByText('Verbunden').waitFor();
		const group = phone.getByRole('group', { name: 'Integrierte Stadtentwicklung im Quartier' });

		await group.getByRole('button', { name: 'Ja' }).click();
		await group.getByRole('button', { name: 'Nein' }).click();

		const row = projector.locator('li', { hasText: 'Integrierte Stadtentwicklung im Quartier' });
		await expect.poll(() => row.getByTestId('no').textContent()).toBe('1');
		expect(await row.getByTestId('yes').textContent()).toBe('0');
		expect(await group.getByRole('button', { name: 'Nein' }).getAttribute('aria-pressed')).toBe('true');
	});
});
