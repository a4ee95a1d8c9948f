import type { Db } from '../db/connection';
import { verifyCredentials } from './credentials';
import { normaliseEmail } from './schemas';
import { createSession } from './sessions';
import type { SignInThrottle } from './throttle';
import type { User } from './users';

export const WRONG_CREDENTIALS = 'E-Mail oder Passwort ist falsch.';

export type SignInAttempt = { email: string; password: string; clientAddress: string };

export type SignInResult =
	| { ok: true; user: User; token: string; expiresAt: Date }
	| { ok: false; throttled: boolean; message: string };

/** Checks the throttle and the password, then opens a session. */
export async function signIn(db: Db, throttle: SignInThrottle, attempt: SignInAttempt, now = new Date()): Promise<SignInResult> {
	const keys = { email: normaliseEmail(attempt.email).slice(0, 254), address: attempt.clientAddress };
	const decision = throttle.begin(keys, now.getTime());
	if (!decision.allowed) return { ok: false, throttled: true, message: waitMessage(decision.waitMs) };

	const user = await verifyCredentials(db, attempt.email, attempt.password);
	if (!user) {
		const wait = decision.waitMsAfterFailure();
		return wait > 0
			? { ok: false, throttled: true, message: `${WRONG_CREDENTIALS} ${waitMessage(wait)}` }
			: { ok: false, throttled: false, message: WRONG_CREDENTIALS };
	}
	decision.succeeded();
	return { ok: true, user, ...createSession(db, user.id, now) };
}

function waitMessage(waitMs: number): string {
	const minutes = Math.max(1, Math.ceil(waitMs / 60_000));
	const span = minutes === 1 ? '1 Minute' : `${minutes} Minuten`;
	return `Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie ${span} und versuchen Sie es dann noch einmal.`;
}
