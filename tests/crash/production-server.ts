import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export type ProductionServer = {
	url: string;
	port: number;
	/** The demo event's display token, from the start-up banner. */
	displayToken: string;
	process: ChildProcess;
	output(): string;
	/** `kill -9`: no shutdown handler runs, the database is left as it is at that instant. */
	crash(): Promise<void>;
	stop(): Promise<void>;
};

/** The production build (`node server.js`) on loopback, on `port` (0: a free one) and `databaseFile`. */
export async function startProductionServer(databaseFile: string, port = 0, env: NodeJS.ProcessEnv = {}): Promise<ProductionServer> {
	if (!existsSync('build/handler.js') || !existsSync('build/start.js')) {
		throw new Error('No production build: run `npm run build` first (npm test does).');
	}
	const { ORIGIN: _ignored, ...inherited } = process.env;
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...inherited, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseFile, ADMIN_PASSWORD: 'absturz-test-passwort', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	// If the test process ends early, its servers end with it.
	const orphanGuard = () => child.kill('SIGKILL');
	process.once('exit', orphanGuard);
	child.once('exit', () => process.off('exit', orphanGuard));
	let output = '';
	const read = (chunk: Buffer) => (output += chunk.toString());
	child.stdout!.on('data', read);
	child.stderr!.on('data', read);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 25_000);
		const check = () => {
			if (!/Beamer:\s+\S+/.test(output)) return;
			clearTimeout(timer);
			child.stdout!.off('data', check);
			resolve();
		};
		child.stdout!.on('data', check);
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	const url = /läuft: (\S+)/.exec(output)![1]!;
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const running = () => child.exitCode === null && child.signalCode === null;
	return {
		url,
		port: Number(new URL(url).port),
		displayToken: /Beamer:\s+\S+\/beamer\/(\S+)/.exec(output)![1]!,
		process: child,
		output: () => output,
		async crash() {
			if (running()) child.kill('SIGKILL');
			await exited;
		},
		async stop() {
			if (running()) child.kill('SIGTERM');
			await exited;
		}
	};
}

/** A port nobody listens on right now, so a restarted server can come back on the same one. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => resolve(port));
		});
	});
}
