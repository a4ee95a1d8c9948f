import { organiserEvent } from '$lib/server/exports/organiser-event';
import { useRuntime } from '$lib/server/runtime';
import { exportFileName, exportSetupJson } from '$lib/server/setup/export-setup';
import type { RequestHandler } from './$types';

/** The event's set-up as a JSON file, to import into another event or keep for next year. */
export const GET: RequestHandler = ({ locals, url, params }) => {
	const { db } = useRuntime();
	const event = organiserEvent(db, locals, url, params.id);
	return new Response(`${JSON.stringify(exportSetupJson(db, event.id), null, 2)}\n`, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(event)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
