import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneViewport, projectorViewport, startApp, type RunningApp } from './support/app';
import { axeViolations } from './support/axe';

const ORGANISER = { email: 'planung@oberhausen.de', password: 'richtiges-passwort-1' };
const MODERATOR = { email: 'tisch3@oberhausen.de', password: 'moderation-2025' };
const EVENT = 'Expert*innendialog im Sozialraum Alstaden/Lirich';
/** Waiting for what the server sends live (the word cloud is laid out at most twice a second). */
const settled = { timeout: 5000, interval: 50 };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'de-DE' };

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	app = await startApp({ ADMIN_EMAIL: ORGANISER.email, ADMIN_PASSWORD: ORGANISER.password });
	const added = spawnSync(
		process.execPath,
		[resolve('build/user.js'), 'add', MODERATOR.email, '--role', 'moderator', '--password', MODERATOR.password],
		{ env: { PATH: process.env.PATH, DATABASE_URL: app.databaseFile }, encoding: 'utf8' }
	);
	expect(added.status, added.stderr).toBe(0);
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

// ---- helpers ----------------------------------------------------------------------------------

async function signIn(account: { email: string; password: string }, options: BrowserContextOptions = desktop): Promise<Page> {
	const page = await (await browser.newContext(options)).newPage();
	await page.goto(`${app.url}/anmelden`);
	await page.getByLabel('E-Mail-Adresse').fill(account.email);
	await page.getByLabel('Passwort', { exact: true }).fill(account.password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
	await page.waitForURL(`${app.url}/organisation`);
	return page;
}

/** Signs in and goes from the event list to the event's control page, as a moderator would. */
async function openControl(account = MODERATOR, options: BrowserContextOptions = desktop): Promise<Page> {
	const page = await signIn(account, options);
	await page.getByRole('article', { name: EVENT }).getByRole('link', { name: 'Steuern und moderieren' }).click();
	await page.getByRole('heading', { name: 'Steuerung und Moderation' }).waitFor();
	await page.getByRole('status').filter({ hasText: 'Live verbunden' }).waitFor();
	return page;
}

async function openProjector(): Promise<Page> {
	const page = await (await browser.newContext(projectorViewport)).newPage();
	await page.goto(app.projectorUrl);
	await page.locator('[data-screen]').waitFor();
	return page;
}

async function openPhone(path: string): Promise<Page> {
	const page = await (await browser.newContext(phoneViewport)).newPage();
	await page.goto(`${app.url}${path}`);
	await page.getByRole('status').filter({ hasText: 'Verbunden' }).waitFor();
	return page;
}

/** Sends feedback words from a phone at /DEMO/feedback and waits until each is stored. */
async function sendFeedback(phone: Page, ...words: string[]) {
	const input = phone.getByLabel('Ein oder zwei Wörter');
	await expect.poll(() => input.isEnabled(), { ...settled, message: 'the feedback is open on the phone' }).toBe(true);
	for (const word of words) {
		await input.fill(word);
		await phone.getByRole('button', { name: 'Senden' }).click();
		await phone.getByRole('listitem').filter({ hasText: word }).getByText('gespeichert').waitFor();
	}
}

async function sendCard(phone: Page, text: string) {
	const prompt = phone.getByRole('region', { name: 'Wie kann das Angebot bekannter gemacht werden?' });
	await prompt.getByLabel('Ihre Karte').fill(text);
	await prompt.getByRole('button', { name: 'Karte senden' }).click();
	await prompt.getByRole('listitem').filter({ hasText: text }).getByText('gespeichert').waitFor();
}

/** A screen's toggle button: its name is the screen and a short hint ("Feedback Die Wortwolke"). */
const screenButton = (control: Page, label: string) =>
	control.getByRole('group', { name: 'Was zeigt der Beamer?' }).getByRole('button', { name: new RegExp(`^${label} `) });
const phaseSwitch = (control: Page, name: 'World-Café' | 'Feedback') => control.getByRole('switch', { name, exact: true });
const queueEntry = (control: Page, text: string): Locator =>
	control.getByRole('list', { name: 'Moderation' }).getByRole('listitem').filter({ hasText: text });
const projectorScreen = (projector: Page) => projector.locator('[data-screen]').getAttribute('data-screen');

/** The words of the projector's word cloud, from its visually hidden list ("spannend: 2 Nennungen"). */
async function cloudWords(projector: Page): Promise<string[]> {
	const items = await projector.getByRole('list', { name: 'Wörter der Wortwolke' }).getByRole('listitem').allTextContents();
	return items.map((item) => item.replace(/:[^:]*$/, '').trim().toLocaleLowerCase('de-DE'));
}

async function openFeedback(control: Page) {
	const feedback = phaseSwitch(control, 'Feedback');
	if ((await feedback.getAttribute('aria-checked')) !== 'true') await feedback.click();
	await expect.poll(() => feedback.getAttribute('aria-checked'), settled).toBe('true');
}

async function show(control: Page, projector: Page, label: string, screen: string) {
	await screenButton(control, label).click();
	await expect.poll(() => projectorScreen(projector), settled).toBe(screen);
	// The control page hears of the change by the same broadcast, not necessarily first.
	await expect.poll(() => screenButton(control, label).getAttribute('aria-pressed'), settled).toBe('true');
}

// ---- tests ------------------------------------------------------------------------------------

describe('moderating the word cloud', () => {
	it('a feedback word a moderator hides leaves the projector within a second', async () => {
		const control = await openControl();
		const projector = await openProjector();
		await openFeedback(control);
		const phone = await openPhone('/DEMO/feedback');
		await sendFeedback(phone, 'spannend', 'gut vernetzt');
		await show(control, projector, 'Feedback', 'feedback');
		await expect.poll(() => cloudWords(projector), settled).toEqual(expect.arrayContaining(['spannend', 'gut vernetzt']));

		const entry = queueEntry(control, 'spannend');
		await entry.getByText('sichtbar', { exact: true }).waitFor();
		await entry.getByRole('button', { name: 'Ausblenden' }).click();

		await expect.poll(() => cloudWords(projector), { timeout: 1000, interval: 50 }).not.toContain('spannend');
		expect(await cloudWords(projector)).toContain('gut vernetzt');
		await entry.getByText('ausgeblendet', { exact: true }).waitFor();
		// The same button now shows it again, and the focus stayed on the entry.
		await expect.poll(() => control.evaluate(() => document.activeElement?.textContent?.trim()), settled).toBe('Einblenden');
	});

	it('a blocked word never reaches the projector, waits in the queue as zurückgehalten, and appears once approved', async () => {
		const control = await openControl();
		const projector = await openProjector();
		await openFeedback(control);
		await show(control, projector, 'Feedback', 'feedback');
		const phone = await openPhone('/DEMO/feedback');

		await sendFeedback(phone, 'Arschloch', 'hilfreich');
		// The cloud was laid out again after both arrived; the blocked one must not be in it, now or later.
		await expect.poll(() => cloudWords(projector), settled).toContain('hilfreich');
		for (const started = Date.now(); Date.now() - started < 2000; await projector.waitForTimeout(100)) {
			expect(await cloudWords(projector)).not.toContain('arschloch');
		}

		const entry = queueEntry(control, 'Arschloch');
		await entry.getByText('zurückgehalten (Sperrliste: „arsch“)').waitFor();
		await expect
			.poll(() => control.getByRole('status').filter({ hasText: 'Zurückgehalten, bitte prüfen' }).count())
			.toBe(1);
		const heldFilter = control.getByRole('group', { name: 'Einträge filtern' }).getByRole('button', { name: /^Zurückgehalten/ });
		expect(await heldFilter.textContent()).toMatch(/\(1\)/);

		await heldFilter.click();
		expect(await heldFilter.getAttribute('aria-pressed')).toBe('true');
		await entry.getByRole('button', { name: 'Freigeben' }).click();

		await expect.poll(() => cloudWords(projector), settled).toContain('arschloch');
		await control.getByText('Nichts zurückgehalten.').waitFor();
	});
});

describe('the projector follows the control page', () => {
	it('switches between the five screens; the Themeninsel screen shows that table’s cards', async () => {
		const control = await openControl();
		const projector = await openProjector();
		const phone = await openPhone('/DEMO/1');
		await sendCard(phone, 'Plakate an der Haltestelle');

		await show(control, projector, 'World-Café', 'board');
		await show(control, projector, 'Countdown', 'countdown');
		await show(control, projector, 'Feedback', 'feedback');
		await show(control, projector, 'Beitreten', 'join');

		await control.getByLabel('Themeninsel auf dem Beamer').selectOption({ index: 0 });
		await expect.poll(() => projectorScreen(projector), settled).toBe('station');
		await expect.poll(() => screenButton(control, 'Themeninsel').getAttribute('aria-pressed'), settled).toBe('true');
		const wallCards = projector.getByTestId('wall-card');
		await expect.poll(() => wallCards.allTextContents(), settled).toEqual(['Plakate an der Haltestelle']);

		await control.getByRole('button', { name: 'Nächste' }).click();
		await expect.poll(() => control.getByText('Jetzt: Themeninsel 2:', { exact: false }).count(), settled).toBe(1);
		await expect.poll(() => wallCards.count(), settled).toBe(0);
		expect(await projectorScreen(projector)).toBe('station');
	});

	it('runs the countdown: start, pause, reset', async () => {
		const control = await openControl();
		const panel = control.getByRole('region', { name: 'Countdown' });
		const time = panel.getByRole('timer');
		expect(await time.textContent()).toBe('75:00');

		await panel.getByRole('button', { name: 'Starten' }).click();
		await panel.getByText('läuft').waitFor();
		await expect.poll(() => time.textContent(), { timeout: 3000 }).toMatch(/^74:5\d$/);

		await panel.getByRole('button', { name: 'Pausieren' }).click();
		await panel.getByText('angehalten').waitFor();
		const paused = await time.textContent();
		await control.waitForTimeout(1200);
		expect(await time.textContent()).toBe(paused);

		await panel.getByRole('button', { name: 'Zurücksetzen' }).click();
		await panel.getByText('nicht gestartet (75 Minuten)').waitFor();
		expect(await time.textContent()).toBe('75:00');
		expect(await panel.getByRole('button', { name: 'Starten' }).isVisible()).toBe(true);
	});
});

describe('phases', () => {
	it('closing the World-Café asks first, then reaches the phones; opening does not ask', async () => {
		const control = await openControl();
		const phone = await openPhone('/DEMO/1');
		const worldCafe = phaseSwitch(control, 'World-Café');
		expect(await worldCafe.getAttribute('aria-checked')).toBe('true');

		await worldCafe.click();
		const dialog = control.getByRole('dialog', { name: 'World-Café schließen?' });
		await dialog.waitFor();
		await dialog.getByRole('button', { name: 'Abbrechen' }).click();
		await dialog.waitFor({ state: 'hidden' });
		expect(await worldCafe.getAttribute('aria-checked')).toBe('true');
		expect(await control.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('switch');

		await worldCafe.click();
		await dialog.getByRole('button', { name: 'World-Café schließen' }).click();
		await expect.poll(() => worldCafe.getAttribute('aria-checked'), settled).toBe('false');
		expect(await control.getByText('geschlossen: keine Abstimmung, keine neuen Karten').isVisible()).toBe(true);
		await phone.getByRole('status').filter({ hasText: 'Das World-Café ist gerade geschlossen.' }).waitFor();

		await worldCafe.click();
		await expect.poll(() => worldCafe.getAttribute('aria-checked'), settled).toBe('true');
		expect(await dialog.isVisible()).toBe(false);
	});
});

describe('the blocklist', () => {
	it('organisers add and remove terms, with German validation errors', async () => {
		const page = await signIn(ORGANISER);
		await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Sperrliste' }).click();
		await page.getByRole('heading', { name: 'Sperrliste', level: 1 }).waitFor();

		await page.getByLabel('Neuer Begriff').fill('x');
		await page.getByRole('button', { name: 'Hinzufügen' }).click();
		await page.getByText('Bitte mindestens drei Buchstaben oder Ziffern', { exact: false }).waitFor();
		expect(await page.getByLabel('Neuer Begriff').getAttribute('aria-invalid')).toBe('true');
		expect(await page.getByLabel('Neuer Begriff').inputValue()).toBe('x');

		await page.getByLabel('Neuer Begriff').fill('ARSCH');
		await page.getByRole('button', { name: 'Hinzufügen' }).click();
		await page.getByText('„arsch“ steht schon auf der Sperrliste.').waitFor();

		await page.getByLabel('Neuer Begriff').fill('  Schnarchnase ');
		await page.getByRole('button', { name: 'Hinzufügen' }).click();
		await page.getByRole('status').filter({ hasText: '„schnarchnase“ steht jetzt auf der Sperrliste.' }).waitFor();
		const terms = page.getByRole('region', { name: /^Begriffe/ }).getByRole('listitem');
		await terms.filter({ hasText: 'schnarchnase' }).waitFor();
		expect(await page.getByLabel('Neuer Begriff').inputValue()).toBe('');
		expect(await page.getByLabel('Neuer Begriff').getAttribute('aria-invalid')).toBeNull();

		await terms.filter({ hasText: 'schnarchnase' }).getByRole('button', { name: 'Entfernen' }).click();
		await page.getByRole('status').filter({ hasText: '„schnarchnase“ ist nicht mehr auf der Sperrliste.' }).waitFor();
		expect(await terms.filter({ hasText: 'schnarchnase' }).count()).toBe(0);
		// The focus did not fall back to the page: it is on a neighbouring term's button.
		await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim()), settled).toMatch(/^Entfernen/);
	});

	// The pages and the socket server are separate module instances; the blocklist cache must be shared.
	it('a term added in the app holds back new feedback at once', async () => {
		const control = await openControl(ORGANISER);
		await openFeedback(control);
		const phone = await openPhone('/DEMO/feedback');
		// Some feedback first, so the socket server has read the blocklist already (as during any event).
		await sendFeedback(phone, 'anregend');

		const page = await signIn(ORGANISER);
		await page.goto(`${app.url}/organisation/blockliste`);
		await page.getByLabel('Neuer Begriff').fill('Schlafmütze');
		await page.getByRole('button', { name: 'Hinzufügen' }).click();
		await page.getByRole('status').filter({ hasText: 'steht jetzt auf der Sperrliste' }).waitFor();

		await sendFeedback(phone, 'Schlafmützen');
		const entry = queueEntry(control, 'Schlafmützen');
		await entry.waitFor();
		await entry.getByText('zurückgehalten (Sperrliste: „schlafmütze“)').waitFor({ timeout: 3000 });
	});

	it('works without JavaScript', async () => {
		const page = await (await browser.newContext({ ...desktop, javaScriptEnabled: false })).newPage();
		await page.goto(`${app.url}/anmelden?weiter=%2Forganisation%2Fblockliste`);
		await page.getByLabel('E-Mail-Adresse').fill(ORGANISER.email);
		await page.getByLabel('Passwort', { exact: true }).fill(ORGANISER.password);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForURL(`${app.url}/organisation/blockliste`);

		await page.getByLabel('Neuer Begriff').fill('Quatschkopf');
		await page.getByRole('button', { name: 'Hinzufügen' }).click();
		await page.getByText('„quatschkopf“ steht jetzt auf der Sperrliste.').waitFor();
		const term = page.getByRole('listitem').filter({ hasText: 'quatschkopf' });
		await term.getByRole('button', { name: 'Entfernen' }).click();
		await page.getByText('„quatschkopf“ ist nicht mehr auf der Sperrliste.').waitFor();
		expect(await term.count()).toBe(0);
	});

	it('is for organisers only: moderators get a German 403 and no link to it', async () => {
		const page = await signIn(MODERATOR);
		expect(await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Sperrliste' }).count()).toBe(0);
		const response = await page.goto(`${app.url}/organisation/blockliste`);
		expect(response?.status()).toBe(403);
		expect(await page.getByText('Diese Seite ist nur für Organisator*innen.', { exact: false }).isVisible()).toBe(true);
	});
});

describe('the control page', () => {
	it('answers 404 in German for an event that does not exist', async () => {
		const page = await signIn(MODERATOR);
		const response = await page.goto(`${app.url}/organisation/veranstaltungen/99999/steuerung`);
		expect(response?.status()).toBe(404);
		expect(await page.getByText('Diese Veranstaltung gibt es nicht (mehr).', { exact: false }).isVisible()).toBe(true);
	});

	it('says when it is not connected, and nothing can be switched until it is again', async () => {
		const control = await openControl();
		await control.context().setOffline(true);
		await control.getByRole('status').filter({ hasText: 'Verbindung wird hergestellt …' }).waitFor();
		expect(await screenButton(control, 'Countdown').isDisabled()).toBe(true);
		expect(await phaseSwitch(control, 'Feedback').isDisabled()).toBe(true);

		await control.context().setOffline(false);
		await control.getByRole('status').filter({ hasText: 'Live verbunden' }).waitFor();
		expect(await screenButton(control, 'Countdown').isDisabled()).toBe(false);
	});

	it('shows a refusal from the server as a German alert', async () => {
		const control = await openControl();
		// Signed out in another tab: the next action is refused.
		const other = await control.context().newPage();
		await other.goto(`${app.url}/organisation`);
		await other.getByRole('button', { name: 'Abmelden' }).click();
		await other.waitForURL(/\/anmelden/);

		await screenButton(control, 'Countdown').click();
		const alert = control.getByRole('alert');
		await alert.getByText('Nur angemeldete Organisator*innen und Moderator*innen dürfen das.', { exact: false }).waitFor();
		await alert.getByRole('button', { name: 'Meldung schließen' }).click();
		expect(await alert.count()).toBe(0);
	});

	it('passes axe (WCAG 2.1 AA) with entries in the queue and with the confirmation open; so does the blocklist', async () => {
		const control = await openControl(ORGANISER, { ...desktop, bypassCSP: true });
		await openFeedback(control);
		await sendFeedback(await openPhone('/DEMO/feedback'), 'Vollidiot', 'lebendig');
		await queueEntry(control, 'Vollidiot').getByText('zurückgehalten', { exact: false }).waitFor();
		expect(await axeViolations(control)).toEqual([]);

		await phaseSwitch(control, 'World-Café').click();
		await control.getByRole('dialog').waitFor();
		expect(await axeViolations(control)).toEqual([]);
		await control.getByRole('button', { name: 'Abbrechen' }).click();

		await control.goto(`${app.url}/organisation/blockliste`);
		expect(await axeViolations(control)).toEqual([]);
		await control.getByLabel('Neuer Begriff').fill('ab');
		await control.getByRole('button', { name: 'Hinzufügen' }).click();
		await control.getByText('Bitte mindestens drei', { exact: false }).waitFor();
		expect(await axeViolations(control)).toEqual([]);
	});

	it('fits a phone (390 × 844) without horizontal scrolling, with large touch targets', async () => {
		const control = await openControl(MODERATOR, phoneViewport);
		await queueEntry(control, 'Vollidiot').waitFor();
		expect(await control.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

		const small = await control.evaluate(() =>
			[...document.querySelectorAll('main button, main select, main a')]
				.filter((el) => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().height < 44)
				.map((el) => `${el.tagName} ${el.textContent?.trim()}`)
		);
		expect(small).toEqual([]);
	});
});
