import type { Worker } from 'node:worker_threads';
import { startInBackground } from '../workers/background-priority';
import { layOutFeedback, type LaidOutWordCloud } from './layout';

export type LayoutRequest = { id: number; entries: readonly string[] };
export type LayoutResponse = { id: number; layout: LaidOutWordCloud } | { id: number; error: string };

/** Lays out the cloud of these feedback entries: counts their words, then places them. */
export type LayoutRunner = { layOut(entries: readonly string[]): Promise<LaidOutWordCloud>; stop(): void };

/**
 * Lays out word clouds in a worker thread, one after another; without a worker file (running from
 * source) on the main thread. Same input, same layout either way: the layout is deterministic.
 */
export function createLayoutRunner(workerFile: string | undefined): LayoutRunner {
	if (!workerFile) {
		return { layOut: async (entries) => layOutFeedback(entries), stop() {} };
	}
	const waiting = new Map<number, { resolve(layout: LaidOutWordCloud): void; reject(error: Error): void }>();
	let nextId = 1;
	let worker: Worker | undefined;

	const failAll = (failed: Worker, error: Error) => {
		if (worker !== failed) return;
		for (const { reject } of waiting.values()) reject(error);
		waiting.clear();
		worker = undefined;
	};
	// Started on first use and again after a crash, so one failure doesn't end the live cloud.
	const started = () => {
		if (worker) return worker;
		const spawned = startInBackground(workerFile);
		spawned.on('message', (response: LayoutResponse) => {
			const pending = waiting.get(response.id);
			waiting.delete(response.id);
			if ('error' in response) pending?.reject(new Error(response.error));
			else pending?.resolve(response.layout);
			// Idle, it must not keep the process alive.
			if (waiting.size === 0) spawned.unref();
		});
		spawned.on('error', (error) => failAll(spawned, error));
		spawned.on('exit', (code) => failAll(spawned, new Error(`The word cloud worker stopped (exit code ${code}).`)));
		return (worker = spawned);
	};

	return {
		layOut(entries) {
			const id = nextId++;
			const running = started();
			running.ref();
			return new Promise((resolve, reject) => {
				waiting.set(id, { resolve, reject });
				running.postMessage({ id, entries } satisfies LayoutRequest);
			});
		},
		stop() {
			const running = worker;
			if (running) failAll(running, new Error('The word cloud worker was stopped.'));
			void running?.terminate();
		}
	};
}
