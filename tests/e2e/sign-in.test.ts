import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneViewport, startApp, type RunningApp } from './support/app';
import { axeViolations } from './support/axe';
import { postSignIn, sessionCookie } from './support/sign-in';

const ADMIN = { email: 'planung@oberhausen.de', password: 'richtiges-passwort-1' };
const desktop: BrowserContextOptions = { viewport: { width: 1280, height: 800 }, locale: 'de-DE' };

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	app = await startApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

async function open(path: string, options = desktop): Promise<Page> {
	const page = await (await browser.newContext(options)).newPage();
	await page.goto(`${app.url}${path}`);
	return page;
}

async function submit(page: Page, email: string, password: string) {
	await page.getByLabel('E-Mail-Adresse').fill(email);
	await page.getByLabel('Passwort', { exact: true }).fill(password);
	await page.getByRole('button', { name: 'Anmelden' }).click();
}

const SIGN_IN_FOR_ORGANISATION = /\/anmelden\?weiter=%2Forganisation$/;

describe('over HTTP', () => {
	it('/organisation without a session answers a redirect to the sign-in', async () => {
		const response = await fetch(`${app.url}/organisation`, { redirect: 'manual' });

		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/anmelden?weiter=%2Forganisation');
	});

	it('signing in sets an HttpOnly, SameSite=Lax session cookie for the whole site (not Secure over http)', async () => {
		const response = await postSignIn(app.url, { ...ADMIN, weiter: '/organisation' });

		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/organisation');
		const header = response.headers.getSetCookie().find((c) => c.startsWith('dialograum_session='));
		expect(header).toMatch(/^dialograum_session=[\w-]{43}; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);

		const page = await fetch(`${app.url}/organisation`, { headers: { cookie: sessionCookie(response)! } });
		expect(page.status).toBe(200);
		expect(page.headers.get('cache-control')).toBe('private, no-store');
		expect(await page.text()).toContain('DEMO');
	});

	it('refuses a sign-in form posted from another site (SvelteKit’s origin check is on)', async () => {
		const response = await postSignIn(app.url, ADMIN, 'http://evil.example');

		expect(response.status).toBe(403);
		expect(sessionCookie(response)).toBeUndefined();
	});

	it('does not sign out on a plain visit to /abmelden', async () => {
		const cookie = sessionCookie(await postSignIn(app.url, ADMIN))!;

		await fetch(`${app.url}/abmelden`, { headers: { cookie }, redirect: 'manual' });

		expect((await fetch(`${app.url}/organisation`, { headers: { cookie }, redirect: 'manual' })).status).toBe(200);
	});
});

describe('in the browser', () => {
	it('signs in after a wrong password, lists the events, signs out, and is asked to sign in again', async () => {
		const page = await open('/organisation');
		await page.waitForURL(SIGN_IN_FOR_ORGANISATION);

		await submit(page, ADMIN.email, 'falsch-geraten-1');
		const problem = page.getByRole('alert');
		await expect.poll(() => problem.textContent()).toBe('E-Mail oder Passwort ist falsch.');
		const password = page.getByLabel('Passwort', { exact: true });
		expect(await password.getAttribute('aria-describedby')).toBe('sign-in-problem');
		expect(await password.getAttribute('aria-invalid')).toBe('true');
		expect(await password.inputValue()).toBe('');
		expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe(ADMIN.email);
		expect(await page.evaluate(() => document.activeElement?.id)).toBe('password');

		await submit(page, ADMIN.email.toUpperCase(), ADMIN.password);
		await page.waitForURL(`${app.url}/organisation`);
		const event = page.getByRole('article', { name: 'Expert*innendialog im Sozialraum Alstaden/Lirich' });
		await event.waitFor();
		expect(await event.getByText('DEMO', { exact: true }).isVisible()).toBe(true);
		expect(await event.getByText('Mittwoch, 6. September 2023').isVisible()).toBe(true);
		expect(await event.getByRole('link', { name: 'Seite für Teilnehmende' }).getAttribute('href')).toBe('/DEMO');
		expect(`${app.url}${await event.getByRole('link', { name: 'Beamer-Ansicht' }).getAttribute('href')}`).toBe(app.projectorUrl);
		expect(await page.getByText(`Angemeldet als ${ADMIN.email}`).isVisible()).toBe(true);

		await page.getByRole('button', { name: 'Abmelden' }).click();
		await page.waitForURL(/\/anmelden\?abgemeldet$/);
		await page.getByRole('status').filter({ hasText: 'Sie sind abgemeldet.' }).waitFor();

		await page.goto(`${app.url}/organisation`);
		await page.waitForURL(SIGN_IN_FOR_ORGANISATION);
		expect(await page.getByRole('heading', { name: 'Anmelden' }).isVisible()).toBe(true);
	});

	it('passes axe (WCAG 2.1 AA): the sign-in with an error, and the event list', async () => {
		// axe-core is injected as an inline script, which the app's Content-Security-Policy rightly blocks.
		const page = await open('/anmelden', { ...desktop, bypassCSP: true });
		expect(await axeViolations(page)).toEqual([]);

		await submit(page, 'keine-adresse', '');
		await page.getByText('Bitte geben Sie Ihr Passwort ein.').waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await submit(page, ADMIN.email, 'falsch-geraten-2');
		await page.getByRole('alert').waitFor();
		expect(await axeViolations(page)).toEqual([]);

		await submit(page, ADMIN.email, ADMIN.password);
		await page.waitForURL(`${app.url}/organisation`);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('works without JavaScript, on a phone', async () => {
		const page = await open('/organisation', { ...phoneViewport, javaScriptEnabled: false });
		await page.waitForURL(SIGN_IN_FOR_ORGANISATION);

		await submit(page, ADMIN.email, '');
		expect(await page.getByText('Bitte geben Sie Ihr Passwort ein.').isVisible()).toBe(true);
		expect(await page.getByLabel('Passwort', { exact: true }).getAttribute('aria-describedby')).toBe('password-problem');

		await submit(page, ADMIN.email, ADMIN.password);
		await page.waitForURL(`${app.url}/organisation`);
		expect(await page.getByRole('heading', { name: 'Veranstaltungen' }).isVisible()).toBe(true);
	});

	it('keeps what was typed before the page’s script arrived (slow connection)', async () => {
		const page = await (await browser.newContext(desktop)).newPage();
		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${app.url}/anmelden`, { waitUntil: 'domcontentloaded' });
		await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
		await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);

		release();
		await page.waitForLoadState('networkidle');
		expect(await page.getByLabel('E-Mail-Adresse').inputValue()).toBe(ADMIN.email);
		expect(await page.getByLabel('Passwort', { exact: true }).inputValue()).toBe(ADMIN.password);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForURL(`${app.url}/organisation`);
	});

	it('needs no horizontal scrolling at 320 px (WCAG 1.4.10), signed out or in', async () => {
		const page = await open('/organisation', { viewport: { width: 320, height: 640 }, locale: 'de-DE' });
		const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
		await page.waitForURL(SIGN_IN_FOR_ORGANISATION);
		expect(await scrollWidth()).toBeLessThanOrEqual(320);

		await submit(page, ADMIN.email, ADMIN.password);
		await page.getByRole('heading', { name: 'Veranstaltungen' }).waitFor();
		expect(await scrollWidth()).toBeLessThanOrEqual(320);
	});
});
