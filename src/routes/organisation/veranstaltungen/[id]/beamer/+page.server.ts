import { requireUser } from '$lib/server/auth/guard';
import { eventById, projectorPage } from '$lib/server/display/projector-page';
import type { PageServerLoad } from './$types';

/** The projector for signed-in organisers and moderators: the same display, plus keyboard control. */
export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	requireUser(locals, url);
	setHeaders({ 'cache-control': 'private, no-store' });
	const event = eventById(params.id);
	return { projector: await projectorPage(event, url), access: { eventId: event.id } };
};
