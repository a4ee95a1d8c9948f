// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** Set by hooks.server.ts from the session cookie. */
			user: import('$lib/server/auth/users').User | undefined;
		}
	}
}

export {};
