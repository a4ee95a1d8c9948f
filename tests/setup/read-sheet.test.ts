import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseSetupSheet } from '$lib/server/setup/parse-sheet';
import { readSetupUpload, type UploadResult } from '$lib/server/setup/read-upload';
import { setupTemplateCsv } from '$lib/server/setup/template';
import { csvOf, GOOD_ROWS, GROUPED, HEADER, textBytes, xlsxBytes } from './support';

const HEAD = HEADER.join(';');

const csv = (text: string, options?: Parameters<typeof textBytes>[1]) =>
	readSetupUpload({ name: 'angebote.csv', type: 'text/csv', bytes: textBytes(text, options) });

function stationsOf(result: UploadResult) {
	if (!result.ok) throw new Error(`not ok: ${JSON.stringify(result.problems)}`);
	return result.setup.stations;
}

describe('a CSV with one row per offer', () => {
	it('groups rows of the same Themeninsel in order of first appearance, contacts once', async () => {
		const result = await csv(csvOf([HEADER, ...GOOD_ROWS]));

		expect(result).toMatchObject({ ok: true, format: 'sheet' });
		expect(stationsOf(result)).toEqual(GROUPED);
		expect(result.ok && result.setup.prompts).toBeUndefined();
	});

	it('reads UTF-8 with and without BOM, separated by ; or , alike', async () => {
		const semicolon = csvOf([HEADER, ...GOOD_ROWS]);
		const comma = csvOf([HEADER, ...GOOD_ROWS], ',');
		expect(comma).toContain('"Stadt Oberhausen, Bereich 3-4 Gesundheit"');
		for (const result of [
			await csv(semicolon, { bom: true }),
			await csv(semicolon.replaceAll('\r\n', '\n')),
			await csv(comma, { bom: true }),
			await csv(comma)
		]) {
			expect(stationsOf(result)).toEqual(GROUPED);
			expect(result.ok && result.setup.warnings).toEqual([]);
		}
	});

	it('reads Windows-1252 from older Excel and says so', async () => {
		const result = await csv(`${HEAD}\nÜbergang Schule-Beruf;Beratungsstelle Jugend und Beruf;Für Jugendliche;;`, { encoding: 'latin1' });

		expect(stationsOf(result)[0]).toMatchObject({ title: 'Übergang Schule-Beruf', offers: [{ title: 'Beratungsstelle Jugend und Beruf', description: 'Für Jugendliche' }] });
		expect(result.ok && result.setup.warnings[0]).toMatch(/^Die Datei ist nicht als UTF-8 gespeichert und wurde deshalb als Windows-1252 gelesen/);
	});

	it('takes the header case-insensitively, with umlauts or without, in any order; skips empty rows', async () => {
		const result = await csv(
			[
				'ANGEBOT;themeninsel;Erläuterung;Ansprechpartner*in;Webseite (URL)',
				';;;;',
				'Integrationskurse;(Weiter)Bildung/Kultur;;Stadt Oberhausen, Bereich 0-3 Bert-Brecht-Bildungszentrum;https://www.oberhausen.de/bbz',
				'',
				'Gesundheitskurse;  (Weiter)Bildung/Kultur ;z. B. Pilates, Malen, Kochen;;'
			].join('\n')
		);

		expect(stationsOf(result)).toEqual([
			{
				title: '(Weiter)Bildung/Kultur',
				contacts: [{ name: 'Stadt Oberhausen, Bereich 0-3 Bert-Brecht-Bildungszentrum', web: 'https://www.oberhausen.de/bbz' }],
				offers: [
					{ title: 'Integrationskurse', description: '' },
					{ title: 'Gesundheitskurse', description: 'z. B. Pilates, Malen, Kochen' }
				]
			}
		]);
	});

	it('several contacts in one cell (one per line), an e-mail in the Web column, repeats merged', async () => {
		const result = await csv(
			[
				HEAD,
				'Sport/Bewegung;Sport im Sozialraum;;"Stadt Oberhausen, Bereich 2-5 Sport\nStadtsportbund Oberhausen e.V.";"www.oberhausen.de/sport\nwww.ssb-oberhausen.de"',
				'Sport/Bewegung;Integration durch Sport;;Stadtsportbund Oberhausen e.V.;',
				'Sport/Bewegung;Vereinssuche;;Stadtsportbund Oberhausen e.V.;info@ssb-oberhausen.de'
			].join('\n')
		);

		expect(stationsOf(result)[0]!.contacts).toEqual([
			{ name: 'Stadt Oberhausen, Bereich 2-5 Sport', web: 'www.oberhausen.de/sport' },
			{ name: 'Stadtsportbund Oberhausen e.V.', web: 'www.ssb-oberhausen.de', email: 'info@ssb-oberhausen.de' }
		]);
	});

	it('warns about other spellings of a Themeninsel, repeated offers and ignored columns, and still imports', async () => {
		const result = await csv(
			[
				`${HEAD};Notizen`,
				'Wohnumfeld;Angebote des Bereichs Umwelt;;;;intern',
				'wohnumfeld;Angebote des Bereichs Umwelt;;;;'
			].join('\n')
		);

		expect(stationsOf(result)).toHaveLength(1);
		expect(result.ok && result.setup.warnings).toEqual([
			'Nicht übernommen werden die Spalten „Notizen“.',
			'Zeile 3: „wohnumfeld“ gehört zur Themeninsel „Wohnumfeld“ aus Zeile 2 (andere Schreibweise).',
			'Zeile 3: Das Angebot „Angebote des Bereichs Umwelt“ steht bei „Wohnumfeld“ schon in Zeile 2.'
		]);
	});

	it('the downloadable template has BOM, `;`, the five columns, and imports', async () => {
		const template = setupTemplateCsv();
		expect(template.startsWith('\ufeffThemeninsel;Angebot;Beschreibung;Kontakt;Web\r\n')).toBe(true);

		const result = await readSetupUpload({ name: 'vorlage.csv', type: 'text/csv', bytes: new TextEncoder().encode(template) });
		expect(stationsOf(result)).toMatchObject([{ title: 'Integration', contacts: [{ name: 'Stadt Oberhausen, Bereich 2-6 Kommunales Integrationszentrum' }] }]);
		expect(stationsOf(result)[0]!.offers).toHaveLength(2);
	});
});

describe('errors, row by row as Excel numbers them', () => {
	it('reports every bad row with its column and a German message', async () => {
		const result = await csv(
			[
				HEAD,
				GOOD_ROWS[0]!.join(';'),
				';Ohne Insel;;;',
				'Jugend;;;;',
				'',
				`Jugend;${'x'.repeat(301)};;;`,
				'Jugend;Ein Angebot;;;www.jugend.de',
				'Jugend;Noch eins;;Stadt Oberhausen;javascript:alert(1)'
			].join('\n')
		);

		expect(result).toEqual({
			ok: false,
			format: 'sheet',
			problems: [
				{ row: 3, column: 'Themeninsel', message: 'Die Themeninsel fehlt. Tragen Sie sie in jeder Zeile ein, auch wenn sie sich wiederholt.' },
				{ row: 4, column: 'Angebot', message: 'Das Angebot fehlt.' },
				{ row: 6, column: 'Angebot', message: 'Der Titel des Angebots ist zu lang: 301 Zeichen, erlaubt sind höchstens 300.' },
				{ row: 7, column: 'Kontakt', message: 'Der Kontakt fehlt: Zu welcher Stelle gehört die Web- oder E-Mail-Adresse?' },
				{
					row: 8,
					column: 'Web',
					message: '„javascript:alert(1)“ ist keine Webadresse. Schreiben Sie sie z. B. so: www.oberhausen.de/sozialplanung'
				}
			]
		});
	});

	it('counts rows as Excel shows them, also when a cell holds line breaks', async () => {
		const result = await csv([HEAD, 'Jugend;Eins;"erste Zeile\nzweite Zeile";;', 'Jugend;;;;'].join('\n'));

		expect(result.ok === false && result.problems).toEqual([{ row: 3, column: 'Angebot', message: 'Das Angebot fehlt.' }]);
	});

	it('needs the header row with Themeninsel and Angebot', async () => {
		const noHeader = await csv(csvOf(GOOD_ROWS));
		expect(noHeader.ok === false && noHeader.problems).toEqual([
			{
				row: 1,
				message:
					'Die erste Zeile muss die Spaltennamen enthalten: Themeninsel; Angebot; Beschreibung; Kontakt; Web. Am einfachsten laden Sie die Vorlage herunter und übertragen Ihre Angebote hinein.'
			}
		]);

		const noOffer = await csv('Themeninsel;Beschreibung\nJugend;Text');
		expect(noOffer.ok === false && noOffer.problems).toEqual([
			{ row: 1, column: 'Angebot', message: 'Die Spalte Angebot fehlt in der Kopfzeile. Erwartet werden die Spalten Themeninsel; Angebot; Beschreibung; Kontakt; Web.' }
		]);

		const onlyHeader = await csv(`${HEAD}\n;;;;\n`);
		expect(onlyHeader.ok === false && onlyHeader.problems).toEqual([{ message: 'Die Tabelle enthält nur die Kopfzeile, aber keine Angebote.' }]);
	});

	it('at most 99 Themeninseln', () => {
		const rows = [HEADER, ...Array.from({ length: 100 }, (_, i) => [`Insel ${i + 1}`, 'Angebot', '', '', ''])];

		const result = parseSetupSheet(rows);

		expect(result.ok === false && result.problems).toEqual([
			{ row: 101, column: 'Themeninsel', message: '„Insel 100“ wäre die 100. Themeninsel; höchstens 99 sind möglich.' }
		]);
		expect(parseSetupSheet(rows.slice(0, 100)).ok).toBe(true);
	});

	it('an unclosed quote names its row', async () => {
		const result = await csv(`${HEAD}\n${GOOD_ROWS[0]!.join(';')}\nJugend;"Angebot;;;\nJugend;Zwei;;;`);

		expect(result.ok === false && result.problems).toEqual([
			{ row: 3, message: 'Hier beginnt ein Anführungszeichen („"“), das nie geschlossen wird. Speichern Sie die Tabelle in Excel erneut als CSV.' }
		]);
	});
});

describe('an .xlsx workbook', () => {
	it('reads the first worksheet with the same grouping, and says that other sheets were left out', async () => {
		const bytes = await xlsxBytes([HEADER, ...GOOD_ROWS], { Notizen: [['nicht lesen']] });

		const result = await readSetupUpload({ name: 'Angebote 2024.xlsx', type: '', bytes });

		expect(stationsOf(result)).toEqual(GROUPED);
		expect(result.ok && result.setup.warnings).toEqual(['Gelesen wurde nur das erste Tabellenblatt „Angebote“; das zweite bleibt unberücksichtigt.']);
	});

	it('reads rich text, formulas, numbers and links as Excel shows them', async () => {
		const bytes = await xlsxBytes([
			HEADER,
			[
				{ richText: [{ text: 'Statistik, ' }, { text: 'Daten', font: { bold: true } }, { text: ', Portale' }] },
				{ formula: '"O.BIS"', result: 'O.BIS' },
				2023,
				'Stadt Oberhausen, Bereich 4-5',
				{ text: 'www.oberhausen.de/statistik', hyperlink: 'https://www.oberhausen.de/statistik' }
			]
		]);

		const result = await readSetupUpload({ name: 'a.xlsx', type: '', bytes });

		expect(stationsOf(result)).toEqual([
			{
				title: 'Statistik, Daten, Portale',
				contacts: [{ name: 'Stadt Oberhausen, Bereich 4-5', web: 'www.oberhausen.de/statistik' }],
				offers: [{ title: 'O.BIS', description: '2023' }]
			}
		]);
	});

	it('a Themeninsel in merged cells counts for every row of the merge', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Angebote');
		sheet.addRows([HEADER, ['Gesundheit', 'Zahnmedizinischer Dienst'], ['', 'Kompetenzzentrum Suchtberatung']]);
		sheet.mergeCells('A2:A3');

		const result = await readSetupUpload({ name: 'a.xlsx', type: '', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) });

		expect(stationsOf(result).map((s) => [s.title, s.offers.length])).toEqual([['Gesundheit', 2]]);
	});

	it('numbers rows as Excel does, empty rows included', async () => {
		const bytes = await xlsxBytes([HEADER, [], GOOD_ROWS[0]!, ['Jugend', '', 'ohne Titel']]);

		const result = await readSetupUpload({ name: 'a.xlsx', type: '', bytes });

		expect(result.ok === false && result.problems).toEqual([{ row: 4, column: 'Angebot', message: 'Das Angebot fehlt.' }]);
	});
});
