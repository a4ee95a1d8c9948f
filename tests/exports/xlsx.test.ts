import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawDataTables } from '$lib/server/exports/raw-data';
import { tablesXlsx } from '$lib/server/exports/xlsx';
import { startTestRuntime } from '../support/test-runtime';
import { FIRST_CARD_AT, holdConference } from './conference';

let runtime: ReturnType<typeof startTestRuntime>;
const workbook = new ExcelJS.Workbook();

beforeAll(async () => {
	runtime = startTestRuntime({ DEMO: 'on' });
	const { eventId } = holdConference(runtime);
	const file = await tablesXlsx(rawDataTables(runtime.db, eventId, new Date('2023-09-06T15:30:00Z'))!);
	await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
});
afterAll(() => runtime.close());

function sheet(name: string) {
	const found = workbook.getWorksheet(name);
	if (!found) throw new Error(`sheet ${name} missing`);
	return found;
}
const values = (name: string) =>
	sheet(name)
		.getSheetValues()
		.slice(1)
		.map((row) => (row as ExcelJS.CellValue[]).slice(1));

describe('raw data as an Excel workbook', () => {
	it('has one sheet per table, in order', () => {
		expect(workbook.worksheets.map((s) => s.name)).toEqual(['Angebote', 'Karten', 'Feedback', 'Feedback (alle Einträge)', 'Beteiligung']);
	});

	it('Angebote: counts as numbers, the share as a percentage', () => {
		const rows = values('Angebote');
		expect(rows[0]).toEqual(['Nr.', 'Themeninsel', 'Angebot', 'Ja', 'Nein', 'Antworten', 'Anteil Ja']);
		expect(rows[1]).toEqual([1, 'Wohnumfeld', 'Angebote des Bereichs Umwelt', 2, 1, 3, 2 / 3]);
		expect(rows[3]).toEqual([2, '(Weiter)Bildung/Kultur', 'Nachholen von Schulabschlüssen', 0, 0, 0]);
		expect(rows).toHaveLength(1 + 36);
		expect(sheet('Angebote').getCell('G2').numFmt).toBe('0.0%');
		expect(sheet('Angebote').getRow(1).font?.bold).toBe(true);
	});

	it('Karten: text never becomes a formula; the Berlin time is a date; hidden, held and withdrawn are marked', () => {
		const cards = sheet('Karten');
		const formula = cards.getColumn(4).values.findIndex((v) => v === '=SUM(A1)');
		expect(formula).toBeGreaterThan(1);
		const cell = cards.getCell(formula, 4);
		expect(cell.type).toBe(ExcelJS.ValueType.String);
		expect(cell.formula).toBeUndefined();

		const first = cards.getRow(2);
		expect(first.getCell(4).value).toBe('Flyer im Bürgerbüro – „Schaufenster“ für alle*');
		// FIRST_CARD_AT is 14:05:09 on the clock in the room: the cell (which has no time zone) holds that.
		expect(FIRST_CARD_AT.getUTCHours()).toBe(12);
		expect(first.getCell(5).value).toEqual(new Date('2023-09-06T14:05:09Z'));
		expect(first.getCell(5).numFmt).toBe('dd.mm.yyyy hh:mm:ss');

		const byText = Object.fromEntries(values('Karten').slice(1).map((r) => [r[3], [r[5], r[6]]]));
		expect(byText).toEqual({
			'Flyer im Bürgerbüro – „Schaufenster“ für alle*': ['sichtbar', 'nein'],
			'=SUM(A1)': ['sichtbar', 'nein'],
			'Über die Grundschule; Nachbarin sagt: "kennt man"\nzweite Zeile': ['sichtbar', 'nein'],
			'Werbung für Ärger': ['ausgeblendet', 'nein'],
			'alles Blödsinn': ['zurückgehalten', 'nein'],
			'doch nicht': ['sichtbar', 'ja']
		});
	});

	it('Feedback: counted words; every entry with its status on its own sheet', () => {
		expect(values('Feedback')).toEqual([
			['Wort', 'Anzahl'],
			['Super', 2],
			['Stadt Danke', 1],
			['Tolle Gespräche', 1]
		]);
		const entries = values('Feedback (alle Einträge)');
		expect(entries.map((r) => [r[0], r[2]])).toEqual([
			['Text', 'Status'],
			['Super', 'sichtbar'],
			['super!', 'sichtbar'],
			['Tolle Gespräche', 'sichtbar'],
			['@Stadt Danke', 'sichtbar'],
			['Blödsinn', 'zurückgehalten'],
			['Öde', 'ausgeblendet']
		]);
		expect(entries.slice(1).every((r) => r[1] instanceof Date)).toBe(true);
	});

	it('Beteiligung: devices, headcount, votes, cards, feedback and when it was exported', () => {
		expect(values('Beteiligung')).toEqual([
			['Kennzahl', 'Wert'],
			['Veranstaltung', 'Expert*innendialog im Sozialraum Alstaden/Lirich'],
			['Sozialraum', 'Alstaden/Lirich'],
			['Datum', '2023-09-06'],
			['Code', 'DEMO'],
			['Teilnehmende (Geräte)', 3],
			['Kopfzahl am Einlass', 88],
			['Stimmen (Ja/Nein)', 4],
			['Karten', 6],
			['Karten, davon sichtbar', 3],
			['Feedback-Antworten', 6],
			['Feedback-Antworten, davon sichtbar', 4],
			['Exportiert am (Europe/Berlin)', new Date('2023-09-06T17:30:00Z')]
		]);
	});
});
