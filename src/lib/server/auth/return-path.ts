export const HOME = '/organisation';

const BASE = 'http://dialograum.invalid';

/**
 * Where to go after signing in (`?weiter=`): only a path on this site, never another host
 * (`//host`, `/\host` and the like), and never back to the sign-in itself.
 */
export function safeReturnPath(value: string | null | undefined): string {
	if (!value?.startsWith('/')) return HOME;
	let url: URL;
	try {
		url = new URL(value, BASE);
	} catch {
		return HOME;
	}
	if (url.origin !== BASE || url.pathname.startsWith('/anmelden')) return HOME;
	return url.pathname + url.search + url.hash;
}

export function signInPath(url: URL): string {
	return `/anmelden?weiter=${encodeURIComponent(url.pathname + url.search)}`;
}
