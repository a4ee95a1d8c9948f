import { error } from '@sveltejs/kit';
import { tableCsv } from '$lib/server/exports/csv';
import { attachment, CONTENT_TYPE, downloadName } from '$lib/server/exports/download';
import { organiserEvent } from '$lib/server/exports/organiser-event';
import { rawDataTables } from '$lib/server/exports/raw-data';
import { useRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url, params }) => {
	const { db } = useRuntime();
	const event = organiserEvent(db, locals, url, params.id);
	const table = rawDataTables(db, event.id)?.find((t) => t.slug === params.tabelle);
	if (!table) error(404, 'Diese Tabelle gibt es nicht. Die Downloads stehen auf der Seite „Downloads“ der Veranstaltung.');
	return attachment(tableCsv(table), CONTENT_TYPE.csv, downloadName(table.slug, event, 'csv'));
};
