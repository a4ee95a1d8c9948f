/**
 * Headers for every response (the CSP comes from `kit.csp` in svelte.config.js): set on pages and
 * endpoints by src/hooks.server.ts, and on the static files, which don't pass through SvelteKit,
 * by server.js. A page may set its own value first, e.g. the projector's `Referrer-Policy: no-referrer`.
 */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
	['x-content-type-options', 'nosniff'],
	['referrer-policy', 'strict-origin-when-cross-origin'],
	['x-frame-options', 'DENY'],
	// The camera only for this site's own photo upload, fullscreen for the projector, nothing else.
	[
		'permissions-policy',
		'camera=(self), fullscreen=(self), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), accelerometer=(), gyroscope=(), magnetometer=(), display-capture=(), browsing-topics=()'
	],
	['cross-origin-opener-policy', 'same-origin']
];
