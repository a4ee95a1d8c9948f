import type { Db } from '../db/connection';
import { drawJoinPoster } from './join-poster';
import { printEvent, type PrintEvent } from './print-event';
import { A4, drawFooter, finish, printDocument, writeText } from './sheet';
import { drawTableCard } from './table-card';

// Each resolves to undefined when the event does not exist.

/** One A4 page per Themeninsel, in order, each with the QR code to `<baseUrl>/<CODE>/<n>`. */
export function printTableCards(db: Db, eventId: number, baseUrl: string): Promise<Buffer | undefined> {
	return print(db, eventId, baseUrl, 'Tischkarten', drawTableCards);
}

/** One A4 page inviting people to join, with the QR code to `<baseUrl>/<CODE>`. */
export function printJoinPoster(db: Db, eventId: number, baseUrl: string): Promise<Buffer | undefined> {
	return print(db, eventId, baseUrl, 'Plakat', drawJoinPoster);
}

/** Everything to print in one file: the poster first, then the table cards. */
export function printMaterials(db: Db, eventId: number, baseUrl: string): Promise<Buffer | undefined> {
	return print(db, eventId, baseUrl, 'Plakat und Tischkarten', (doc, event) => {
		drawJoinPoster(doc, event);
		drawTableCards(doc, event);
	});
}

function drawTableCards(doc: PDFKit.PDFDocument, event: PrintEvent): void {
	for (const station of event.stations) drawTableCard(doc, event, station);
	if (event.stations.length > 0) return;
	doc.addPage();
	writeText(doc, 'Diese Veranstaltung hat noch keine Themeninseln. Legen Sie sie an, dann gibt es hier eine Tischkarte je Themeninsel.', A4.margin, {
		font: 'regular',
		size: 16
	});
	drawFooter(doc, event.footer);
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
	return finish(doc);
}
