// Worker thread: counts and lays out word clouds, which takes tens of milliseconds of CPU each. On
// the main thread every acknowledgement would wait for it. Started by ./layout-runner.ts, below the
// main thread's CPU priority.
import { parentPort } from 'node:worker_threads';
import { layOutFeedback } from './layout';
import type { LayoutRequest, LayoutResponse } from './layout-runner';

parentPort!.on('message', ({ id, entries }: LayoutRequest) => {
	let response: LayoutResponse;
	try {
		response = { id, layout: layOutFeedback(entries) };
	} catch (error) {
		response = { id, error: error instanceof Error ? error.message : String(error) };
	}
	parentPort!.postMessage(response);
});
