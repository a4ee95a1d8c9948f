import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listStations } from '$lib/server/events/queries';
import { printJoinPoster, printMaterials, printTableCards } from '$lib/server/print/print-materials';
import { demoEvent } from '../support/demo';
import { startTestRuntime } from '../support/test-runtime';
import { readPdf } from './render';

const BASE = 'http://192.168.178.24:3000';

let runtime: ReturnType<typeof startTestRuntime>;
let eventId: number;
let stationTitles: string[];
let materials: Awaited<ReturnType<typeof readPdf>>;

beforeAll(async () => {
	runtime = startTestRuntime({ DEMO: 'on' });
	eventId = demoEvent(runtime.db).id;
	stationTitles = listStations(runtime.db, eventId).map((s) => s.title);
	materials = await readPdf((await printMaterials(runtime.db, eventId, BASE))!);
}, 60_000);
afterAll(() => runtime.close());

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('poster and table cards of the demo event', () => {
	it('are 14 A4 pages: the poster, then one table card per Themeninsel', () => {
		expect(stationTitles).toHaveLength(13);
		expect(materials.info).toMatch(/^Pages:\s+14$/m);
		expect(materials.info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
	});

	it('every page has a QR code of at least 9 cm a phone can read: the poster to the event, each card to its table', () => {
		expect(materials.pages.map((p) => p.url)).toEqual([
			`${BASE}/DEMO`,
			...stationTitles.map((_, i) => `${BASE}/DEMO/${i + 1}`)
		]);
		for (const page of materials.pages) expect(page.sizeCm).toBeGreaterThanOrEqual(9);
		expect(materials.pages[0]!.sizeCm).toBeGreaterThanOrEqual(13);
	});

	it('write out the address and the code for people without a camera', () => {
		const text = squeeze(materials.text);
		expect(text).toContain(squeeze('oder öffnen Sie 192.168.178.24:3000/DEMO'));
		expect(text).toContain(squeeze('Code: DEMO'));
		stationTitles.forEach((_, i) => expect(text).toContain(squeeze(`oder öffnen Sie 192.168.178.24:3000/DEMO/${i + 1}`)));
	});

	it('name every Themeninsel with its offers and the question, in German typography', () => {
		const text = squeeze(materials.text);
		for (const title of stationTitles) expect(text).toContain(squeeze(title));
		for (const offer of demoEvent(runtime.db).offers) expect(text).toContain(squeeze(offer.title));
		expect(text).toContain(squeeze('Kennen Sie dieses Angebot? Scannen Sie den Code und stimmen Sie ab.'));
		expect(text).toContain(squeeze('Machen Sie mit!'));
		expect(text).toContain(squeeze('Expert*innendialog im Sozialraum Alstaden/Lirich'));
		expect(text).toContain(squeeze('Mittwoch, 6. September 2023 · Sozialraum Alstaden/Lirich'));
		expect(text).toContain(squeeze('Beratung, Behandlung, Therapievermittlung, Suchtprävention – kostenlos und anonym'));
		expect(text).toContain(squeeze('dialograum · Expert*innendialoge im Sozialraum 2023'));
	});

	it('embed their font (Source Sans 3) instead of relying on the PDF standard fonts', () => {
		const fonts = materials.fonts.split('\n').slice(2).filter(Boolean);
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) expect(font).toMatch(/SourceSans3-\w+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
	});
});

describe('separate files', () => {
	it('the poster alone is one page, the table cards alone one page per Themeninsel', async () => {
		const poster = await readPdf((await printJoinPoster(runtime.db, eventId, BASE))!);
		const cards = await readPdf((await printTableCards(runtime.db, eventId, 'https://dialog.oberhausen.de/'))!);

		expect(poster.pages.map((p) => p.url)).toEqual([`${BASE}/DEMO`]);
		expect(cards.pages.map((p) => p.url)).toEqual(stationTitles.map((_, i) => `https://dialog.oberhausen.de/DEMO/${i + 1}`));
		expect(squeeze(cards.text)).toContain(squeeze('oder öffnen Sie dialog.oberhausen.de/DEMO/13'));
	}, 60_000);

	it('an unknown event has no print files', async () => {
		expect(await printTableCards(runtime.db, 999_999, BASE)).toBeUndefined();
		expect(await printJoinPoster(runtime.db, 999_999, BASE)).toBeUndefined();
	});
});
