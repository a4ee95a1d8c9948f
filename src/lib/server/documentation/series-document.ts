import { longDate } from '../../dates';
import type { Db } from '../db/connection';
import type { Block } from './blocks';
import { buildEventReport } from './build-event-report';
import { comparisonBlocks } from './comparison-blocks';
import { buildSeriesComparison, seriesEvents } from './comparison';
import { writeDocx } from './docx';
import type { DocumentFormat } from './event-document';
import { closingBlocks, eventBlocks } from './event-blocks';
import { numericDate } from './german';
import { writePdf } from './pdf';

/**
 * The Dokumentation of a whole series: every event's sections, one after the other, then the comparison of the
 * Sozialräume, all dates and the imprint. Undefined when there is no such series.
 */
export async function seriesDocument(db: Db, dataDir: string, seriesId: number, format: DocumentFormat): Promise<Buffer | undefined> {
	const comparison = buildSeriesComparison(db, seriesId);
	if (!comparison) return undefined;
	const { series } = comparison;
	const reports = seriesEvents(db, seriesId).flatMap((e) => buildEventReport(db, e.id) ?? []);
	const dates = [...series.dates].sort((a, b) => a.date.localeCompare(b.date));
	const span = reports.length > 0 ? `${numericDate(reports[0]!.event.date)} bis ${numericDate(reports.at(-1)!.event.date)}` : '';

	const blocks: Block[] = [
		{
			kind: 'cover',
			lines: [
				{ text: series.title, size: 'title' },
				{ text: `${reports.length === 1 ? 'Eine Veranstaltung' : `${reports.length} Veranstaltungen`} in den Sozialräumen`, size: 'large' },
				...(span ? [{ text: span, size: 'small' as const }] : []),
				{ text: '– Die Dokumentation –', size: 'label' }
			]
		},
		{ kind: 'contents', title: 'Inhalt' }
	];
	for (const report of reports) {
		blocks.push({ kind: 'heading', level: 1, text: `Sozialraum ${report.event.sozialraum}`, kicker: longDate(report.event.date), newPage: true });
		blocks.push(...(await eventBlocks(report, { dataDir, depth: 1, closing: false })));
	}
	blocks.push(...(await comparisonBlocks(comparison)));
	blocks.push(...closingBlocks({ series: { ...series, dates } }));

	const meta = { title: `Dokumentation: ${series.title}`, subject: series.title, footer: `Dokumentation · ${series.title}` };
	return format === 'docx' ? writeDocx(blocks, meta) : writePdf(blocks, meta);
}
