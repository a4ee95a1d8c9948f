import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir';
import { startApp, type RunningApp } from './support/app';
import { postSignIn } from './support/sign-in';

const dir = tempDir('dialograum-cli-');
let app: RunningApp | undefined;
afterAll(async () => {
	await app?.stop();
	dir.remove();
});

/** `npm run user -- …` as built: plain node, started from another folder. */
function user(...args: string[]) {
	return spawnSync(process.execPath, [resolve('build/user.js'), ...args], {
		cwd: dir.path,
		env: { PATH: process.env.PATH, DATABASE_URL: dir.file('app.db') },
		encoding: 'utf8'
	});
}

describe('build/user.js', () => {
	it('adds an account on the database of DATABASE_URL that then signs in on the running app', async () => {
		const added = user('add', 'tisch3@oberhausen.de', '--role', 'moderator', '--password', 'moderation-2025');
		expect(added.stderr).toBe('');
		expect(added.stdout).toContain('Konto angelegt: tisch3@oberhausen.de (Moderation)');
		expect(added.status).toBe(0);

		const reset = user('reset-password', 'tisch3@oberhausen.de');
		expect(reset.status).toBe(0);
		const password = /Neues Passwort für tisch3@oberhausen\.de: (\S+)/.exec(reset.stdout)?.[1];
		expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

		app = await startApp({ DATABASE_URL: dir.file('app.db') });
		expect((await postSignIn(app.url, { email: 'tisch3@oberhausen.de', password: 'moderation-2025' })).status).toBe(400);
		const signedIn = await postSignIn(app.url, { email: 'tisch3@oberhausen.de', password: password! });
		expect(signedIn.status).toBe(303);
		expect(signedIn.headers.get('location')).toBe('/organisation');
	});

	it('says in German what is wrong with a call', () => {
		const result = user('delete', 'x@oberhausen.de');
		expect(result.status).toBe(2);
		expect(result.stderr).toContain('Unbekannter Befehl: delete');
	});
});
