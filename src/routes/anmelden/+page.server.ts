import { fail, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { safeReturnPath } from '$lib/server/auth/return-path';
import { SignInForm } from '$lib/server/auth/schemas';
import { signIn } from '$lib/server/auth/sign-in';
import { useRuntime } from '$lib/server/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	const next = safeReturnPath(url.searchParams.get('weiter'));
	if (locals.user) redirect(303, next);
	return { next, signedOut: url.searchParams.has('abgemeldet') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const form = await request.formData();
		const text = (name: string) => String(form.get(name) ?? '');
		const email = text('email').slice(0, 254);
		const parsed = v.safeParse(SignInForm, { email, password: text('password') });
		if (!parsed.success) {
			const nested = v.flatten<typeof SignInForm>(parsed.issues).nested ?? {};
			return fail(400, { email, fields: { email: nested.email?.[0], password: nested.password?.[0] } });
		}

		const { db, signInThrottle } = useRuntime();
		const result = await signIn(db, signInThrottle, { ...parsed.output, clientAddress: clientAddress(getClientAddress) });
		if (!result.ok) return fail(result.throttled ? 429 : 400, { email, problem: result.message });

		setSessionCookie(cookies, url, result.token, result.expiresAt);
		redirect(303, safeReturnPath(text('weiter')));
	}
};

function clientAddress(getClientAddress: () => string): string {
	try {
		return getClientAddress();
	} catch {
		return 'unbekannt';
	}
}
