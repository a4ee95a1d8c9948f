import { eventByDisplayToken, projectorPage } from '$lib/server/display/projector-page';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, setHeaders }) => {
	const event = eventByDisplayToken(params.token);
	// The link is the key: never pass it on, never keep it in a cache.
	setHeaders({ 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
	return { projector: await projectorPage(event, url), access: { token: params.token } };
};
