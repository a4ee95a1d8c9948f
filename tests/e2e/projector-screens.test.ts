import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, DisplayScreen, ServerToClientEvents } from '$lib/realtime/contract';
import { createBus } from '$lib/server/bus';
import { openDatabase } from '$lib/server/db/connection';
import { fillDemo } from '$lib/server/demo/fill-demo';
import { launchBrowser, projectorViewport, startApp, type RunningApp } from './support/app';
import { axeViolations } from './support/axe';
import { postSignIn, sessionCookie } from './support/sign-in';

const ADMIN = { email: 'planung@oberhausen.de', password: 'richtiges-passwort-1' };
const SIZES: [string, BrowserContextOptions][] = [
	['1920×1080', projectorViewport],
	['1280×720', { ...projectorViewport, viewport: { width: 1280, height: 720 } }]
];

let app: RunningApp;
let browser: Browser;
let cookie: string;
let staff: Socket<ServerToClientEvents, ClientToServerEvents>;
let eventId: number;
let stationIds: number[];
let promptIds: number[];

beforeAll(async () => {
	app = await startApp({ ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
	// The running server shares the SQLite file; nothing has asked for the word cloud yet, so it lays out the filled one.
	const { db, sqlite } = openDatabase(app.databaseFile, 'drizzle');
	try {
		eventId = fillDemo({ db, bus: createBus() }, { seed: 7 }).eventId;
		const ids = (sql: string) => (sqlite.prepare(sql).all(eventId) as { id: number }[]).map((r) => r.id);
		stationIds = ids('select id from station where event_id = ? order by position');
		promptIds = ids('select id from prompt where event_id = ? order by position');
	} finally {
		sqlite.close();
	}
	browser = await launchBrowser();
	cookie = sessionCookie(await postSignIn(app.url, ADMIN))!;
	staff = io(app.url, { transports: ['websocket'], reconnection: false, extraHeaders: { cookie } });
	await new Promise<void>((resolve, reject) => {
		staff.once('connect', resolve);
		staff.once('connect_error', reject);
	});
});
// Each open projector keeps a connection and a ticking page: close them after every test.
const contexts: BrowserContext[] = [];
afterEach(async () => {
	await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
	staff?.disconnect();
	await browser?.close();
	await app?.stop();
});

/** What a moderator does on the control surface: the server switches every projector of the event. */
async function control<E extends 'display:show' | 'display:results' | 'countdown:start' | 'countdown:pause' | 'countdown:reset'>(
	name: E,
	payload: Omit<Parameters<ClientToServerEvents[E]>[0], 'eventId'> = {} as never
) {
	const emit = staff.emitWithAck.bind(staff) as (name: E, payload: object) => Promise<{ ok: boolean }>;
	const ack = await emit(name, { eventId, ...payload });
	expect(ack).toMatchObject({ ok: true });
}
const show = (screen: DisplayScreen, stationId?: number) => control('display:show', stationId ? { screen, stationId } : { screen });

async function newContext(options: BrowserContextOptions = projectorViewport): Promise<BrowserContext> {
	const context = await browser.newContext(options);
	contexts.push(context);
	return context;
}

async function openProjector(options: BrowserContextOptions = projectorViewport, path = app.projectorUrl): Promise<Page> {
	const page = await (await newContext(options)).newPage();
	await page.goto(path.startsWith('http') ? path : `${app.url}${path}`);
	await page.getByRole('status').filter({ hasText: 'Verbindung wird hergestellt' }).waitFor({ state: 'hidden' });
	return page;
}

const screenOf = (page: Page) => page.locator('[data-screen]').getAttribute('data-screen');

/** Waits until the page shows `screen`, its fonts are there and the type has been fitted (next frames). */
async function settled(page: Page, screen: DisplayScreen) {
	await expect.poll(() => screenOf(page)).toBe(screen);
	await page.evaluate(async () => {
		await document.fonts.ready;
		for (let i = 0; i < 3; i++) await new Promise(requestAnimationFrame);
	});
}

/**
 * Empty when nothing needs scrolling or is cut off: the page does not scroll; in every box that clips its content,
 * nothing is wider than the box and every block inside starts and ends within it (text alone may reach 0.25 em
 * further down: the glyphs of a tight last line pass its line box); and no box had to give up fitting its type.
 */
const overflowing = (page: Page) =>
	page.evaluate(() => {
		const problems: string[] = [];
		const root = document.documentElement;
		if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) {
			problems.push(`page is ${root.scrollWidth}×${root.scrollHeight} on a ${root.clientWidth}×${root.clientHeight} screen`);
		}
		const describe = (el: Element, why: string) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class')}"> "${el.textContent?.trim().slice(0, 40)}": ${why}`;
		for (const el of document.querySelectorAll<HTMLElement>('[data-screen], [data-screen] *')) {
			if (el.closest('.visually-hidden') || !(el instanceof HTMLElement)) continue;
			const style = getComputedStyle(el);
			if (!/hidden|clip|auto|scroll/.test(`${style.overflowX} ${style.overflowY}`)) continue;
			if (el.scrollWidth > el.clientWidth + 1) problems.push(describe(el, `${el.scrollWidth} px wide in ${el.clientWidth}`));
			const box = el.getBoundingClientRect();
			const top = box.top + el.clientTop - 1;
			const bottom = box.top + el.clientTop + el.clientHeight + 1;
			const blocks = [...el.children].filter((c) => !['inline', 'contents'].includes(getComputedStyle(c).display) && getComputedStyle(c).position !== 'absolute');
			if (blocks.length === 0 && el.scrollHeight > el.clientHeight + 0.25 * parseFloat(style.fontSize)) {
				problems.push(describe(el, `text ${el.scrollHeight} px high in ${el.clientHeight}`));
			}
			for (const child of blocks) {
				const r = child.getBoundingClientRect();
				if (r.top < top || r.bottom > bottom) problems.push(describe(child, `from y=${Math.round(r.top)} to ${Math.round(r.bottom)}, outside ${Math.round(top)}–${Math.round(bottom)}`));
			}
		}
		for (const el of document.querySelectorAll('[data-fit="overflow"]')) problems.push(describe(el, 'type does not fit'));
		return problems;
	});

describe('the projector follows the moderator', () => {
	it('switches live through all five screens', async () => {
		await show('join');
		const projector = await openProjector();
		expect(await screenOf(projector)).toBe('join');
		await expect.poll(() => projector.getByTestId('participant-count').isVisible()).toBe(true);
		expect(await projector.getByRole('img', { name: /QR-Code/ }).isVisible()).toBe(true);

		await show('board');
		await expect.poll(() => screenOf(projector)).toBe('board');
		await projector.getByRole('heading', { level: 1, name: 'Kennen Sie dieses Angebot?' }).waitFor();
		expect(await projector.getByRole('heading', { level: 2 }).count()).toBe(13);

		await show('station', stationIds[9]);
		await expect.poll(() => screenOf(projector)).toBe('station');
		await projector.getByRole('heading', { level: 1, name: 'Gesundheit' }).waitFor();
		expect(await projector.getByTestId('wall-card').count()).toBeGreaterThan(0);

		await show('feedback');
		await expect.poll(() => screenOf(projector)).toBe('feedback');
		const words = projector.getByRole('list', { name: 'Wörter der Wortwolke' });
		await expect.poll(() => words.getByRole('listitem').filter({ hasText: 'informativ' }).count()).toBe(1);
		expect(await projector.getByText('91 Antworten', { exact: false }).count()).toBeGreaterThan(0);

		await show('countdown');
		await expect.poll(() => screenOf(projector)).toBe('countdown');
		await projector.getByRole('timer').waitFor();
	});

	it('shows a new card on the Themeninsel screen as it arrives, newest first, and markup as plain text', async () => {
		await show('station', stationIds[1]);
		const projector = await openProjector();
		await settled(projector, 'station');
		const cards = projector.getByTestId('wall-card');
		await expect.poll(() => cards.filter({ hasText: '<script>alert(1)</script>' }).count()).toBe(1);
		expect(await projector.evaluate(() => document.querySelectorAll('[data-screen] script').length)).toBe(0);

		const phone: Socket<ServerToClientEvents, ClientToServerEvents> = io(app.url, { transports: ['websocket'], reconnection: false });
		try {
			expect(await phone.emitWithAck('participant:join', { code: 'DEMO', participantId: randomUUID() })).toMatchObject({ ok: true });
			const text = 'Aushang in der Bücherei – gerade eben geschrieben';
			const ack = await phone.emitWithAck('card:submit', { clientId: randomUUID(), stationId: stationIds[1]!, promptId: promptIds[0]!, text });
			expect(ack).toMatchObject({ ok: true });
			await expect.poll(() => cards.first().textContent()).toBe(text);
		} finally {
			phone.disconnect();
		}
	});

	it('hides the numbers while the results are hidden, and shows them again', async () => {
		await control('display:results', { visible: true });
		await show('board');
		const projector = await openProjector();
		await settled(projector, 'board');
		await expect.poll(() => projector.getByTestId('yes').count()).toBe(36);

		await control('display:results', { visible: false });
		await expect.poll(() => projector.getByTestId('yes').count()).toBe(0);
		expect(await projector.getByTestId('no').count()).toBe(0);
		expect(await projector.getByText('Ergebnisse werden später gezeigt').isVisible()).toBe(true);
		expect(await projector.locator('li', { hasText: 'Integrationskurse' }).isVisible()).toBe(true);

		await show('station', stationIds[1]);
		await expect.poll(() => screenOf(projector)).toBe('station');
		expect(await projector.getByTestId('yes').count()).toBe(0);

		await control('display:results', { visible: true });
		await expect.poll(() => projector.getByTestId('yes').count()).toBe(3);
	});

	it('shows the countdown huge, ticking every second, marks it paused, and small on the other screens', async () => {
		await control('countdown:reset');
		await show('countdown');
		const projector = await openProjector();
		await settled(projector, 'countdown');
		const timer = projector.getByRole('timer');
		expect(await timer.textContent()).toBe('75:00');
		expect(await projector.getByText('Noch nicht gestartet').isVisible()).toBe(true);

		await control('countdown:start');
		await expect.poll(() => timer.textContent(), { timeout: 3000 }).toBe('74:59');
		await expect.poll(() => timer.textContent(), { timeout: 3000 }).toBe('74:58');

		await control('countdown:pause');
		await projector.getByText('pausiert', { exact: true }).waitFor();
		const paused = await timer.textContent();
		await projector.waitForTimeout(1500);
		expect(await timer.textContent()).toBe(paused);

		await show('board');
		const badge = projector.getByRole('contentinfo').getByText('World-Café');
		await expect.poll(() => badge.isVisible()).toBe(true);
		expect(await projector.getByRole('contentinfo').getByText('pausiert').isVisible()).toBe(true);

		await control('countdown:reset');
		await expect.poll(() => badge.count()).toBe(0);
	});
});

describe('readable from the back: the filled demo fits without scrolling', () => {
	it.each(SIZES)('at %s, on every screen and every Themeninsel', async (_, size) => {
		await control('display:results', { visible: true });
		await control('countdown:reset');
		await control('countdown:start');
		await show('join');
		const projector = await openProjector(size);
		const problems: string[] = [];
		const check = async (label: string, screen: DisplayScreen) => {
			await settled(projector, screen);
			problems.push(...(await overflowing(projector)).map((p) => `${label}: ${p}`));
		};

		await check('Beitreten', 'join');
		await show('board');
		await check('World-Café', 'board');
		await control('display:results', { visible: false });
		await check('World-Café ohne Ergebnisse', 'board');
		await control('display:results', { visible: true });
		for (const [i, id] of stationIds.entries()) {
			await show('station', id);
			await projector.getByText(`Themeninsel ${i + 1} von 13`).waitFor();
			await check(`Themeninsel ${i + 1}`, 'station');
		}
		await show('feedback');
		await projector.getByRole('list', { name: 'Wörter der Wortwolke' }).waitFor({ state: 'attached' });
		await check('Feedback', 'feedback');
		await show('countdown');
		await check('Countdown', 'countdown');

		expect(problems).toEqual([]);
		await control('countdown:reset');
	}, 180_000);
});

describe('signed-in staff', () => {
	it('an unsigned visitor of the staff projector is sent to the sign-in, and comes back afterwards', async () => {
		const response = await fetch(`${app.url}/organisation/veranstaltungen/${eventId}/beamer`, { redirect: 'manual' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe(`/anmelden?weiter=%2Forganisation%2Fveranstaltungen%2F${eventId}%2Fbeamer`);

		const page = await (await newContext()).newPage();
		await page.goto(`${app.url}/organisation/veranstaltungen/${eventId}/beamer`);
		await page.waitForURL(/\/anmelden\?weiter=/);
		await page.getByLabel('E-Mail-Adresse').fill(ADMIN.email);
		await page.getByLabel('Passwort', { exact: true }).fill(ADMIN.password);
		await page.getByRole('button', { name: 'Anmelden' }).click();
		await page.waitForURL(new RegExp(`/organisation/veranstaltungen/${eventId}/beamer$`));
		await page.locator('[data-screen]').waitFor();
	});

	it('switch screens, Themeninseln, the countdown and the results with the keyboard; the display link cannot', async () => {
		await show('join');
		await control('display:results', { visible: true });
		await control('countdown:reset');
		const context = await newContext();
		const [name, value] = cookie.split('=') as [string, string];
		await context.addCookies([{ name, value, url: app.url }]);
		const desk = await context.newPage();
		await desk.goto(`${app.url}/organisation/veranstaltungen/${eventId}/beamer`);
		await desk.getByRole('status').filter({ hasText: 'Verbindung wird hergestellt' }).waitFor({ state: 'hidden' });
		const hall = await openProjector();

		// The display link only watches: number keys change nothing.
		await hall.keyboard.press('2');
		await hall.waitForTimeout(300);
		expect(await screenOf(hall)).toBe('join');

		await desk.keyboard.press('2');
		await expect.poll(() => screenOf(hall)).toBe('board');
		await expect.poll(() => screenOf(desk)).toBe('board');

		await desk.keyboard.press('e');
		await expect.poll(() => hall.getByTestId('yes').count()).toBe(0);
		await desk.keyboard.press('E');
		await expect.poll(() => hall.getByTestId('yes').count()).toBe(36);

		await desk.keyboard.press('3');
		await expect.poll(() => screenOf(hall)).toBe('station');
		const kicker = hall.getByText(/^Themeninsel \d+ von 13$/);
		const at = Number((await kicker.textContent())!.match(/\d+/)![0]);
		await desk.keyboard.press('ArrowRight');
		await expect.poll(() => kicker.textContent()).toBe(`Themeninsel ${(at % 13) + 1} von 13`);
		await desk.keyboard.press('ArrowLeft');
		await desk.keyboard.press('ArrowLeft');
		await expect.poll(() => kicker.textContent()).toBe(`Themeninsel ${((at + 11) % 13) + 1} von 13`);

		await desk.keyboard.press('5');
		await expect.poll(() => screenOf(hall)).toBe('countdown');
		await desk.keyboard.press(' ');
		await expect.poll(() => hall.getByRole('timer').textContent(), { timeout: 3000 }).toBe('74:59');
		await desk.keyboard.press(' ');
		await hall.getByText('pausiert', { exact: true }).waitFor();

		await desk.keyboard.press('1');
		await expect.poll(() => screenOf(hall)).toBe('join');

		await desk.keyboard.press('?');
		await desk.getByRole('complementary', { name: 'Tastenkürzel' }).waitFor();
		expect(await desk.getByText('Ergebnisse zeigen/verbergen').isVisible()).toBe(true);
		await desk.keyboard.press('Escape');
		await desk.getByRole('complementary', { name: 'Tastenkürzel' }).waitFor({ state: 'detached' });
		expect(await desk.getByRole('button', { name: /Vollbild/ }).isVisible()).toBe(true);
		await control('countdown:reset');
	}, 120_000);
});

describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
	it.each(['join', 'board', 'station', 'feedback', 'countdown'] as const)('the %s screen has no violations', async (screen) => {
		await control('display:results', { visible: true });
		await show(screen);
		const projector = await openProjector();
		await settled(projector, screen);
		expect(await axeViolations(projector)).toEqual([]);
	});
});
