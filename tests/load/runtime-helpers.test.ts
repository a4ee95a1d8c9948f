import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerRuntimeHelpers, startInBackground } from '$lib/server/workers/background-priority';
import { startProductionServer } from '../crash/production-server';
import { niceOfThreads } from '../support/threads';
import { tempDir } from '../support/temp-dir';

describe('the runtime\'s helper threads below the main thread', () => {
	it('lowers every thread the runtime started beside the main thread, which keeps its priority', () => {
		expect(isMainThread).toBe(true);
		const before = niceOfThreads();
		expect(before.size).toBeGreaterThan(1);

		const lowered = lowerRuntimeHelpers();

		const after = niceOfThreads();
		const helpers = [...before.keys()].filter((tid) => tid !== process.pid && after.has(tid));
		expect(lowered).toBeGreaterThanOrEqual(helpers.length);
		expect(helpers.map((tid) => after.get(tid))).toEqual(helpers.map(() => 19));
		expect(after.get(process.pid)).toBe(0);
	});

	it('in `node server.js`, leaves the main thread and the checkpointer started after it at normal priority', async () => {
		const dir = tempDir();
		const server = await startProductionServer(dir.file('priority.db'));
		try {
			const pid = server.process.pid!;
			const threads = [...niceOfThreads(pid)];
			const normal = threads.filter(([, nice]) => nice === 0).map(([tid]) => tid);
			const lowered = threads.filter(([, nice]) => nice === 19);
			// The main thread and the checkpoint worker's thread; V8's four helpers and libuv's pool below them.
			expect(normal).toContain(pid);
			expect(normal.length).toBeGreaterThanOrEqual(2);
			expect(lowered.length).toBeGreaterThanOrEqual(4);
			expect(normal.length + lowered.length).toBe(threads.length);
		} finally {
			await server.stop();
			dir.remove();
		}
	});
});

describe('background workers', () => {
	it('load their modules already below the main thread\'s priority', async () => {
		const dir = tempDir();
		writeFileSync(dir.file('heavy-module.mjs'), "import { getPriority } from 'node:os';\nexport const niceWhileLoading = getPriority();\n");
		writeFileSync(
			dir.file('worker.mjs'),
			"import { parentPort } from 'node:worker_threads';\nimport { niceWhileLoading } from './heavy-module.mjs';\nparentPort.postMessage(niceWhileLoading);\n"
		);
		const worker = startInBackground(dir.file('worker.mjs'));
		try {
			const nice = await new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
			expect(nice).toBe(10);
			expect(niceOfThreads().get(process.pid)).toBe(0);
		} finally {
			await worker.terminate();
			dir.remove();
		}
	});

	it('report a file that cannot be loaded as an error of the worker', async () => {
		const dir = tempDir();
		const worker = startInBackground(dir.file('missing.mjs'));
		try {
			const error = await new Promise<Error>((resolve) => worker.once('error', resolve));
			expect(error.message).toMatch(/missing\.mjs/);
		} finally {
			await worker.terminate();
			dir.remove();
		}
	});
});
