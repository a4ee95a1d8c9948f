import sharp from 'sharp';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percent } from '$lib/charts/awareness';
import { LONG_CARD } from '$lib/server/demo/fill-demo';
import { buildEventReport } from '$lib/server/documentation/build-event-report';
import { eventDocument } from '$lib/server/documentation/event-document';
import type { EventReport } from '$lib/server/documentation/model';
import { startTestRuntime } from '../support/test-runtime';
import { HIDDEN_CARD, holdDocumentedConference, SCRIPT_CARD, UMLAUT_CARD } from './conference';
import { readDocx, readPdf, squeeze } from './read-files';

let runtime: ReturnType<typeof startTestRuntime>;
let report: EventReport;
let pdf: ReturnType<typeof readPdf>;
let pdfBytes: Buffer;
let docx: Awaited<ReturnType<typeof readDocx>>;
let docxBytes: Buffer;

beforeAll(async () => {
	runtime = startTestRuntime({ DEMO: 'on' });
	const { eventId } = await holdDocumentedConference(runtime);
	report = buildEventReport(runtime.db, eventId)!;
	docxBytes = (await eventDocument(runtime.db, runtime.config.dataDir, eventId, 'docx'))!;
	pdfBytes = (await eventDocument(runtime.db, runtime.config.dataDir, eventId, 'pdf'))!;
	pdf = readPdf(pdfBytes);
	docx = await readDocx(docxBytes);
}, 120_000);
afterAll(() => runtime?.close());

const offers = () => report.stations.flatMap((s) => s.offers);

/** Each offer's row of the table: title, Ja, Nein, answers, share. */
const rowOf = (offer: EventReport['stations'][number]['offers'][number]) =>
	squeeze(`${offer.title}${offer.yes}${offer.no}${offer.answers}${offer.share === undefined ? '–' : percent(offer.share)}`);

describe.each([
	['PDF', () => pdf.text],
	['DOCX', () => docx.text]
])('the %s', (_format, text) => {
	it('has the title page, every section and every Themeninsel', () => {
		const all = squeeze(text());
		for (const line of ['Expert*innendialoge im Sozialraum 2023', 'Expert*innendialog im Sozialraum Alstaden/Lirich', 'Mittwoch, 6. September 2023', '– Die Dokumentation –']) {
			expect(all).toContain(squeeze(line));
		}
		for (const heading of ['Inhalt', 'Einleitung', 'Programm', 'World-Café „Markt der Möglichkeiten“', 'Feedback', 'Fazit', 'Alle Termine', 'Impressum']) {
			expect(all).toContain(squeeze(heading));
		}
		for (const station of report.stations) expect(all).toContain(squeeze(station.title));
	});

	it('has each offer with its Ja and Nein counts and share', () => {
		const all = squeeze(text());
		for (const offer of offers()) expect(all, offer.title).toContain(rowOf(offer));
	});

	it('has the headcount, the answers of the feedback and the dates of the series', () => {
		const all = squeeze(text());
		expect(all).toContain(squeeze('von den insgesamt 88 Teilnehmenden'));
		expect(all).toContain(squeeze(`${report.feedback.answers} Antworten`));
		for (const line of ['16.08.2023 Mitte/Styrum', '06.09.2023 Alstaden/Lirich', '23.11.2023 Sterkrade-Nord']) expect(all).toContain(squeeze(line));
		expect(all).toContain(squeeze('Essener Straße 53'));
	});

	it('has the visible cards as plain text, umlauts and markup included, but not the hidden one', () => {
		const all = squeeze(text());
		expect(all).toContain(squeeze(UMLAUT_CARD));
		expect(all).toContain(squeeze(SCRIPT_CARD));
		expect(all).toContain(squeeze(LONG_CARD));
		expect(all).not.toContain(squeeze(HIDDEN_CARD));
		expect(all).not.toContain('Ärger-Quatsch');
	});

	it('has the photo’s caption', () => {
		expect(squeeze(text())).toContain(squeeze('Pinnwand „Wohnumfeld“ am Nachmittag'));
	});
});

describe('the PDF', () => {
	it('is A4 with the title in its metadata and Source Sans 3 embedded', () => {
		expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
		expect(pdf.info).toMatch(/^Title:\s+Dokumentation: Expert\*innendialog im Sozialraum Alstaden\/Lirich$/m);
		const fonts = pdf.fonts.split('\n').slice(2).filter(Boolean);
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) expect(font).toMatch(/SourceSans3-\w+\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
	});

	it('has a table of contents with the page each section starts on, and page numbers in the footer', () => {
		const [cover, contents] = pdf.pages;
		expect(cover).not.toMatch(/Seite \d+ von/);
		const total = pdf.pages.length;
		const entries = [...contents!.matchAll(/^(.+?)\s*\.*\s*(\d+)$/gm)].map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
		for (const title of ['Einleitung', 'Fazit', 'Impressum', ...report.stations.map((s) => s.title)]) {
			const entry = entries.find((e) => e.title === title);
			expect(entry, title).toBeDefined();
			const page = pdf.pages[entry!.page - 1]!;
			expect(squeeze(page), `${title} on page ${entry!.page}`).toContain(squeeze(title));
			expect(page).toContain(`Seite ${entry!.page} von ${total}`);
		}
	});

	it('puts each Themeninsel on a page of its own', () => {
		for (const station of report.stations) {
			const page = pdf.pages.find((p) => p.includes(`THEMENINSEL ${station.position}\n`));
			expect(page, station.title).toBeDefined();
		}
	});
});

describe('the DOCX', () => {
	it('uses Word’s heading styles and a table of contents field that Word updates on opening', () => {
		const has = (pattern: RegExp) => pattern.test(docx.document);
		expect(has(/<w:pStyle w:val="Heading1"\/>/), 'Heading 1').toBe(true);
		expect(has(/<w:pStyle w:val="Heading2"\/>/), 'Heading 2').toBe(true);
		expect(has(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/), 'TOC field').toBe(true);
		expect(/<w:updateFields(?: w:val="(?:true|1|on)")?\/>/.test(docx.settings), 'updateFields').toBe(true);
		// Filled in already, so LibreOffice and previews show it before anyone updates it.
		expect(docx.text).toMatch(/Einleitung\s*3/);
	});

	it('has the charts and the word cloud as PNG and the photo as JPEG, each with a description', async () => {
		const media = docx.files.filter((f) => f.startsWith('word/media/'));
		const stationsWithOffers = report.stations.filter((s) => s.offers.length > 0).length;
		expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(stationsWithOffers + 1);
		const jpegs = media.filter((f) => /\.jpe?g$/.test(f));
		expect(jpegs).toHaveLength(1);
		expect(docx.document.includes('descr="Wortwolke mit')).toBe(true);
		expect(docx.document.includes('descr="Pinnwand „Wohnumfeld“ am Nachmittag"')).toBe(true);
		const zip = await JSZip.loadAsync(docxBytes);
		const photo = await sharp(await zip.file(jpegs[0]!)!.async('nodebuffer')).metadata();
		expect(photo.exif).toBeUndefined();
	});

	it('escapes markup in cards, so Word shows it as text', () => {
		expect(docx.document.includes('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe(true);
		expect(docx.document.includes('<script>')).toBe(false);
	});
});
