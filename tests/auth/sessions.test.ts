import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { user } from '$lib/server/db/schema';
import { createSession, invalidateSession, SESSION_LIFETIME_MS, validateSession } from '$lib/server/auth/sessions';
import { findUserByEmail, setPassword } from '$lib/server/auth/users';
import { ADMIN, startTestRuntime } from '../support/test-runtime';

const HOUR = 60 * 60 * 1000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

let runtime: ReturnType<typeof startTestRuntime>;
let userId: number;
const start = new Date('2025-09-06T08:00:00Z');

beforeEach(() => {
	runtime = startTestRuntime();
	userId = findUserByEmail(runtime.db, ADMIN.email)!.id;
});
afterEach(() => runtime.close());

const storedSessions = () => runtime.sqlite.prepare('select id, expires_at from session').all() as { id: string; expires_at: number }[];

describe('sessions', () => {
	it('stores only the SHA-256 of the random token', () => {
		const { token, expiresAt } = createSession(runtime.db, userId, start);

		expect(token).toMatch(/^[\w-]{43}$/);
		expect(storedSessions()).toEqual([
			{ id: createHash('sha256').update(token).digest('hex'), expires_at: start.getTime() + SESSION_LIFETIME_MS }
		]);
		expect(expiresAt).toEqual(at(start, 12 * HOUR));
	});

	it('tells who is signed in, without the password hash', () => {
		const { token } = createSession(runtime.db, userId, start);

		const session = validateSession(runtime.db, token, at(start, HOUR));

		expect(session?.user).toEqual({ id: userId, email: ADMIN.email, name: '', role: 'organiser' });
		expect(session?.renewed).toBe(false);
	});

	it('moves the expiry on when less than half of the 12 hours is left', () => {
		const { token } = createSession(runtime.db, userId, start);

		expect(validateSession(runtime.db, token, at(start, 5 * HOUR))).toMatchObject({ renewed: false, expiresAt: at(start, 12 * HOUR) });
		const renewed = validateSession(runtime.db, token, at(start, 7 * HOUR));
		expect(renewed).toMatchObject({ renewed: true, expiresAt: at(start, 19 * HOUR) });
		expect(storedSessions()[0]?.expires_at).toBe(at(start, 19 * HOUR).getTime());

		// Still valid after the original 12 hours, because it was used in between.
		expect(validateSession(runtime.db, token, at(start, 13 * HOUR))?.user.email).toBe(ADMIN.email);
	});

	it('ends after 12 hours without use, and the expired row is removed', () => {
		const { token } = createSession(runtime.db, userId, start);

		expect(validateSession(runtime.db, token, at(start, 12 * HOUR))).toBeUndefined();
		expect(storedSessions()).toEqual([]);
	});

	it('ends on sign-out; other sessions of the same person stay', () => {
		const office = createSession(runtime.db, userId, start);
		const venue = createSession(runtime.db, userId, start);

		invalidateSession(runtime.db, office.token);

		expect(validateSession(runtime.db, office.token, start)).toBeUndefined();
		expect(validateSession(runtime.db, venue.token, start)?.user.id).toBe(userId);
	});

	it('all end when the password is set anew', async () => {
		const { token } = createSession(runtime.db, userId);

		await setPassword(runtime.db, ADMIN.email, 'ein-ganz-neues-passwort');

		expect(validateSession(runtime.db, token)).toBeUndefined();
		expect(storedSessions()).toEqual([]);
	});

	it('all end when the account is deleted', () => {
		const { token } = createSession(runtime.db, userId);

		runtime.db.delete(user).where(eq(user.id, userId)).run();

		expect(validateSession(runtime.db, token)).toBeUndefined();
		expect(storedSessions()).toEqual([]);
	});

	it('refuses made-up and malformed tokens', () => {
		createSession(runtime.db, userId, start);

		for (const token of ['', 'x', 'a'.repeat(43), 'a'.repeat(4000), "' or 1=1 --"]) {
			expect(validateSession(runtime.db, token, start)).toBeUndefined();
		}
	});

	it('creating a session tidies away expired ones', () => {
		createSession(runtime.db, userId, start);
		createSession(runtime.db, userId, at(start, 13 * HOUR));

		expect(storedSessions()).toHaveLength(1);
	});
});
