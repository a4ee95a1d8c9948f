import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, phoneViewport, startApp, type RunningApp } from './support/app';

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

const OFFER = 'Angebote des Bereichs Umwelt';
const PROMPT = 'Wie kann das Angebot bekannter gemacht werden?';
const WAITING = 'offline – wird später gesendet';
const SAVED = 'gespeichert';

type Stored = { votes: { offer: string; answer: string }[]; voteSubmissions: number; cards: string[] };

/** What the database holds for one phone (its anonymous device id), read from the file the server writes. */
function storedFor(publicId: string): Stored {
	const db = new Database(app.databaseFile, { readonly: true, fileMustExist: true });
	try {
		const votes = db
			.prepare(
				`select o.title as offer, v.answer from vote v join offer o on o.id = v.offer_id
				 join participant p on p.id = v.participant_id where p.public_id = ? order by v.id`
			)
			.all(publicId) as Stored['votes'];
		const { n } = db
			.prepare(
				`select count(*) as n from vote_submission s join vote v on v.id = s.vote_id
				 join participant p on p.id = v.participant_id where p.public_id = ?`
			)
			.get(publicId) as { n: number };
		const cards = db
			.prepare(`select c.text from card c join participant p on p.id = c.participant_id where p.public_id = ? order by c.id`)
			.all(publicId) as { text: string }[];
		return { votes, voteSubmissions: n, cards: cards.map((c) => c.text) };
	} finally {
		db.close();
	}
}

/** The phone's anonymous id for the demo event, as the page keeps it in localStorage. */
async function deviceId(page: Page): Promise<string> {
	const id = await page.evaluate(() => {
		for (let i = 0; i < localStorage.length; i++) {
			const key = localStorage.key(i)!;
			if (/^dialograum:\d+:participant$/.test(key)) return JSON.parse(localStorage.getItem(key)!) as string;
		}
		return undefined;
	});
	expect(id, 'the page keeps a device id in localStorage').toBeTypeOf('string');
	return id!;
}

const storedOnce = (card: string): Stored => ({
	votes: [{ offer: OFFER, answer: 'yes' }],
	voteSubmissions: 1,
	cards: [card]
});

const badge = (page: Page) => page.getByRole('status').filter({ hasText: /^(Verbunden|Verbinde|Offline)/ });
const offer = (page: Page) => page.getByRole('article', { name: OFFER });
const prompt = (page: Page) => page.getByRole('region', { name: PROMPT });
const ownCard = (page: Page, text: string) => prompt(page).getByRole('listitem').filter({ hasText: text });

async function openStation(context: BrowserContext): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${app.url}/DEMO/1`);
	await badge(page).getByText('Verbunden').waitFor();
	return page;
}

async function goOffline(context: BrowserContext, page: Page) {
	await context.setOffline(true);
	await badge(page).getByText(/^Offline/).waitFor();
}

async function goOnline(context: BrowserContext, page: Page) {
	await context.setOffline(false);
	await badge(page).getByText('Verbunden').waitFor();
}

async function voteYes(page: Page) {
	await offer(page).getByRole('button', { name: 'Ja' }).click();
	await expect.poll(() => offer(page).getByRole('button', { name: 'Ja' }).getAttribute('aria-pressed')).toBe('true');
}

async function writeCard(page: Page, text: string) {
	await prompt(page).getByLabel('Ihre Karte').fill(text);
	await prompt(page).getByRole('button', { name: 'Karte senden' }).click();
	await ownCard(page, text).waitFor();
}

async function expectDelivery(page: Page, card: string, text: string) {
	await offer(page).getByText(text).waitFor();
	await ownCard(page, card).getByText(text).waitFor();
	expect(await offer(page).textContent()).toContain(text);
	expect(await ownCard(page, card).textContent()).toContain(text);
}

describe('a phone that loses the network', () => {
	it('a vote and a card made offline are stored once when the phone is back online', async () => {
		const context = await browser.newContext(phoneViewport);
		const page = await openStation(context);
		const id = await deviceId(page);
		const card = 'Plakate im Stadtteilbüro aufhängen';

		await goOffline(context, page);
		await voteYes(page);
		await writeCard(page, card);
		await expectDelivery(page, card, WAITING);
		expect(storedFor(id)).toEqual({ votes: [], voteSubmissions: 0, cards: [] });

		await goOnline(context, page);
		await expectDelivery(page, card, SAVED);
		expect(storedFor(id)).toEqual(storedOnce(card));
		await context.close();
	});

	it('what was made offline is sent when the page is opened again after it was closed', async () => {
		const context = await browser.newContext(phoneViewport);
		const first = await openStation(context);
		const id = await deviceId(first);
		const card = 'Im Gemeindeblatt darüber berichten';

		await goOffline(context, first);
		await voteYes(first);
		await writeCard(first, card);
		await expectDelivery(first, card, WAITING);
		await first.close();
		expect(storedFor(id)).toEqual({ votes: [], voteSubmissions: 0, cards: [] });

		await context.setOffline(false);
		const again = await context.newPage();
		await again.goto(`${app.url}/DEMO/1`);
		await expectDelivery(again, card, SAVED);
		await badge(again).getByText('Verbunden').waitFor();
		expect(await offer(again).getByRole('button', { name: 'Ja' }).getAttribute('aria-pressed')).toBe('true');
		expect(storedFor(id)).toEqual(storedOnce(card));
		await context.close();
	});

	it('going offline right after tapping and coming back several times still stores each entry once', async () => {
		const context = await browser.newContext(phoneViewport);
		const page = await openStation(context);
		const id = await deviceId(page);
		const card = 'Flyer in der Arztpraxis auslegen';

		// The taps go out and the network drops at once: the acknowledgement may never arrive.
		await offer(page).getByRole('button', { name: 'Ja' }).click();
		await context.setOffline(true);
		await context.setOffline(false);
		await prompt(page).getByLabel('Ihre Karte').fill(card);
		await prompt(page).getByRole('button', { name: 'Karte senden' }).click();
		await context.setOffline(true);
		await badge(page).getByText(/^Offline/).waitFor();

		for (let round = 0; round < 3; round++) {
			await goOnline(context, page);
			await goOffline(context, page);
		}
		await goOnline(context, page);
		await expectDelivery(page, card, SAVED);
		expect(storedFor(id)).toEqual(storedOnce(card));

		for (let round = 0; round < 2; round++) {
			await goOffline(context, page);
			await goOnline(context, page);
		}
		await expectDelivery(page, card, SAVED);
		expect(storedFor(id)).toEqual(storedOnce(card));
		await context.close();
	});

	it('a vote and a card whose confirmations were lost are sent again and still stored once', async () => {
		const context = await browser.newContext(phoneViewport);
		const network = await loseAcknowledgements(context);
		const page = await openStation(context);
		const id = await deviceId(page);
		const card = 'In der Schule davon erzählen';

		network.lose('vote:cast');
		await network.upgraded(1);
		await voteYes(page);
		await expect.poll(() => storedFor(id).votes).toEqual([{ offer: OFFER, answer: 'yes' }]);
		await offer(page).getByText('wird gesendet …').waitFor();

		network.lose('card:submit');
		await goOffline(context, page);
		await goOnline(context, page);
		await offer(page).getByText(SAVED).waitFor();
		await network.upgraded(2);
		await writeCard(page, card);
		await expect.poll(() => storedFor(id).cards).toEqual([card]);
		await ownCard(page, card).getByText('wird gesendet …').waitFor();

		network.lose();
		await goOffline(context, page);
		await goOnline(context, page);
		await expectDelivery(page, card, SAVED);
		expect([...new Set(network.lost())]).toEqual(['vote:cast', 'card:submit']); // (a timed-out vote may be re-sent and lost again)
		expect(storedFor(id)).toEqual(storedOnce(card));
		await context.close();
	});
});

/**
 * Lets every socket.io packet through to the real server, except the server's acknowledgements of the
 * chosen submission events: the server stores the entry, but the phone never hears back.
 */
async function loseAcknowledgements(context: BrowserContext) {
	let losing = new Set<string>();
	const lost: string[] = [];
	const sockets: { upgraded: boolean; closed: boolean }[] = [];
	await context.routeWebSocket(/\/socket\.io\//, (ws) => {
		const state = { upgraded: false, closed: false };
		sockets.push(state);
		const server = ws.connectToServer();
		const events = new Map<string, string>();
		ws.onClose(() => (state.closed = true));
		ws.onMessage((message) => {
			if (message === '5') state.upgraded = true; // engine.io "upgrade": from now on every packet goes over this websocket
			const emit = typeof message === 'string' ? /^42(\d+)\["([^"]+)"/.exec(message) : null;
			if (emit) events.set(emit[1]!, emit[2]!); // socket.io event with an acknowledgement id
			server.send(message);
		});
		server.onMessage((message) => {
			const ack = typeof message === 'string' ? /^43(\d+)/.exec(message) : null;
			const event = ack ? events.get(ack[1]!) : undefined;
			if (event && losing.has(event)) {
				lost.push(event);
				return;
			}
			ws.send(message);
		});
	});
	return {
		/** Acknowledgements of these events are dropped from now on (none: deliver everything). */
		lose: (...names: string[]) => (losing = new Set(names)),
		lost: () => lost,
		/** Waits until the page's n-th connection talks over its websocket only, so every packet passes through here. */
		upgraded: (n: number) => expect.poll(() => sockets.length === n && sockets[n - 1]!.upgraded && !sockets[n - 1]!.closed).toBe(true)
	};
}
