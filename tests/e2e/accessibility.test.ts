import Database from 'better-sqlite3';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneViewport, startApp, type RunningApp } from './support/app';
import { axeViolations } from './support/axe';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
	app = await startApp();
	browser = await launchBrowser();
});
afterAll(async () => {
	await browser?.close();
	await app?.stop();
});

/** Opens or closes the feedback phase in the database; the page reads the phases when it joins. */
function setFeedbackOpen(open: boolean) {
	const db = new Database(app.databaseFile, { fileMustExist: true });
	try {
		const { changes } = db.prepare(`update event set feedback_open = ? where join_code = 'DEMO'`).run(open ? 1 : 0);
		expect(changes).toBe(1);
	} finally {
		db.close();
	}
}

async function open(path: string, options: BrowserContextOptions = phoneViewport): Promise<Page> {
	const page = await (await browser.newContext(options)).newPage();
	await page.goto(`${app.url}${path}`);
	return page;
}

async function connected(page: Page) {
	await page.getByRole('status').filter({ hasText: 'Verbunden' }).waitFor();
}

/** Answers an offer and sends a card on Themeninsel 2, so the list "Ihre Karten" and its buttons show. */
async function answer(page: Page) {
	const offer = page.getByRole('article', { name: 'Integrationskurse' });
	await offer.getByRole('button', { name: 'Ja' }).click();
	await offer.getByText('gespeichert').waitFor();
	const prompt = page.getByRole('region', { name: 'Wie kann das Angebot bekannter gemacht werden?' });
	await prompt.getByLabel('Ihre Karte').fill('Mehrsprachige Aushänge im Jobcenter');
	await prompt.getByRole('button', { name: 'Karte senden' }).click();
	await prompt.getByRole('heading', { name: 'Ihre Karten' }).waitFor();
	await prompt.getByRole('listitem').getByText('gespeichert').waitFor();
}

describe('accessibility (WCAG 2.1 AA, axe-core)', () => {
	it('the start page has no violations, also when a wrong code was entered', async () => {
		const page = await open('/');
		await page.getByRole('heading', { name: 'Mitmachen' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);

		await page.getByLabel('Code der Veranstaltung').fill('NICHTDA');
		await page.getByRole('button', { name: 'Weiter' }).click();
		await page.getByRole('alert').getByText('Zu diesem Code gibt es keine Veranstaltung', { exact: false }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('the list of Themeninseln has no violations', async () => {
		const page = await open('/DEMO');
		await connected(page);
		await page.getByRole('navigation', { name: 'Themeninseln' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('a Themeninsel with a vote and a sent card has no violations, online and offline', async () => {
		const page = await open('/DEMO/2');
		await connected(page);
		await answer(page);
		expect(await axeViolations(page)).toEqual([]);

		await page.context().setOffline(true);
		await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
		const offer = page.getByRole('article', { name: 'Gesundheitskurse' });
		await offer.getByRole('button', { name: 'Nein' }).click();
		await offer.getByText('offline – wird später gesendet').waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('the feedback page has no violations while feedback is closed', async () => {
		setFeedbackOpen(false);
		const page = await open('/DEMO/feedback');
		await connected(page);
		await page.getByText('Das Feedback ist gerade geschlossen', { exact: false }).waitFor();
		expect(await axeViolations(page)).toEqual([]);
	});

	it('the feedback page has no violations while feedback is open, with a sent answer', async () => {
		setFeedbackOpen(true);
		try {
			const page = await open('/DEMO/feedback');
			await connected(page);
			const field = page.getByLabel('Ein oder zwei Wörter');
			await expect.poll(() => field.isEnabled()).toBe(true);
			await field.fill('sehr informativ');
			await page.getByRole('button', { name: 'Senden' }).click();
			await page.getByRole('listitem').filter({ hasText: 'sehr informativ' }).getByText('gespeichert').waitFor();
			expect(await axeViolations(page)).toEqual([]);
		} finally {
			setFeedbackOpen(false);
		}
	});
});

/**
 * Empty when the page needs no horizontal scrolling. Otherwise the widths, then the innermost elements that
 * cannot get narrow enough: their narrowest width (min-content) from where they start passes the screen's edge.
 */
const horizontalScrolling = (page: Page) =>
	page.evaluate(() => {
		const root = document.documentElement;
		if (root.scrollWidth <= root.clientWidth) return [];
		const narrowest = (el: HTMLElement) => {
			const before = el.style.width;
			el.style.width = 'min-content';
			const width = el.getBoundingClientRect().width;
			el.style.width = before;
			return width;
		};
		const tooWide = [...document.body.querySelectorAll<HTMLElement>('*')]
			.map((el) => ({ el, left: el.getBoundingClientRect().left, width: narrowest(el) }))
			.filter(({ left, width }) => left + width > root.clientWidth + 0.5);
		// Innermost first by how far they reach: the first ones widen the page, later ones are pushed along.
		const culprits = tooWide
			.filter(({ el }) => !tooWide.some((other) => other.el !== el && el.contains(other.el)))
			.sort((a, b) => b.left + b.width - (a.left + a.width))
			.map(({ el, left, width }) => {
				const text = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? `#${el.id}` : `"${el.textContent?.trim().slice(0, 50)}"`;
				return `<${el.tagName.toLowerCase()}> ${text} needs ${Math.round(width)} px from x=${Math.round(left)}`;
			});
		return [`${location.pathname}${location.search}: page is ${root.scrollWidth} px wide on a ${root.clientWidth} px screen`, ...culprits];
	});

/** Visible buttons, links and fields smaller than 44×44 CSS pixels, with their text and size. */
const smallTargets = (page: Page) =>
	page.evaluate(() =>
		[...document.querySelectorAll('button, a[href], input, textarea')]
			.map((el) => ({ name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? el.id, box: el.getBoundingClientRect() }))
			.filter(({ box }) => box.width > 0 && box.height > 0 && (box.width < 44 || box.height < 44))
			.map(({ name, box }) => `${name}: ${box.width.toFixed(1)}×${box.height.toFixed(1)}`)
	);

const narrow: [string, BrowserContextOptions][] = [
	['320 px wide', { ...phoneViewport, viewport: { width: 320, height: 568 } }],
	['a 390 px phone at 200 % zoom (195 px)', { ...phoneViewport, viewport: { width: 195, height: 422 }, deviceScaleFactor: 2 }]
];

describe.each(narrow)('a Themeninsel on a screen %s', (_, options) => {
	it('needs no horizontal scrolling and every button and link is at least 44×44 px', async () => {
		const page = await open('/DEMO/2', options);
		await connected(page);
		expect(await horizontalScrolling(page)).toEqual([]);

		await answer(page);
		expect(await horizontalScrolling(page)).toEqual([]);
		expect(await page.locator('button').count()).toBeGreaterThanOrEqual(10); // Ja/Nein ×3, two "Karte senden", the card's two
		expect(await smallTargets(page)).toEqual([]);
	});
});

/** Words of the station navigation's buttons that the browser split across two lines. */
const splitWords = (page: Page) =>
	page.getByRole('navigation', { name: 'Zwischen Themeninseln wechseln' }).evaluate((nav) => {
		const split: string[] = [];
		const walker = document.createTreeWalker(nav, NodeFilter.SHOW_TEXT);
		for (let node = walker.nextNode(); node; node = walker.nextNode()) {
			for (const match of (node.textContent ?? '').matchAll(/\p{L}+/gu)) {
				const range = document.createRange();
				range.setStart(node, match.index);
				range.setEnd(node, match.index + match[0].length);
				const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
				if (lines.size > 1) split.push(match[0]);
			}
		}
		return split;
	});

describe('moving between Themeninseln on a phone', () => {
	it.each([['390 px wide', { ...phoneViewport, viewport: { width: 390, height: 844 } }] as [string, BrowserContextOptions], ...narrow])(
		'on a screen %s, the buttons keep their words whole',
		async (_, options) => {
			const page = await open('/DEMO/2', options);
			await connected(page);
			const nav = page.getByRole('navigation', { name: 'Zwischen Themeninseln wechseln' });
			// Back and next first, the way back to all Themeninseln last, in reading and in tab order.
			const order = await nav.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('rel') ?? a.textContent));
			expect(order).toEqual(['prev', 'next', 'Alle Themeninseln']);
			expect(await splitWords(page)).toEqual([]);
		}
	);
});

describe('reflow at 320 px (WCAG 1.4.10)', () => {
	it('no participant page needs horizontal scrolling on a 320 px wide screen', async () => {
		const page = await (await browser.newContext(narrow[0]![1])).newPage();
		const stations = Array.from({ length: 13 }, (_, i) => `/DEMO/${i + 1}`);
		const problems: string[] = [];
		for (const path of ['/', '/?code=NICHTDA', '/DEMO', '/DEMO/feedback', ...stations]) {
			await page.goto(`${app.url}${path}`);
			if (path.startsWith('/DEMO')) await connected(page);
			else await page.getByRole('heading', { name: 'Mitmachen' }).waitFor();
			problems.push(...(await horizontalScrolling(page)));
		}
		expect(problems).toEqual([]);
	});
});
