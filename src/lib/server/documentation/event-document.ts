import { longDate } from '../../dates';
import type { Db } from '../db/connection';
import type { Block } from './blocks';
import { buildEventReport } from './build-event-report';
import { writeDocx } from './docx';
import { eventBlocks, eventCover } from './event-blocks';
import { numericDate } from './german';
import type { EventReport } from './model';
import { writePdf } from './pdf';

export type DocumentFormat = 'docx' | 'pdf';

/** The blocks of an event's Dokumentation: title page, contents, every section, dates and imprint. */
export async function eventDocumentBlocks(report: EventReport, dataDir: string): Promise<Block[]> {
	return [eventCover(report), { kind: 'contents', title: 'Inhalt' }, ...(await eventBlocks(report, { dataDir, depth: 0, closing: true }))];
}

/** The Dokumentation of an event as a DOCX or PDF file, or undefined when there is no such event. */
export async function eventDocument(db: Db, dataDir: string, eventId: number, format: DocumentFormat): Promise<Buffer | undefined> {
	const report = buildEventReport(db, eventId);
	if (!report) return undefined;
	const blocks = await eventDocumentBlocks(report, dataDir);
	const meta = {
		title: `Dokumentation: ${report.event.title}`,
		subject: `${report.series.title}, ${longDate(report.event.date)}`,
		footer: `Dokumentation · ${report.event.title} · ${numericDate(report.event.date)}`
	};
	return format === 'docx' ? writeDocx(blocks, meta) : writePdf(blocks, meta);
}
