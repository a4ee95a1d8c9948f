import { eq, lte } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection';
import { session, user } from '../db/schema';
import type { User } from './users';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type ValidSession = {
	user: User;
	expiresAt: Date;
	/** The expiry moved: the cookie must be sent again with the new date. */
	renewed: boolean;
};

/** Only the hash is stored: the token itself exists in the browser's cookie alone. */
const sessionId = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(db: Db, userId: number, now = new Date()): { token: string; expiresAt: Date } {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	db.transaction((tx) => {
		tx.delete(session).where(lte(session.expiresAt, now)).run();
		tx.insert(session).values({ id: sessionId(token), userId, expiresAt, createdAt: now }).run();
	});
	return { token, expiresAt };
}

/** The signed-in user, or undefined. Sliding: with less than half the lifetime left, it starts over. */
export function validateSession(db: Db, token: string, now = new Date()): ValidSession | undefined {
	if (!TOKEN.test(token)) return undefined;
	const id = sessionId(token);
	const row = db
		.select({
			user: { id: user.id, email: user.email, name: user.name, role: user.role },
			expiresAt: session.expiresAt
		})
		.from(session)
		.innerJoin(user, eq(user.id, session.userId))
		.where(eq(session.id, id))
		.get();
	if (!row) return undefined;
	if (row.expiresAt <= now) {
		db.delete(session).where(eq(session.id, id)).run();
		return undefined;
	}
	if (row.expiresAt.getTime() - now.getTime() >= SESSION_LIFETIME_MS / 2) {
		return { user: row.user, expiresAt: row.expiresAt, renewed: false };
	}
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	db.update(session).set({ expiresAt }).where(eq(session.id, id)).run();
	return { user: row.user, expiresAt, renewed: true };
}

export function invalidateSession(db: Db, token: string): void {
	db.delete(session).where(eq(session.id, sessionId(token))).run();
}
