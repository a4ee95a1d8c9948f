import type { Handle } from '@sveltejs/kit';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/cookie';
import { validateSession } from '$lib/server/auth/sessions';
import { useRuntime } from '$lib/server/runtime';

/** Who is signed in: `locals.user` from the session cookie, which moves along with a sliding expiry. */
export const handle: Handle = async ({ event, resolve }) => {
	event.locals.user = undefined;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const session = validateSession(useRuntime().db, token);
		if (!session) clearSessionCookie(event.cookies, event.url);
		else {
			event.locals.user = session.user;
			if (session.renewed) setSessionCookie(event.cookies, event.url, token, session.expiresAt);
		}
	}
	return resolve(event);
};
