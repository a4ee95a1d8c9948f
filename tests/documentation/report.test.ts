import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_CARD } from '$lib/server/demo/fill-demo';
import { buildEventReport } from '$lib/server/documentation/build-event-report';
import { saveReportTexts } from '$lib/server/documentation/texts';
import { textBlocks } from '$lib/server/documentation/rich-text';
import { eventTallies } from '$lib/server/voting/voting';
import { startTestRuntime } from '../support/test-runtime';
import { tableCounts } from '../support/counts';
import { HIDDEN_CARD, holdDocumentedConference, SCRIPT_CARD, UMLAUT_CARD } from './conference';

let runtime: ReturnType<typeof startTestRuntime>;
let conference: Awaited<ReturnType<typeof holdDocumentedConference>>;

beforeAll(async () => {
	runtime = startTestRuntime({ DEMO: 'on' });
	conference = await holdDocumentedConference(runtime);
}, 60_000);
afterAll(() => runtime.close());

const report = () => buildEventReport(runtime.db, conference.eventId)!;
const allCards = () => report().stations.flatMap((s) => s.cardGroups.flatMap((g) => g.cards));

describe('the report model', () => {
	it('has every Themeninsel with its offers, Ja/Nein counts and share, as the votes say', () => {
		const tallies = new Map(eventTallies(runtime.db, conference.eventId).map((t) => [t.offerId, t]));
		const stations = report().stations;
		expect(stations.map((s) => s.title)).toEqual(conference.stations.map((s) => s.title));
		for (const offer of stations.flatMap((s) => s.offers)) {
			const tally = tallies.get(offer.id) ?? { yes: 0, no: 0 };
			expect([offer.yes, offer.no, offer.answers]).toEqual([tally.yes, tally.no, tally.yes + tally.no]);
			expect(offer.share).toBe(offer.answers ? offer.yes / offer.answers : undefined);
		}
	});

	it('has the visible cards, grouped by prompt, as plain text, but never hidden ones', () => {
		const cards = allCards();
		expect(cards).toContain(UMLAUT_CARD);
		expect(cards).toContain(SCRIPT_CARD);
		expect(cards).toContain(LONG_CARD);
		expect(cards).not.toContain(HIDDEN_CARD);
		const first = report().stations[0]!;
		expect(first.cardGroups.map((g) => g.prompt)).toEqual(['Wie kann das Angebot bekannter gemacht werden?', 'Woher kennen Sie uns?']);
		expect(first.cardGroups[0]!.cards).toContain(UMLAUT_CARD);
	});

	it('has the photo at its Themeninsel, and the word cloud laid out as on the projector', () => {
		const first = report().stations[0]!;
		expect(first.photos).toMatchObject([{ id: conference.photo.id, caption: 'Pinnwand „Wohnumfeld“ am Nachmittag' }]);
		const { feedback } = report();
		expect(feedback.answers).toBe(conference.filled.feedback);
		expect(feedback.cloud.words.length).toBeGreaterThan(5);
		expect(feedback.prompt).toContain('Feedback');
	});

	it('counts the people at the door, else the devices', () => {
		expect(report().headcount).toEqual({ count: 88, countedAt: 'door' });
		runtime.sqlite.prepare('update event set headcount = null where id = ?').run(conference.eventId);
		expect(report().headcount).toEqual({ count: conference.filled.participants + 1, countedAt: 'devices' });
		runtime.sqlite.prepare('update event set headcount = 88 where id = ?').run(conference.eventId);
	});
});

describe('the generated texts', () => {
	it('World-Café: departments, Themeninseln, minutes and every question', () => {
		const text = report().texts.worldCafe;
		expect(text).toContain('präsentierten 15 (Fach-)Bereiche und Einrichtungen ihre Angebote an 13 Themeninseln');
		expect(text).toContain('75 Minuten lang');
		for (const question of ['Kennen Sie dieses Angebot? (Ja/Nein)', 'Wie kann das Angebot bekannter gemacht werden?', 'Woher kennen Sie uns?']) {
			expect(text).toContain(`- ${question}`);
		}
	});

	it('Fazit: the headcount and the best- and least-known offers with their counts', () => {
		const { texts, known } = report();
		expect(texts.fazit).toContain('von den insgesamt 88 Teilnehmenden');
		expect(known.best && known.least).toBeTruthy();
		expect(known.best!.share!).toBeGreaterThan(known.least!.share!);
		expect(texts.fazit).toContain(`Am bekanntesten war „${known.best!.title}“`);
		expect(texts.fazit).toContain(`${known.best!.yes} von ${known.best!.answers} Antworten lauteten Ja`);
		expect(texts.fazit).toContain(`Am wenigsten bekannt war „${known.least!.title}“`);
	});

	it('Einleitung and Programm: the event in its series, and the programme as a list', () => {
		const { texts } = report();
		expect(texts.einleitung).toContain('die zweite Veranstaltung der Reihe „Expert*innendialoge im Sozialraum 2023“');
		expect(texts.einleitung).toContain('Alstaden/Lirich am Mittwoch, 6. September 2023');
		expect(textBlocks(texts.programm)).toEqual([
			{ kind: 'paragraph', text: 'Die Veranstaltung hatte folgenden Ablauf:' },
			{ kind: 'list', items: ['Begrüßung', 'Fachvortrag: Expert*innendialoge – Was wurde bisher erreicht?', 'World-Café an den Themeninseln (75 Minuten)', 'Live-Feedback: Wortwolke'] }
		]);
	});
});

describe('editing the texts', () => {
	it('stores only what differs from the default, in event.reportTexts only, and an empty text brings the default back', () => {
		const before = tableCounts(runtime.sqlite);
		const { defaults } = report();
		runtime.sqlite.prepare(`update event set report_texts = '{"andere":"bleibt"}' where id = ?`).run(conference.eventId);

		saveReportTexts(runtime.db, conference.eventId, { fazit: 'Ein eigenes Fazit.\r\n\r\n- mit Liste', einleitung: defaults.einleitung }, defaults);
		const stored = runtime.sqlite.prepare('select report_texts from event where id = ?').get(conference.eventId) as { report_texts: string };
		expect(JSON.parse(stored.report_texts)).toEqual({ andere: 'bleibt', fazit: 'Ein eigenes Fazit.\n\n- mit Liste' });
		expect(report().texts.fazit).toBe('Ein eigenes Fazit.\n\n- mit Liste');
		expect(report().edited).toMatchObject({ fazit: true, einleitung: false });

		saveReportTexts(runtime.db, conference.eventId, { fazit: '   ' }, defaults);
		expect(report().texts.fazit).toBe(defaults.fazit);
		expect(report().edited.fazit).toBe(false);
		expect(tableCounts(runtime.sqlite)).toEqual(before);
	});

	it('refuses a text that is too long, in German, and changes nothing', () => {
		const { defaults } = report();
		expect(() => saveReportTexts(runtime.db, conference.eventId, { fazit: 'x'.repeat(10_001) }, defaults)).toThrow('höchstens 10.000 Zeichen');
		expect(report().edited.fazit).toBe(false);
	});
});

it('an unknown event has no report', () => {
	expect(buildEventReport(runtime.db, 999_999)).toBeUndefined();
});
