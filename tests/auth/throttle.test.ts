import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signIn, WRONG_CREDENTIALS } from '$lib/server/auth/sign-in';
import { createUser } from '$lib/server/auth/users';
import { ADMIN, startTestRuntime } from '../support/test-runtime';

const MINUTE = 60_000;
const t0 = new Date('2025-09-06T08:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);
const WAIT = /^(E-Mail oder Passwort ist falsch\. )?Zu viele fehlgeschlagene Anmeldeversuche\. Bitte warten Sie (\d+) Minuten? und versuchen Sie es dann noch einmal\.$/;

let runtime: ReturnType<typeof startTestRuntime>;
beforeEach(() => (runtime = startTestRuntime()));
afterEach(() => runtime.close());

function attempt(password: string, now: Date, { email = ADMIN.email, clientAddress = '10.0.0.7' } = {}) {
	return signIn(runtime.db, runtime.signInThrottle, { email, password, clientAddress }, now);
}

async function failFiveTimes(now: Date) {
	const messages = [];
	for (let i = 0; i < 5; i++) messages.push((await attempt('falsches-passwort', now)) as { message: string });
	return messages.map((m) => m.message);
}

const minutesToWait = (result: Awaited<ReturnType<typeof attempt>>) =>
	Number((!result.ok && WAIT.exec(result.message)?.[2]) || NaN);

describe('throttling failed sign-ins', () => {
	it('signs in with the right password, e-mail in any case and with spaces', async () => {
		const result = await attempt(ADMIN.password, t0, { email: `  ${ADMIN.email.toUpperCase()} ` });
		expect(result).toMatchObject({ ok: true, user: { email: ADMIN.email } });
	});

	it('after five wrong passwords refuses even the right one, saying how long to wait', async () => {
		const messages = await failFiveTimes(t0);
		expect(messages.slice(0, 4)).toEqual(Array(4).fill(WRONG_CREDENTIALS));
		expect(messages[4]).toMatch(WAIT);

		const refused = await attempt(ADMIN.password, at(30_000));
		expect(refused).toEqual({
			ok: false,
			throttled: true,
			message: 'Zu viele fehlgeschlagene Anmeldeversuche. Bitte warten Sie 1 Minute und versuchen Sie es dann noch einmal.'
		});
		expect(runtime.sqlite.prepare('select count(*) n from session').get()).toEqual({ n: 0 });

		expect(await attempt(ADMIN.password, at(MINUTE))).toMatchObject({ ok: true });
	});

	it('makes each further lock twice as long', async () => {
		await failFiveTimes(t0);
		await failFiveTimes(at(MINUTE));
		expect(minutesToWait(await attempt(ADMIN.password, at(MINUTE + 1)))).toBe(2);

		await failFiveTimes(at(3 * MINUTE));
		expect(minutesToWait(await attempt(ADMIN.password, at(3 * MINUTE + 1)))).toBe(4);
		expect(await attempt(ADMIN.password, at(7 * MINUTE))).toMatchObject({ ok: true });
	});

	it('counts per e-mail however it is written, from any address', async () => {
		for (const [i, email] of [ADMIN.email, ADMIN.email.toUpperCase(), ` ${ADMIN.email}`, ADMIN.email, ADMIN.email].entries()) {
			await attempt('falsches-passwort', t0, { email, clientAddress: `10.0.0.${i}` });
		}
		expect(minutesToWait(await attempt(ADMIN.password, t0, { clientAddress: '10.0.0.99' }))).toBe(1);
	});

	it('stops one address trying many e-mails, while other addresses still get in', async () => {
		for (let i = 0; i < 20; i++) await attempt('falsches-passwort', t0, { email: `person${i}@oberhausen.de` });

		expect(minutesToWait(await attempt(ADMIN.password, t0))).toBe(1);
		expect(await attempt(ADMIN.password, t0, { clientAddress: '10.0.0.8' })).toMatchObject({ ok: true });
	});

	it('counts guesses sent at the same time', async () => {
		const results = await Promise.all(Array.from({ length: 8 }, () => attempt('falsches-passwort', t0)));

		// Five were checked and found wrong; the other three were refused without a check.
		expect(results.filter((r) => !r.ok && r.message.startsWith(WRONG_CREDENTIALS))).toHaveLength(5);
		expect(results.map(minutesToWait)).toEqual(Array(8).fill(1));
	});

	it('forgets earlier failures of an e-mail once its owner signs in', async () => {
		for (let i = 0; i < 4; i++) await attempt('falsches-passwort', t0);
		expect(await attempt(ADMIN.password, t0)).toMatchObject({ ok: true });
		for (let i = 0; i < 4; i++) await attempt('falsches-passwort', t0);

		expect(await attempt(ADMIN.password, t0)).toMatchObject({ ok: true });
	});

	it('answers an unknown e-mail exactly like a wrong password', async () => {
		await createUser(runtime.db, { email: 'moderation@oberhausen.de', password: 'moderation-123', role: 'moderator' });

		expect(await attempt('falsches-passwort', t0, { email: 'niemand@oberhausen.de' })).toEqual({
			ok: false,
			throttled: false,
			message: WRONG_CREDENTIALS
		});
		expect(await attempt('moderation-123', t0, { email: 'moderation@oberhausen.de' })).toMatchObject({
			ok: true,
			user: { role: 'moderator' }
		});
	});
});
