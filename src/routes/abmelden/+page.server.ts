import { redirect } from '@sveltejs/kit';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/auth/cookie';
import { invalidateSession } from '$lib/server/auth/sessions';
import { useRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

// Signing out changes state, so it is a POST (a form button); a plain visit just goes on.
export const load: PageServerLoad = ({ locals }) => {
	redirect(303, locals.user ? '/organisation' : '/anmelden');
};

export const actions: Actions = {
	default: ({ cookies, url }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) invalidateSession(useRuntime().db, token);
		clearSessionCookie(cookies, url);
		redirect(303, '/anmelden?abgemeldet');
	}
};
