import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { tempDir } from '../../support/temp-dir';

export type RunningApp = {
	url: string;
	/** The demo event's projector link, as printed at start-up. */
	projectorUrl: string;
	databaseFile: string;
	process: ChildProcess;
	stop(): Promise<void>;
};

/** Starts the production build (`node server.js`) on a free loopback port with a fresh database. */
export async function startApp(env: NodeJS.ProcessEnv = {}): Promise<RunningApp> {
	if (!existsSync('build/handler.js') || !existsSync('build/start.js')) {
		throw new Error('No production build: run `npm run build` before the browser tests (npm test does).');
	}
	const dir = tempDir('dialograum-e2e-');
	const databaseFile = dir.file('e2e.db');
	const { ORIGIN: _ignored, ...inherited } = process.env;
	const child = spawn(process.execPath, ['server.js'], {
		env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseFile, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const banner = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
		const read = (chunk: Buffer) => {
			output += chunk.toString();
			if (/Beamer:\s+\S+/.test(output)) {
				clearTimeout(timer);
				resolve(output);
			}
		};
		child.stdout!.on('data', read);
		child.stderr!.on('data', read);
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	const url = banner.match(/läuft: (\S+)/)![1]!;
	const projectorUrl = banner.match(/Beamer:\s+(\S+)/)![1]!;
	return {
		url,
		projectorUrl,
		databaseFile,
		process: child,
		async stop() {
			if (child.exitCode === null) {
				const exited = new Promise((r) => child.once('exit', r));
				child.kill('SIGTERM');
				await exited;
			}
			dir.remove();
		}
	};
}

/** Debian's Chromium, headless, with no network but loopback. */
export function launchBrowser(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run']
	});
}

export const phoneViewport = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, locale: 'de-DE' };
export const projectorViewport = { viewport: { width: 1920, height: 1080 }, locale: 'de-DE' };
