import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { heatColour } from '$lib/charts/heat';
import { duplicateEvent } from '$lib/server/events/admin';
import { listStations } from '$lib/server/events/queries';
import { buildSeriesComparison } from '$lib/server/documentation/comparison';
import { seriesFileName } from '$lib/server/documentation/downloads';
import { seriesDocument } from '$lib/server/documentation/series-document';
import { enterEvent } from '$lib/server/participants/participants';
import { castVote } from '$lib/server/voting/voting';
import { demoEvent } from '../support/demo';
import { startTestRuntime } from '../support/test-runtime';
import { readDocx, readPdf, squeeze } from './read-files';

let runtime: ReturnType<typeof startTestRuntime>;
let seriesId: number;
let mitte: number;

beforeAll(() => {
	runtime = startTestRuntime({ DEMO: 'on' });
	const alstaden = demoEvent(runtime.db);
	seriesId = alstaden.seriesId;
	mitte = duplicateEvent(runtime.db, alstaden.id, { title: 'Expert*innendialog im Sozialraum Mitte/Styrum', sozialraum: 'Mitte/Styrum', date: '2023-08-16' }).id;
	// Mitte/Styrum had no Jugend table, and wrote one offer's title differently.
	const [jugend] = listStations(runtime.db, mitte).filter((s) => s.title === 'Jugend');
	runtime.sqlite.prepare('delete from station where id = ?').run(jugend!.id);
	runtime.sqlite.prepare("update offer set title = '  bürgergeld ' where title = 'Bürgergeld' and station_id in (select id from station where event_id = ?)").run(mitte);

	const vote = (eventId: number, title: string, answers: ('yes' | 'no')[]) => {
		const offer = listStations(runtime.db, eventId).flatMap((s) => s.offers).find((o) => o.title.trim().toLowerCase() === title.toLowerCase())!;
		for (const answer of answers) {
			const participantId = enterEvent(runtime, eventId, randomUUID());
			castVote(runtime, { eventId, participantId, clientId: randomUUID(), offerId: offer.id, answer });
		}
	};
	vote(alstaden.id, 'Bürgergeld', ['yes', 'yes', 'yes', 'no']);
	vote(mitte, 'Bürgergeld', ['yes', 'no']);
	vote(alstaden.id, 'Angebote der Kinder- und Jugendarbeit', ['no']);
});
afterAll(() => runtime.close());

describe('the comparison of a series', () => {
	it('has the events in date order and matches offers by Themeninsel and title, regardless of case and spacing', () => {
		const comparison = buildSeriesComparison(runtime.db, seriesId)!;
		expect(comparison.events.map((e) => e.sozialraum)).toEqual(['Mitte/Styrum', 'Alstaden/Lirich']);
		const buergergeld = comparison.rows.filter((r) => r.offer.trim().toLowerCase() === 'bürgergeld');
		expect(buergergeld).toHaveLength(1);
		expect(buergergeld[0]!.cells).toEqual([
			{ yes: 1, no: 1, answers: 2, share: 0.5 },
			{ yes: 3, no: 1, answers: 4, share: 0.75 }
		]);
		const jugend = comparison.rows.find((r) => r.station === 'Jugend')!;
		expect(jugend.cells).toEqual([undefined, { yes: 0, no: 1, answers: 1, share: 0 }]);
		expect(comparison.events.map((e) => e.totals.answers)).toEqual([2, 5]);
		expect(comparison.rows).toHaveLength(36);
	});

	it('colours each cell with text that stays readable (at least 4.5:1)', () => {
		for (const share of [...Array.from({ length: 101 }, (_, i) => i / 100), undefined]) {
			const { background, text } = heatColour(share);
			expect(contrast(background, text), `${share}`).toBeGreaterThanOrEqual(4.5);
		}
		expect(heatColour(1).background).not.toBe(heatColour(0).background);
	});

	it('an unknown series has none', () => {
		expect(buildSeriesComparison(runtime.db, 999_999)).toBeUndefined();
	});
});

describe('the Dokumentation of the whole series', () => {
	it('has every event’s sections in date order, then the comparison, as PDF and DOCX', async () => {
		const pdf = readPdf((await seriesDocument(runtime.db, runtime.config.dataDir, seriesId, 'pdf'))!);
		const docx = await readDocx((await seriesDocument(runtime.db, runtime.config.dataDir, seriesId, 'docx'))!);
		for (const text of [squeeze(pdf.text), squeeze(docx.text)]) {
			const order = ['SozialraumMitte/Styrum', 'SozialraumAlstaden/Lirich', 'VergleichderSozialräume', 'Impressum'].map((h) => text.lastIndexOf(h));
			expect(order.every((at) => at >= 0)).toBe(true);
			expect([...order].sort((a, b) => a - b)).toEqual(order);
			expect(text).toContain(squeeze('nicht dabei'));
			expect(text).toContain(squeeze('75 % (4)'));
			expect(text).toContain(squeeze('50 % (2)'));
		}
		const contents = pdf.pages[1]!;
		expect(contents).toMatch(/Sozialraum Mitte\/Styrum\s*\.*\s*\d+/);
		expect(contents).toMatch(/Vergleich der Sozialräume\s*\.*\s*\d+/);
	}, 120_000);

	it('is named after the series', () => {
		expect(seriesFileName('Expert*innendialoge im Sozialraum 2023', 'pdf')).toBe('dokumentation-expertinnendialoge-im-sozialraum-2023.pdf');
	});
});

function contrast(a: string, b: string): number {
	const luminance = (hex: string) => {
		const [r, g, bl] = [1, 3, 5].map((i) => {
			const c = parseInt(hex.slice(i, i + 2), 16) / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		}) as [number, number, number];
		return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
	};
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}
