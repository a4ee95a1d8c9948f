import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, defaultBackupFile } from '$lib/server/backup/backup.js';
import { configFromEnv } from '$lib/server/config';
import { createRuntime } from '$lib/server/runtime';
import { tempDir } from '../support/temp-dir';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let dir: ReturnType<typeof tempDir>;
beforeEach(async () => {
	server = await startTestServer();
	dir = tempDir('dialograum-backup-');
});
afterEach(async () => {
	await server.close();
	dir.remove();
});

describe('backup while the server takes votes', () => {
	it('the copy restores into a fresh runtime and holds every vote acknowledged before it began', async () => {
		const phones = await Promise.all(Array.from({ length: 10 }, () => server.participant()));
		const acked: string[] = [];
		let voting = true;
		const crowd = Promise.all(
			phones.map(async (phone, p) => {
				for (let i = 0; voting; i++) {
					const clientId = randomUUID();
					const ack = await phone.emitWithAck('vote:cast', { clientId, offerId: server.demo.offers[(p + i) % 30]!.id, answer: i % 2 ? 'yes' : 'no' });
					if (ack.ok) acked.push(clientId);
					else await new Promise((r) => setTimeout(r, 300)); // rate-limited: like the phone, wait
				}
			})
		);
		await new Promise((r) => setTimeout(r, 400));

		const ackedBefore = [...acked];
		const target = dir.file('sicherung.db');
		const result = await backupDatabase(server.sqlite.name, target);
		const ackedAfter = acked.length;
		// The server keeps taking votes after the backup (the phones may be waiting out their rate limit first).
		await expect.poll(() => acked.length, { timeout: 5000 }).toBeGreaterThan(ackedAfter);
		voting = false;
		await crowd;

		expect(ackedBefore.length).toBeGreaterThan(0);
		expect(existsSync(`${target}-wal`)).toBe(false);

		// Restore: the copy becomes DATABASE_URL of a new runtime (migrations run at start).
		const restoredFile = dir.file('wiederhergestellt.db');
		copyFileSync(target, restoredFile);
		const restored = createRuntime(configFromEnv({ DATABASE_URL: restoredFile, DEMO: 'off' }));
		try {
			const stored = new Set(restored.sqlite.prepare('select client_id from vote_submission').pluck().all() as string[]);
			expect(ackedBefore.filter((id) => !stored.has(id))).toEqual([]);
			// A snapshot: what came after it is not in it.
			expect(stored.size).toBeLessThan(acked.length);
			expect(result.counts.vote).toBe(restored.sqlite.prepare('select count(*) from vote').pluck().get());
			expect(restored.sqlite.prepare("select count(*) from event where join_code = 'DEMO'").pluck().get()).toBe(1);
			expect(restored.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
		} finally {
			restored.close();
		}
	});

	it('never overwrites a file, and names its default file by date under <data dir>/backups/', async () => {
		const target = dir.file('eins.db');
		await backupDatabase(server.sqlite.name, target);
		await expect(backupDatabase(server.sqlite.name, target)).rejects.toThrow(/gibt es schon/);
		await expect(backupDatabase(dir.file('fehlt.db'), dir.file('zwei.db'))).rejects.toThrow(/gibt es nicht/);

		const file = defaultBackupFile('/srv/dialograum/data/dialograum.db', {}, new Date(2023, 8, 6, 14, 30, 5));
		expect(file).toBe('/srv/dialograum/data/backups/dialograum-2023-09-06_14-30-05.db');
		expect(defaultBackupFile('/srv/db/x.db', { DATA_DIR: '/srv/daten' }, new Date(2023, 8, 6, 14, 30, 5))).toBe('/srv/daten/backups/dialograum-2023-09-06_14-30-05.db');
	});

	it('npm run backup writes the copy next to the database', async () => {
		const { stdout } = await promisify(execFile)(process.execPath, ['src/lib/server/backup/cli.js'], {
			env: { ...process.env, DATABASE_URL: server.sqlite.name, DATA_DIR: dir.path }
		});
		expect(stdout).toMatch(/Sicherung geschrieben: .*dialograum-\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d\.db/);
		expect(readdirSync(dir.file('backups'))).toEqual([expect.stringMatching(/^dialograum-.*\.db$/)]);
	});
});
