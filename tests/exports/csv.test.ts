import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableCsv } from '$lib/server/exports/csv';
import { rawDataTables } from '$lib/server/exports/raw-data';
import { startTestRuntime } from '../support/test-runtime';
import { holdConference } from './conference';

let runtime: ReturnType<typeof startTestRuntime>;
let csv: (slug: string) => Buffer;

beforeAll(() => {
	runtime = startTestRuntime({ DEMO: 'on' });
	const { eventId } = holdConference(runtime);
	const tables = rawDataTables(runtime.db, eventId, new Date('2023-09-06T15:30:00Z'))!;
	csv = (slug) => tableCsv(tables.find((t) => t.slug === slug)!);
});
afterAll(() => runtime.close());

const rows = (file: Buffer): string[][] => parse(file, { delimiter: ';', bom: true, relax_column_count: false });

describe('CSV for German Excel', () => {
	it('starts with the UTF-8 byte order mark, separates with ";", ends lines with CRLF and keeps umlauts', () => {
		const file = csv('karten');

		expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = file.subarray(3).toString('utf8');
		expect(text.split('\r\n')[0]).toBe('Nr.;Themeninsel;Frage;Text;Zeit (Europe/Berlin);Status;Zurückgezogen');
		expect(text).toContain('Flyer im Bürgerbüro – „Schaufenster“ für alle*');
		const offers = csv('angebote').toString('utf8');
		expect(offers.endsWith('\r\n')).toBe(true);
		expect(offers.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});

	it('quotes cells with ";", quotes and line breaks, and reads back to the same text', () => {
		const text = csv('karten').toString('utf8');
		expect(text).toContain('"Über die Grundschule; Nachbarin sagt: ""kennt man""\nzweite Zeile"');
		expect(rows(csv('karten')).map((r) => r[3])).toContain('Über die Grundschule; Nachbarin sagt: "kennt man"\nzweite Zeile');
	});

	it('neutralises cells Excel would run as a formula', () => {
		const texts = rows(csv('karten')).map((r) => r[3]);
		expect(texts).toContain("'=SUM(A1)");
		expect(texts).not.toContain('=SUM(A1)');
		expect(rows(csv('feedback-eintraege')).map((r) => r[0])).toContain("'@Stadt Danke");
	});

	it('Angebote: Ja/Nein counts as on the projector, the share with a decimal comma, offers without answers empty', () => {
		const [header, first, second, third] = rows(csv('angebote'));
		expect(header).toEqual(['Nr.', 'Themeninsel', 'Angebot', 'Ja', 'Nein', 'Antworten', 'Anteil Ja']);
		expect(first).toEqual(['1', 'Wohnumfeld', 'Angebote des Bereichs Umwelt', '2', '1', '3', '66,7%']);
		expect(second).toEqual(['1', 'Wohnumfeld', 'Integrierte Stadtentwicklung im Quartier', '1', '0', '1', '100,0%']);
		expect(third).toEqual(['2', '(Weiter)Bildung/Kultur', 'Nachholen von Schulabschlüssen', '0', '0', '0', '']);
		expect(rows(csv('angebote'))).toHaveLength(1 + 36);
	});

	it('Karten: every card with its Themeninsel, question, Berlin time and status, hidden, held and withdrawn marked', () => {
		const [header, ...cards] = rows(csv('karten'));
		expect(header).toHaveLength(7);
		expect(cards).toHaveLength(6);
		expect(cards[0]).toEqual([
			'1',
			'Wohnumfeld',
			'Wie kann das Angebot bekannter gemacht werden?',
			'Flyer im Bürgerbüro – „Schaufenster“ für alle*',
			'06.09.2023 14:05:09',
			'sichtbar',
			'nein'
		]);
		const byText = Object.fromEntries(cards.map((c) => [c[3], { status: c[5], withdrawn: c[6] }]));
		expect(byText['Werbung für Ärger']).toEqual({ status: 'ausgeblendet', withdrawn: 'nein' });
		expect(byText['alles Blödsinn']).toEqual({ status: 'zurückgehalten', withdrawn: 'nein' });
		expect(byText['doch nicht']).toEqual({ status: 'sichtbar', withdrawn: 'ja' });
		expect(cards.every((c) => /^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/.test(c[4]!))).toBe(true);
	});

	it('Feedback: the visible words merged, cleaned and counted as in the word cloud; all entries as sent, with status', () => {
		expect(rows(csv('feedback'))).toEqual([
			['Wort', 'Anzahl'],
			['Super', '2'],
			['Stadt Danke', '1'],
			['Tolle Gespräche', '1']
		]);
		const entries = rows(csv('feedback-eintraege'));
		expect(entries[0]).toEqual(['Text', 'Zeit (Europe/Berlin)', 'Status']);
		expect(entries.slice(1).map(([text, , status]) => [text, status])).toEqual([
			['Super', 'sichtbar'],
			['super!', 'sichtbar'],
			['Tolle Gespräche', 'sichtbar'],
			["'@Stadt Danke", 'sichtbar'],
			['Blödsinn', 'zurückgehalten'],
			['Öde', 'ausgeblendet']
		]);
	});

	it('Beteiligung: the counts add up to the other tables', () => {
		expect(rows(csv('beteiligung'))).toEqual([
			['Kennzahl', 'Wert'],
			['Veranstaltung', 'Expert*innendialog im Sozialraum Alstaden/Lirich'],
			['Sozialraum', 'Alstaden/Lirich'],
			['Datum', '2023-09-06'],
			['Code', 'DEMO'],
			['Teilnehmende (Geräte)', '3'],
			['Kopfzahl am Einlass', '88'],
			['Stimmen (Ja/Nein)', '4'],
			['Karten', '6'],
			['Karten, davon sichtbar', '3'],
			['Feedback-Antworten', '6'],
			['Feedback-Antworten, davon sichtbar', '4'],
			['Exportiert am (Europe/Berlin)', '06.09.2023 17:30:00']
		]);
	});
});
