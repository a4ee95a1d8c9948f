import { randomBytes } from 'node:crypto';
import type { EventSetup } from './model';
import type { SetupFormat } from './read-upload';

export type PendingImport = { userId: number; eventId: number; format: SetupFormat; fileName: string; setup: EventSetup };

/** How long a preview can be confirmed; long enough to read 13 Themeninseln, short enough to be forgotten. */
export const PENDING_IMPORT_MS = 30 * 60_000;
const MAX_PENDING = 20;

/**
 * Checked set-ups between preview and confirmation, in memory, under a random token. The browser only
 * holds the token, so what is applied is exactly what the server checked and showed; a token only works
 * for the account and event it was made for, until it expires or is used.
 */
export function createPendingImports(now: () => number = Date.now) {
	const entries = new Map<string, PendingImport & { expiresAt: number }>();

	function prune() {
		for (const [token, entry] of entries) if (entry.expiresAt <= now()) entries.delete(token);
	}

	return {
		put(pending: PendingImport): string {
			prune();
			// Map keeps insertion order: the first entry is the oldest.
			while (entries.size >= MAX_PENDING) entries.delete(entries.keys().next().value!);
			const token = randomBytes(24).toString('base64url');
			entries.set(token, { ...pending, expiresAt: now() + PENDING_IMPORT_MS });
			return token;
		},
		find(token: string, userId: number, eventId: number): PendingImport | undefined {
			prune();
			const entry = entries.get(token);
			return entry && entry.userId === userId && entry.eventId === eventId ? entry : undefined;
		},
		discard(token: string): void {
			entries.delete(token);
		}
	};
}

export type PendingImports = ReturnType<typeof createPendingImports>;

export const pendingImports = createPendingImports();
