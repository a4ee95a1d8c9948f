import type { Handle, HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '$lib/server/auth/cookie';
import { validateSession } from '$lib/server/auth/sessions';
import { useRuntime } from '$lib/server/runtime';
import { SECURITY_HEADERS } from '$lib/server/security-headers';

/** Who is signed in: `locals.user` from the session cookie, which moves along with a sliding expiry. */
const session: Handle = async ({ event, resolve }) => {
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

const setMissing = (headers: Headers) => {
	for (const [name, value] of SECURITY_HEADERS) if (!headers.has(name)) headers.set(name, value);
};

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	try {
		setMissing(response.headers);
		return response;
	} catch {
		// A response passed on from fetch() has immutable headers.
		const copy = new Response(response.body, response);
		setMissing(copy.headers);
		return copy;
	}
};

export const handle = sequence(securityHeaders, session);

/** SvelteKit's own refusals (unknown page, oversized or odd form posts) in German, as the error page shows them. */
const ERROR_MESSAGES: Record<number, string> = {
	400: 'Die Anfrage ist ungültig. Bitte laden Sie die Seite neu.',
	404: 'Diese Seite gibt es nicht. Bitte prüfen Sie die Adresse.',
	405: 'Das geht auf dieser Seite nicht.',
	413: 'Die gesendeten Daten sind zu groß.',
	415: 'Das Formular kam in einem unerwarteten Format an. Bitte laden Sie die Seite neu.'
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (status >= 500) console.error(error);
	return { message: ERROR_MESSAGES[status] ?? 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.' };
};
