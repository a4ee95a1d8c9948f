import { requireUser } from '$lib/server/auth/guard';
import { useRuntime } from '$lib/server/runtime';
import { eventOfParam } from '$lib/server/setup/event-param';
import { exportFileName, exportSetupJson } from '$lib/server/setup/export-setup';
import type { RequestHandler } from './$types';

/** The event's set-up as a JSON file, to import into another event or keep for next year. */
export const GET: RequestHandler = ({ locals, url, params }) => {
	requireUser(locals, url, 'organiser');
	const { db } = useRuntime();
	const event = eventOfParam(db, params.id);
	return new Response(`${JSON.stringify(exportSetupJson(db, event.id), null, 2)}\n`, {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="${exportFileName(event)}"`,
			'cache-control': 'private, no-store'
		}
	});
};
