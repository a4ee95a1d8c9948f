import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSetupJson } from '$lib/server/setup/parse-json';
import { readSetupUpload } from '$lib/server/setup/read-upload';
import { textBytes, xlsxBytes } from './support';

const demoText = readFileSync('src/lib/server/demo/expertinnendialoge-2023.json', 'utf8');
const demo = () => JSON.parse(demoText);

describe('a JSON set-up file', () => {
	it('reads the demo: 13 Themeninseln with their offers and contacts, and the prompts', () => {
		const result = parseSetupJson(demoText);

		if (!result.ok) throw new Error(JSON.stringify(result.problems));
		expect(result.setup.stations).toHaveLength(13);
		expect(result.setup.stations.reduce((n, s) => n + s.offers.length, 0)).toBe(36);
		expect(result.setup.stations[1]).toEqual({
			title: '(Weiter)Bildung/Kultur',
			contacts: [{ name: 'Stadt Oberhausen, Bereich 0-3 Bert-Brecht-Bildungszentrum', web: 'www.oberhausen.de/de/index/kultur-bildung/bildung/bert-brecht-bildungszentrum.php' }],
			offers: [
				{ title: 'Nachholen von Schulabschlüssen', description: 'ESA (HSA 9), EESA (HSA 10), MSA' },
				{ title: 'Integrationskurse', description: '' },
				{ title: 'Gesundheitskurse', description: 'z. B. Pilates, Malen, Kochen' }
			]
		});
		expect(result.setup.prompts).toEqual({
			vote: 'Kennen Sie dieses Angebot?',
			cards: ['Wie kann das Angebot bekannter gemacht werden?', 'Woher kennen Sie uns?'],
			feedback: 'Formulieren Sie in 1-2 Worten Ihr Feedback zum Expert*innendialog Alstaden/Lirich'
		});
		expect(result.setup.warnings).toEqual([
			'Übernommen werden die Themeninseln, Angebote und Fragen. Titel, Datum und Sozialraum dieser Veranstaltung bleiben, wie sie sind (die Datei stammt von „Expert*innendialog im Sozialraum Alstaden/Lirich“, Mittwoch, 6. September 2023).'
		]);
	});

	it('says in German where the file is wrong', () => {
		const file = demo();
		file.event.themeninseln[2].title = '   ';
		file.event.themeninseln[5].angebote[1].title = 'x'.repeat(301);
		file.event.themeninseln[7].angebote = [];
		file.event.themeninseln[0].kontakte[0].web = 'javascript:alert(1)';
		file.event.prompts.cards = ['Woher kennen Sie uns?', 42];

		const result = parseSetupJson(JSON.stringify(file));

		expect(result.ok === false && result.problems).toEqual([
			{ column: 'Fragen › Kartenfrage 2', message: 'Hier gehört ein Text hin.' },
			{ column: 'Themeninsel 3 › Titel', message: 'Der Text fehlt.' },
			{ column: 'Themeninsel 6 „Integration“ › Angebot 2 › Titel', message: 'Zu lang: 301 Zeichen, erlaubt sind höchstens 300.' },
			{ column: 'Themeninsel 8 „Statistik, Daten, Portale“ › Angebote', message: 'Jede Themeninsel braucht mindestens ein Angebot.' }
		]);

		file.event.themeninseln[2].title = 'Ehrenamt';
		file.event.themeninseln[5].angebote[1].title = 'Guter Lebensabend NRW';
		file.event.themeninseln[7].angebote = [{ title: 'O.BIS' }];
		file.event.prompts.cards = [];
		const addresses = parseSetupJson(JSON.stringify(file));
		expect(addresses.ok === false && addresses.problems).toEqual([
			{
				column: 'Themeninsel 1 „Wohnumfeld“ › Kontakt 1 › Web',
				message: '„javascript:alert(1)“ ist keine Webadresse. Schreiben Sie sie z. B. so: www.oberhausen.de/sozialplanung'
			}
		]);
	});

	it('names the line of a syntax error, and refuses JSON that is no set-up', () => {
		const broken = parseSetupJson('{\n  "series": {\n    "title": "x",\n  }\n}');
		expect(broken.ok === false && broken.problems).toEqual([
			{
				row: 4,
				message: 'Die Datei ist keine gültige JSON-Datei (Fehler in Zeile 4). Wurde sie von Hand bearbeitet? Prüfen Sie Kommas, Anführungszeichen und Klammern.'
			}
		]);

		const other = parseSetupJson('[1, 2, 3]');
		expect(other.ok === false && other.problems[0]!.message).toMatch(/^Das ist keine Einrichtungsdatei von dialograum/);
	});

	it('at most 99 Themeninseln', () => {
		const file = demo();
		file.event.themeninseln = Array.from({ length: 100 }, (_, i) => ({ title: `Insel ${i + 1}`, angebote: [{ title: 'A' }] }));

		const result = parseSetupJson(JSON.stringify(file));

		expect(result.ok === false && result.problems).toEqual([{ column: 'Themeninseln', message: 'Höchstens 99 Einträge sind möglich.' }]);
	});
});

describe('the uploaded file', () => {
	const upload = (name: string, bytes: Uint8Array, type = '') => readSetupUpload({ name, type, bytes });

	it('may be at most 2 MB', async () => {
		const big = textBytes(`Themeninsel;Angebot\n${'Jugend;Angebot\n'.repeat(150_000)}`);
		expect(big.byteLength).toBeGreaterThan(2 * 1024 * 1024);

		expect(await upload('gross.csv', big)).toEqual({
			ok: false,
			problems: [{ message: 'Die Datei ist zu groß (2,2 MB); erlaubt sind höchstens 2 MB. Entfernen Sie z. B. Bilder aus der Tabelle.' }]
		});
		expect(await upload('leer.csv', new Uint8Array())).toEqual({ ok: false, problems: [{ message: 'Die Datei ist leer.' }] });
	});

	it('must be .json, .csv or .xlsx, and be what its name says', async () => {
		const pdf = await upload('Angebote.pdf', textBytes('%PDF-1.7'), 'application/pdf');
		expect(pdf.ok === false && pdf.problems[0]!.message).toBe(
			'Dateien wie „Angebote.pdf“ können nicht importiert werden. Bitte laden Sie eine .json-, .csv- oder .xlsx-Datei hoch.'
		);

		const xls = await upload('Angebote.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
		expect(xls.ok === false && xls.problems[0]!.message).toMatch(/^Die Datei ist im alten Excel-Format \(\.xls\) gespeichert oder mit einem Passwort geschützt/);

		const fakeXlsx = await upload('Angebote.xlsx', textBytes('Themeninsel;Angebot'));
		expect(fakeXlsx.ok === false && fakeXlsx.problems[0]!.message).toBe('Die Datei endet auf .xlsx, ist aber keine Excel-Arbeitsmappe.');

		const renamed = await upload('Angebote.csv', await xlsxBytes([['Themeninsel', 'Angebot']]));
		expect(renamed.ok === false && renamed.problems[0]!.message).toMatch(/^Die Datei endet auf \.csv, ist aber eine Excel- oder andere Binärdatei/);

		const binary = await upload('daten.csv', new Uint8Array([0x41, 0x00, 0x42]));
		expect(binary.ok === false && binary.problems[0]!.message).toMatch(/^Die Datei ist keine Textdatei/);

		const broken = await upload('kaputt.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
		expect(broken.ok === false && broken.problems[0]!.message).toMatch(/^Die Excel-Datei kann nicht gelesen werden/);
	});

	it('without an ending, the browser’s type decides', async () => {
		const result = await upload('einrichtung', textBytes(demoText), 'application/json');
		expect(result).toMatchObject({ ok: true, format: 'json' });
	});
});
