import { error } from '@sveltejs/kit';
import { requireUser } from '../auth/guard';
import { attachment, CONTENT_TYPE, downloadName } from '../exports/download';
import { EVENT_NOT_FOUND, organiserEvent } from '../exports/organiser-event';
import { useRuntime } from '../runtime';
import { findSeries } from '../series/series';
import { eventDocument, type DocumentFormat } from './event-document';
import { seriesDocument } from './series-document';

const TYPES: Record<DocumentFormat, string> = {
	pdf: CONTENT_TYPE.pdf,
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

export const SERIES_NOT_FOUND = 'Diese Veranstaltungsreihe gibt es nicht (mehr).';

type Request = { locals: App.Locals; url: URL };

/** `dokumentation-alstaden-lirich-2023-09-06.pdf`, for organisers only. */
export async function eventDocumentResponse(request: Request & { params: { id: string } }, format: DocumentFormat): Promise<Response> {
	const { db, config } = useRuntime();
	const event = organiserEvent(db, request.locals, request.url, request.params.id);
	const file = await eventDocument(db, config.dataDir, event.id, format);
	if (!file) error(404, EVENT_NOT_FOUND);
	return attachment(file, TYPES[format], downloadName('dokumentation', event, format));
}

/** `dokumentation-expertinnendialoge-im-sozialraum-2023.pdf`, for organisers only. */
export async function seriesDocumentResponse(request: Request & { params: { seriesId: string } }, format: DocumentFormat): Promise<Response> {
	requireUser(request.locals, request.url, 'organiser');
	const { db, config } = useRuntime();
	const series = /^\d{1,15}$/.test(request.params.seriesId) ? findSeries(db, Number(request.params.seriesId)) : undefined;
	if (!series) error(404, SERIES_NOT_FOUND);
	const file = await seriesDocument(db, config.dataDir, series.id, format);
	if (!file) error(404, SERIES_NOT_FOUND);
	return attachment(file, TYPES[format], seriesFileName(series.title, format));
}

export function seriesFileName(title: string, format: DocumentFormat): string {
	return downloadName('dokumentation', { sozialraum: title.replace(/\*/g, ''), date: '' }, format);
}
