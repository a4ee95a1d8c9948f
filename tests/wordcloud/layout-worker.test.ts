import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layOutWordCloud } from '$lib/server/wordcloud/layout';
import { createLayoutRunner } from '$lib/server/wordcloud/layout-runner';
import { countFeedback } from '$lib/wordcloud/normalise';
import { bundleWorker } from '../support/bundle-worker';
import { niceOfThreads } from '../support/threads';
import { feedbackOfTheDay } from './feedback-of-the-day';

let worker: Awaited<ReturnType<typeof bundleWorker>>;

beforeAll(async () => {
	worker = await bundleWorker('src/lib/server/wordcloud/layout.worker.ts', 'word-cloud-layout');
});
afterAll(() => worker.remove());

const counts = countFeedback(feedbackOfTheDay);

describe('word cloud layout in a worker thread', () => {
	it('gives the very cloud the main thread would lay out', async () => {
		const runner = createLayoutRunner(worker.file);
		try {
			const [inWorker, again] = await Promise.all([runner.layOut(feedbackOfTheDay), runner.layOut(feedbackOfTheDay)]);
			expect(inWorker.words.length).toBe(counts.words.length);
			expect(inWorker).toEqual(layOutWordCloud(counts));
			expect(again).toEqual(inWorker);
		} finally {
			runner.stop();
		}
	});

	it('lays out below the main thread\'s CPU priority, so acknowledgements get a core first', async () => {
		const before = niceOfThreads();
		const runner = createLayoutRunner(worker.file);
		try {
			await runner.layOut(feedbackOfTheDay);
			const started = [...niceOfThreads()].filter(([tid]) => !before.has(tid));
			expect(started.some(([, nice]) => nice === 10)).toBe(true);
			expect(niceOfThreads().get(process.pid)).toBe(0);
		} finally {
			runner.stop();
		}
	});

	it('reports a layout that failed in the worker and keeps working for the next one', async () => {
		const runner = createLayoutRunner(worker.file);
		try {
			await expect(runner.layOut([undefined] as unknown as string[])).rejects.toThrow(/normalize/);
			expect((await runner.layOut(feedbackOfTheDay)).words.length).toBe(counts.words.length);
		} finally {
			runner.stop();
		}
	});

	it('lays out on the main thread when there is no worker file (running from source)', async () => {
		const runner = createLayoutRunner(undefined);
		expect(await runner.layOut(feedbackOfTheDay)).toEqual(layOutWordCloud(counts));
		runner.stop();
	});
});
