import type { Db } from '../db/connection';
import { drawJoinPoster } from './join-poster';
import { printEvent, type PrintEvent } from './print-event';
import { finish, printDocument } from './sheet';
import { drawTableCard } from './table-card';

/** The print files of an event; each resolves to undefined when the event does not exist. */

/** One A4 page per Themeninsel, in order, each with the QR code to `<baseUrl>/<CODE>/<n>`. */
export function printTableCards(db: Db, eventId: number, baseUrl: string): Promise<Buffer | undefined> {
	return print(db, eventId, baseUrl, 'Tischkarten', (doc, event) => event.stations.forEach((s) => drawTableCard(doc, event, s)));
}

/** One A4 page inviting people to join, with the QR code to `<baseUrl>/<CODE>`. */
export function printJoinPoster(db: Db, eventId: number, baseUrl: string): Promise<Buffer | undefined> {
	return print(db, eventId, baseUrl, 'Plakat', drawJoinPoster);
}

/** Everything to print in one file: the poster first, then the table cards. */
export function printMaterials(db: Db, eventId: number, baseUrl: string): Promise<Buffer | undefined> {
	return print(db, eventId, baseUrl, 'Plakat und Tischkarten', (doc, event) => {
		drawJoinPoster(doc, event);
		event.stations.forEach((s) => drawTableCard(doc, event, s));
	});
}

async function print(
	db: Db,
	eventId: number,
	baseUrl: string,
	kind: string,
	draw: (doc: PDFKit.PDFDocument, event: PrintEvent) => void
): Promise<Buffer | undefined> {
	const event = printEvent(db, eventId, baseUrl);
	if (!event) return undefined;
	const doc = printDocument(`${kind} – ${event.title}`);
	draw(doc, event);
	// pdfkit can't end a document without pages: an event without Themeninseln still gets a valid (empty) page.
	if (doc.bufferedPageRange().count === 0) doc.addPage();
	return finish(doc);
}
