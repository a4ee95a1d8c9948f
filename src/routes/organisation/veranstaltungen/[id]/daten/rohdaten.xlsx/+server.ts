import { error } from '@sveltejs/kit';
import { attachment, CONTENT_TYPE, downloadName } from '$lib/server/exports/download';
import { EVENT_NOT_FOUND, organiserEvent } from '$lib/server/exports/organiser-event';
import { rawDataTables } from '$lib/server/exports/raw-data';
import { tablesXlsx } from '$lib/server/exports/xlsx';
import { useRuntime } from '$lib/server/runtime';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url, params }) => {
	const { db } = useRuntime();
	const event = organiserEvent(db, locals, url, params.id);
	const tables = rawDataTables(db, event.id);
	if (!tables) error(404, EVENT_NOT_FOUND);
	return attachment(await tablesXlsx(tables), CONTENT_TYPE.xlsx, downloadName('rohdaten', event, 'xlsx'));
};
