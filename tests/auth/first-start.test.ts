import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyCredentials } from '$lib/server/auth/credentials';
import { DEFAULT_ADMIN_EMAIL } from '$lib/server/auth/first-organiser';
import { listUsers } from '$lib/server/auth/users';
import { configFromEnv } from '$lib/server/config';
import { createRuntime, type Runtime } from '$lib/server/runtime';
import { banner } from '$lib/server/start';
import { tempDir } from '../support/temp-dir';

let dir: ReturnType<typeof tempDir>;
const runtimes: Runtime[] = [];
beforeEach(() => (dir = tempDir()));
afterEach(() => {
	runtimes.splice(0).forEach((r) => r.close());
	dir.remove();
});

/** Starts on the same database file each time, like restarting the server with this environment. */
function startWith(env: NodeJS.ProcessEnv): Runtime {
	const runtime = createRuntime(configFromEnv({ DATABASE_URL: dir.file('app.db'), ...env }));
	runtimes.push(runtime);
	return runtime;
}

const accounts = (runtime: Runtime) => listUsers(runtime.db).map(({ email, role }) => ({ email, role }));

describe('the first start', () => {
	it('creates the first organiser from ADMIN_EMAIL and ADMIN_PASSWORD', async () => {
		const runtime = startWith({ ADMIN_EMAIL: ' Sozialplanung@Oberhausen.de ', ADMIN_PASSWORD: 'aus-der-umgebung-1' });

		expect(accounts(runtime)).toEqual([{ email: 'sozialplanung@oberhausen.de', role: 'organiser' }]);
		expect(await verifyCredentials(runtime.db, 'sozialplanung@oberhausen.de', 'aus-der-umgebung-1')).toMatchObject({
			role: 'organiser'
		});
		const text = banner(runtime, 'http://localhost:3000');
		expect(text).toContain('Erstes Organisationskonto angelegt: sozialplanung@oberhausen.de (Passwort aus ADMIN_PASSWORD)');
		expect(text).not.toContain('aus-der-umgebung-1');
	});

	it('without ADMIN_PASSWORD generates one and shows it once in the start-up banner, with how to change it', async () => {
		const runtime = startWith({});

		const password = runtime.firstOrganiser?.generatedPassword;
		expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
		expect(accounts(runtime)).toEqual([{ email: DEFAULT_ADMIN_EMAIL, role: 'organiser' }]);
		expect(await verifyCredentials(runtime.db, DEFAULT_ADMIN_EMAIL, password!)).toBeDefined();
		const text = banner(runtime, 'http://localhost:3000');
		expect(text).toContain(`Passwort:  ${password}`);
		expect(text).toContain('nur dieses eine Mal');
		expect(text).toContain(`npm run user -- reset-password ${DEFAULT_ADMIN_EMAIL}`);
		runtime.close();
		runtimes.pop();

		const restarted = startWith({});
		expect(restarted.firstOrganiser).toBeUndefined();
		expect(banner(restarted, 'http://localhost:3000')).not.toContain(password!);
		expect(accounts(restarted)).toHaveLength(1);
	});

	it('uses ADMIN_EMAIL alone with a generated password', () => {
		const runtime = startWith({ ADMIN_EMAIL: 'leitung@oberhausen.de' });

		expect(runtime.firstOrganiser).toMatchObject({ email: 'leitung@oberhausen.de', generatedPassword: expect.any(String) });
		expect(accounts(runtime)).toEqual([{ email: 'leitung@oberhausen.de', role: 'organiser' }]);
	});

	it('ignores ADMIN_* once accounts exist', async () => {
		startWith({ ADMIN_EMAIL: 'erste@oberhausen.de', ADMIN_PASSWORD: 'erstes-passwort-1' }).close();
		runtimes.pop();

		const again = startWith({ ADMIN_EMAIL: 'zweite@oberhausen.de', ADMIN_PASSWORD: 'zweites-passwort-2' });

		expect(accounts(again)).toEqual([{ email: 'erste@oberhausen.de', role: 'organiser' }]);
		expect(await verifyCredentials(again.db, 'erste@oberhausen.de', 'erstes-passwort-1')).toBeDefined();
		expect(again.firstOrganiser).toBeUndefined();
	});

	it('stops with a German message naming the variable when ADMIN_PASSWORD is too short', () => {
		expect(() => startWith({ ADMIN_PASSWORD: 'kurz' })).toThrow(
			/erste Organisationskonto konnte nicht angelegt werden: Das Passwort braucht mindestens 10 Zeichen\. Prüfen Sie ADMIN_EMAIL und ADMIN_PASSWORD\./
		);
		// The failed start left the file closed and usable.
		expect(accounts(startWith({ ADMIN_PASSWORD: 'lang-genug-jetzt' }))).toHaveLength(1);
	});

	it('the banner tells where organisers sign in', () => {
		expect(banner(startWith({ ADMIN_PASSWORD: 'lang-genug-jetzt' }), 'http://192.168.1.20:3000')).toContain(
			'Organisation:  http://192.168.1.20:3000/organisation'
		);
	});
});
