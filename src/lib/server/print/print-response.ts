import { error } from '@sveltejs/kit';
import type { Db } from '../db/connection';
import { joinBase } from '../events/join-url';
import { attachment, CONTENT_TYPE, downloadName } from '../exports/download';
import { EVENT_NOT_FOUND, organiserEvent } from '../exports/organiser-event';
import { useRuntime } from '../runtime';

type Print = (db: Db, eventId: number, baseUrl: string) => Promise<Buffer | undefined>;

/** Answers a print download: the PDF for organisers, with the QR codes pointing where the projector's does. */
export async function printResponse(request: { locals: App.Locals; url: URL; params: { id: string } }, name: string, print: Print): Promise<Response> {
	const { db, config } = useRuntime();
	const event = organiserEvent(db, request.locals, request.url, request.params.id);
	const pdf = await print(db, event.id, joinBase(request.url, config.origin));
	if (!pdf) error(404, EVENT_NOT_FOUND);
	return attachment(pdf, CONTENT_TYPE.pdf, downloadName(name, event, 'pdf'));
}
