import { requireUser } from '$lib/server/auth/guard';
import { TEMPLATE_FILE_NAME, setupTemplateCsv } from '$lib/server/setup/template';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	requireUser(locals, url, 'organiser');
	return new Response(setupTemplateCsv(), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${TEMPLATE_FILE_NAME}"`,
			'cache-control': 'private, no-store'
		}
	});
};
