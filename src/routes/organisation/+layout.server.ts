import { requireUser } from '$lib/server/auth/guard';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, url, setHeaders }) => {
	const { email, name, role } = requireUser(locals, url);
	// Personal pages: never in a shared cache, never shown again from the back button after sign-out.
	setHeaders({ 'cache-control': 'private, no-store' });
	return { user: { email, name, role } };
};
