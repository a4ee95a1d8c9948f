import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { submitCard } from '$lib/server/cards/cards';
import { fillDemo } from '$lib/server/demo/fill-demo';
import { listPrompts, listStations } from '$lib/server/events/queries';
import { moderateEntry } from '$lib/server/moderation/moderation';
import { enterEvent } from '$lib/server/participants/participants';
import { addPhoto } from '$lib/server/photos/photos';
import type { Runtime } from '$lib/server/runtime';

export const HIDDEN_CARD = 'Diese Karte wurde ausgeblendet: Ärger-Quatsch 4711';
export const UMLAUT_CARD = 'Öffentlichkeitsarbeit über Grünflächen-Aushänge – „Schaufenster“ für alle Bürger*innen';
export const SCRIPT_CARD = '<script>alert(1)</script>';

/** A JPEG as a phone takes it: 3000 × 2000, turned by its EXIF orientation, with camera and GPS position. */
export function phonePhoto(options: { orientation?: number; width?: number; height?: number } = {}) {
	const { width = 3000, height = 2000, orientation = 1 } = options;
	return sharp({ create: { width, height, channels: 3, background: '#c8a878' } })
		.composite([{ input: { create: { width: Math.round(width / 3), height: Math.round(height / 3), channels: 3, background: '#fff7a8' } }, left: 0, top: 0 }])
		.jpeg({ quality: 90 })
		.withMetadata({ orientation })
		.withExif({
			IFD0: { Make: 'Testkamera', Model: 'Pinnwand 3000' },
			IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 28/1 3/1', GPSLongitudeRef: 'E', GPSLongitude: '6/1 51/1 7/1' }
		})
		.toBuffer();
}

/**
 * The demo event after a conference: answers from `fillDemo` (which brings a `<script>` card and one of 280
 * characters), a card with umlauts and typographic quotes, a card a moderator hid, and a photo with GPS data of the
 * first Themeninsel.
 */
export async function holdDocumentedConference(runtime: Pick<Runtime, 'db' | 'bus' | 'config' | 'sqlite'>, participants = 40) {
	const filled = fillDemo(runtime, { participants, feedback: participants, seed: 7 });
	const eventId = filled.eventId;
	const [first, second] = listStations(runtime.db, eventId);
	const [promote] = listPrompts(runtime.db, eventId);
	const author = enterEvent(runtime, eventId, randomUUID());
	const card = (stationId: number, text: string) => {
		const clientId = randomUUID();
		submitCard(runtime, { eventId, participantId: author, clientId, stationId, promptId: promote!.id, text });
		return runtime.sqlite.prepare('select id from card where client_id = ?').get(clientId) as { id: number };
	};
	card(first!.id, UMLAUT_CARD);
	const hidden = card(second!.id, HIDDEN_CARD);
	moderateEntry(runtime, { eventId, kind: 'card', id: hidden.id, status: 'hidden' });
	const photo = await addPhoto(
		{ db: runtime.db, dataDir: runtime.config.dataDir },
		{ eventId, stationId: first!.id, bytes: await phonePhoto(), caption: 'Pinnwand „Wohnumfeld“ am Nachmittag' }
	);
	return { eventId, filled, photo, stations: listStations(runtime.db, eventId) };
}
