import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '$lib/server/auth/cli';
import { verifyCredentials } from '$lib/server/auth/credentials';
import { createSession, validateSession } from '$lib/server/auth/sessions';
import { findUserByEmail } from '$lib/server/auth/users';
import { openDatabase } from '$lib/server/db/connection';
import { configFromEnv } from '$lib/server/config';
import { tempDir } from '../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

/** Runs `npm run user -- <args>` in-process on the temp database; returns exit code and output. */
async function user(...args: string[]) {
	const log: string[] = [];
	const error: string[] = [];
	const code = await main(args, { DATABASE_URL: dir.file('cli.db') }, { log: (t) => log.push(t), error: (t) => error.push(t) });
	return { code, out: log.join('\n'), err: error.join('\n') };
}

/** The same database, opened as the server would. */
function database() {
	return openDatabase(dir.file('cli.db'), configFromEnv().migrationsFolder);
}

const generated = (text: string) => /([a-z2-9]{4}(?:-[a-z2-9]{4}){3})/.exec(text)?.[1];

describe('npm run user', () => {
	it('add creates an organiser with a generated password that signs in', async () => {
		const result = await user('add', 'Planung@Oberhausen.de');

		expect(result).toMatchObject({ code: 0, err: '' });
		expect(result.out).toContain('Konto angelegt: planung@oberhausen.de (Organisation)');
		const { db, sqlite } = database();
		expect(await verifyCredentials(db, 'planung@oberhausen.de', generated(result.out)!)).toMatchObject({ role: 'organiser' });
		sqlite.close();
	});

	it('add takes role, name and password, and does not echo a given password', async () => {
		const result = await user('add', 'tisch3@oberhausen.de', '--role', 'moderator', '--name', 'Ayşe Yılmaz', '--password', 'moderation-2025');

		expect(result.code).toBe(0);
		expect(result.out).toContain('(Moderation)');
		expect(result.out).not.toContain('moderation-2025');
		const { db, sqlite } = database();
		expect(await verifyCredentials(db, 'tisch3@oberhausen.de', 'moderation-2025')).toEqual({
			id: expect.any(Number),
			email: 'tisch3@oberhausen.de',
			name: 'Ayşe Yılmaz',
			role: 'moderator'
		});
		sqlite.close();
		expect((await user('list')).out).toMatch(/tisch3@oberhausen\.de\s+Moderation\s+Ayşe Yılmaz/);
	});

	it('reset-password sets a new password and ends every sign-in of the account', async () => {
		await user('add', 'planung@oberhausen.de', '--password', 'altes-passwort-1');
		const { db, sqlite } = database();
		const { token } = createSession(db, findUserByEmail(db, 'planung@oberhausen.de')!.id);

		const result = await user('reset-password', 'PLANUNG@oberhausen.de');

		expect(result.code).toBe(0);
		expect(result.out).toContain('Neues Passwort für planung@oberhausen.de');
		expect(await verifyCredentials(db, 'planung@oberhausen.de', generated(result.out)!)).toBeDefined();
		expect(await verifyCredentials(db, 'planung@oberhausen.de', 'altes-passwort-1')).toBeUndefined();
		expect(validateSession(db, token)).toBeUndefined();
		sqlite.close();

		expect((await user('reset-password', 'planung@oberhausen.de', '--password', 'selbst-gewaehlt-1')).code).toBe(0);
		const again = database();
		expect(await verifyCredentials(again.db, 'planung@oberhausen.de', 'selbst-gewaehlt-1')).toBeDefined();
		again.sqlite.close();
	});

	it('list shows every account, or says there is none', async () => {
		expect(await user('list')).toMatchObject({ code: 0, out: expect.stringContaining('Noch keine Konten') });

		await user('add', 'b@oberhausen.de');
		await user('add', 'a@oberhausen.de', '--role', 'moderator');

		const lines = (await user('list')).out.split('\n');
		expect(lines[0]).toMatch(/^E-Mail\s+Rolle\s+Name$/);
		expect(lines.slice(1)).toEqual([
			expect.stringMatching(/^a@oberhausen\.de\s+Moderation\s+–$/),
			expect.stringMatching(/^b@oberhausen\.de\s+Organisation\s+–$/)
		]);
	});

	it('refuses in German what it cannot do, and changes nothing', async () => {
		await user('add', 'planung@oberhausen.de', '--password', 'erstes-passwort');

		expect(await user('add', 'planung@oberhausen.de')).toMatchObject({
			code: 1,
			err: 'Ein Konto mit der E-Mail planung@oberhausen.de gibt es schon.'
		});
		expect(await user('reset-password', 'niemand@oberhausen.de')).toMatchObject({
			code: 1,
			err: 'Es gibt kein Konto mit der E-Mail niemand@oberhausen.de.'
		});
		expect(await user('add', 'keine-adresse')).toMatchObject({ code: 1, err: expect.stringContaining('vollständige E-Mail-Adresse') });
		expect(await user('add', 'neu@oberhausen.de', '--password', 'kurz')).toMatchObject({
			code: 1,
			err: 'Das Passwort braucht mindestens 10 Zeichen.'
		});
		expect(await user('add', 'neu@oberhausen.de', '--role', 'admin')).toMatchObject({ code: 1, err: expect.stringContaining('Rolle') });

		const lines = (await user('list')).out.split('\n');
		expect(lines).toHaveLength(2);
		const { db, sqlite } = database();
		expect(await verifyCredentials(db, 'planung@oberhausen.de', 'erstes-passwort')).toBeDefined();
		sqlite.close();
	});

	it('explains how to call it when the call is wrong', async () => {
		for (const args of [[], ['delete', 'x@y.de'], ['add'], ['list', 'x'], ['add', 'x@y.de', '--rolle', 'moderator'], ['reset-password', 'x@y.de', '--role', 'moderator']]) {
			const result = await user(...args);
			expect(result.code, args.join(' ')).toBe(2);
			expect(result.err).toContain('npm run user -- add <e-mail>');
		}
		expect(await user('--help')).toMatchObject({ code: 0, out: expect.stringContaining('reset-password') });
	});
});
