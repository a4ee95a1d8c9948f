import { longDate } from '$lib/dates';
import { joinBase } from '$lib/server/events/join-url';
import { organiserEvent } from '$lib/server/exports/organiser-event';
import { rawDataTables } from '$lib/server/exports/raw-data';
import { listStations } from '$lib/server/events/queries';
import { useRuntime } from '$lib/server/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, params }) => {
	const { db, config } = useRuntime();
	const event = organiserEvent(db, locals, url, params.id);
	return {
		event: { id: event.id, title: event.title, date: longDate(event.date), sozialraum: event.sozialraum, code: event.joinCode },
		stations: listStations(db, event.id).length,
		/** Where the printed QR codes lead, so it can be checked before printing. */
		joinUrl: `${joinBase(url, config.origin)}/${event.joinCode}`,
		tables: (rawDataTables(db, event.id) ?? []).map(({ slug, title, rows }) => ({ slug, title, rows: rows.length }))
	};
};
