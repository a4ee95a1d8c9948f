import type { WordCloudLayout } from '../../wordcloud/types';
import type { Db } from '../db/connection';
import { visibleFeedback } from '../moderation/moderation';
import { layOutFeedback, type LaidOutWordCloud } from '../wordcloud/layout';
import type { LayoutRunner } from '../wordcloud/layout-runner';

const EMPTY: WordCloudLayout = { width: 1600, height: 900, answers: 0, words: [] };

const withoutAttempts = ({ attempts: _attempts, ...layout }: LaidOutWordCloud): WordCloudLayout => layout;

/**
 * The word cloud of each event, laid out on the server (the Dokumentation uses the same layout).
 * Changes are gathered and the cloud is laid out at most once per `intervalMs` per event, one
 * layout at a time, by the layout runner (a worker thread in production). The main thread only
 * reads the entries; counting their words is the worker's job too.
 */
export function createWordClouds(db: Db, changed: (eventId: number, layout: WordCloudLayout) => void, runner: LayoutRunner, intervalMs = 500) {
	const layouts = new Map<number, WordCloudLayout>();
	const timers = new Map<number, NodeJS.Timeout>();
	const running = new Set<number>();
	/** Events whose feedback changed while their cloud was being laid out. */
	const changedMeanwhile = new Set<number>();
	let stopped = false;

	async function refresh(eventId: number) {
		running.add(eventId);
		try {
			const layout = withoutAttempts(await runner.layOut(visibleFeedback(db, eventId)));
			if (stopped) return;
			layouts.set(eventId, layout);
			changed(eventId, layout);
		} catch (error) {
			if (!stopped) console.error('[wortwolke] Die Wortwolke konnte nicht gesetzt werden:', error);
		} finally {
			running.delete(eventId);
			if (changedMeanwhile.delete(eventId)) feedbackChanged(eventId);
		}
	}

	function feedbackChanged(eventId: number) {
		if (stopped || timers.has(eventId)) return;
		if (running.has(eventId)) return void changedMeanwhile.add(eventId);
		timers.set(
			eventId,
			setTimeout(() => {
				timers.delete(eventId);
				void refresh(eventId);
			}, intervalMs)
		);
	}

	/** The cloud a joining projector is shown; laid out here, once, if none was made yet. */
	function current(eventId: number): WordCloudLayout {
		let layout = layouts.get(eventId);
		if (!layout) {
			try {
				layout = withoutAttempts(layOutFeedback(visibleFeedback(db, eventId)));
			} catch (error) {
				console.error('[wortwolke] Die Wortwolke konnte nicht gesetzt werden:', error);
				layout = EMPTY;
			}
			layouts.set(eventId, layout);
		}
		return layout;
	}

	return {
		current,
		feedbackChanged,
		stop() {
			stopped = true;
			timers.forEach(clearTimeout);
			timers.clear();
			runner.stop();
		}
	};
}

export type WordClouds = ReturnType<typeof createWordClouds>;
