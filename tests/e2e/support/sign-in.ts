/** Posts the sign-in form as a browser without JavaScript would; the response is not followed. */
export function postSignIn(baseUrl: string, fields: Record<string, string>, origin = baseUrl): Promise<Response> {
	return fetch(`${baseUrl}/anmelden`, {
		method: 'POST',
		redirect: 'manual',
		headers: { origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields)
	});
}

/** The session cookie (`name=value`) a response sets, if any. */
export function sessionCookie(response: Response): string | undefined {
	return response.headers.getSetCookie().find((c) => c.startsWith('dialograum_session='))?.split(';')[0];
}
