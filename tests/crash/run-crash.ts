import { randomUUID } from 'node:crypto';
import { tempDir } from '../support/temp-dir';
import { openFeedback, readLayout, storedAgainstAcked, submissionsOf } from './crowd';
import { Phone } from './phone';
import { freePort, startProductionServer, type ProductionServer } from './production-server';

const PASSWORD = 'absturz-test-passwort';

export type CrashReport = {
	submissions: number;
	acknowledgedBeforeCrashes: number[];
	restarts: number;
	problems: string[];
	refused: string[];
	seconds: number;
};

/**
 * A crowd of phones sends its submissions to the production server; whenever a further share of
 * them has been acknowledged, the server is killed with SIGKILL and started again on the same port
 * and database. The phones reconnect and send again what was not acknowledged. Afterwards the
 * database must hold every acknowledged submission exactly once.
 */
export async function runCrash({ phones: count, kills, gapMs = 5 }: { phones: number; kills: number; gapMs?: number }): Promise<CrashReport> {
	const started = Date.now();
	const dir = tempDir('dialograum-crash-');
	const databaseFile = dir.file('crash.db');
	const port = await freePort();
	const env = { MAX_CONNECTIONS_PER_ADDRESS: String(count + 50) };
	let server: ProductionServer = await startProductionServer(databaseFile, port, { ADMIN_PASSWORD: PASSWORD, ...env });
	const phones: Phone[] = [];
	try {
		const layout = readLayout(databaseFile);
		await openFeedback(server.url, PASSWORD, layout.eventId);
		for (let n = 0; n < count; n++) phones.push(new Phone(server.url, randomUUID(), submissionsOf(layout, n), gapMs));
		const total = phones.reduce((sum, p) => sum + p.waiting, 0);
		const acknowledged = () => phones.reduce((sum, p) => sum + p.acked.length, 0);

		const acknowledgedBeforeCrashes: number[] = [];
		for (let k = 1; k <= kills; k++) {
			const threshold = Math.floor((total * k) / (kills + 1));
			const giveUp = Date.now() + 60_000;
			while (acknowledged() < threshold) {
				if (Date.now() > giveUp) throw new Error(`only ${acknowledged()} of ${total} acknowledged before crash ${k}`);
				await new Promise((r) => setTimeout(r, 5));
			}
			await server.crash();
			acknowledgedBeforeCrashes.push(acknowledged());
			server = await startProductionServer(databaseFile, port, env);
		}
		await withTimeout(Promise.all(phones.map((p) => p.done())), 60_000, () => `${phones.reduce((s, p) => s + p.waiting, 0)} submissions still waiting`);
		await server.stop();
		return {
			submissions: total,
			acknowledgedBeforeCrashes,
			restarts: kills,
			problems: storedAgainstAcked(databaseFile, phones),
			refused: phones.flatMap((p) => p.refused),
			seconds: Math.round((Date.now() - started) / 100) / 10
		};
	} finally {
		phones.forEach((p) => p.close());
		await server.stop();
		dir.remove();
	}
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: () => string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out: ${what()}`)), ms)));
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}
