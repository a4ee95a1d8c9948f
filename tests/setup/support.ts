import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Db } from '$lib/server/db/connection';
import { findEventById, listPrompts, listStations } from '$lib/server/events/queries';

/** Bytes of a text file: UTF-8 unless told, optionally with a BOM. */
export function textBytes(text: string, { bom = false, encoding = 'utf-8' }: { bom?: boolean; encoding?: 'utf-8' | 'latin1' } = {}) {
	const body = Buffer.from(text, encoding === 'latin1' ? 'latin1' : 'utf8');
	return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
}

/** An .xlsx file whose first worksheet holds `rows` (and any more worksheets after it). */
export async function xlsxBytes(rows: (string | ExcelJS.CellValue)[][], more: Record<string, string[][]> = {}): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	workbook.addWorksheet('Angebote').addRows(rows);
	for (const [name, sheet] of Object.entries(more)) workbook.addWorksheet(name).addRows(sheet);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The event's set-up as the database holds it, in the shape of an import. */
export function storedSetup(db: Db, eventId: number) {
	const event = findEventById(db, eventId)!;
	return {
		stations: listStations(db, eventId).map((s) => ({
			title: s.title,
			contacts: s.contacts,
			offers: s.offers.map(({ title, description }) => ({ title, description }))
		})),
		prompts: { vote: event.votePrompt, cards: listPrompts(db, eventId).map((p) => p.text), feedback: event.feedbackPrompt }
	};
}

export const HEADER = ['Themeninsel', 'Angebot', 'Beschreibung', 'Kontakt', 'Web'];

/** A good sheet: three offers at two Themeninseln, the first one's rows apart. */
export const GOOD_ROWS = [
	['Gesundheit', 'Zahnmedizinischer Dienst', 'Prophylaxe in Kitas und Schulen', 'Stadt Oberhausen, Bereich 3-4 Gesundheit', 'www.oberhausen.de/gesundheit'],
	['Jugend', 'Angebote der Kinder- und Jugendarbeit', '', 'Stadt Oberhausen, Bereich 3-1 Kinder, Jugend und Familie', 'www.oberhausen.de/jugend'],
	['Gesundheit', 'Kompetenzzentrum Suchtberatung', 'Beratung, Behandlung; kostenlos und anonym', 'Stadt Oberhausen, Bereich 3-4 Gesundheit', 'www.oberhausen.de/gesundheit']
];

/** CSV as Excel writes it: fields with the separator, quotes or line breaks quoted. */
export function csvOf(rows: string[][], delimiter = ';'): string {
	return stringify(rows, { delimiter, record_delimiter: 'windows' });
}

export const GROUPED = [
	{
		title: 'Gesundheit',
		contacts: [{ name: 'Stadt Oberhausen, Bereich 3-4 Gesundheit', web: 'www.oberhausen.de/gesundheit' }],
		offers: [
			{ title: 'Zahnmedizinischer Dienst', description: 'Prophylaxe in Kitas und Schulen' },
			{ title: 'Kompetenzzentrum Suchtberatung', description: 'Beratung, Behandlung; kostenlos und anonym' }
		]
	},
	{
		title: 'Jugend',
		contacts: [{ name: 'Stadt Oberhausen, Bereich 3-1 Kinder, Jugend und Familie', web: 'www.oberhausen.de/jugend' }],
		offers: [{ title: 'Angebote der Kinder- und Jugendarbeit', description: '' }]
	}
];
