import type { WordCloudLayout } from '../../wordcloud/types';
import { countFeedback } from '../../wordcloud/normalise';
import type { Db } from '../db/connection';
import { visibleFeedback } from '../moderation/moderation';
import { layOutWordCloud } from '../wordcloud/layout';

const EMPTY: WordCloudLayout = { width: 1600, height: 900, answers: 0, words: [] };
/** A layout blocks the event loop (every ack waits): at most a fifth of the time goes to it. */
const PAUSE_PER_LAYOUT = 4;

/**
 * The word cloud of each event, laid out on the server (the Dokumentation uses the same layout).
 * Laying out costs tens of milliseconds, more with many answers or a busy machine, so changes are
 * gathered and the cloud is laid out at most once per `intervalMs` per event, and never sooner than
 * four times its last layout took.
 */
export function createWordClouds(db: Db, changed: (eventId: number, layout: WordCloudLayout) => void, intervalMs = 500) {
	const layouts = new Map<number, WordCloudLayout>();
	const timers = new Map<number, NodeJS.Timeout>();
	const costs = new Map<number, number>();

	function layOut(eventId: number): WordCloudLayout {
		const started = performance.now();
		let layout = EMPTY;
		try {
			const { attempts: _attempts, ...laidOut } = layOutWordCloud(countFeedback(visibleFeedback(db, eventId)));
			layout = laidOut;
		} catch (error) {
			console.error('[wortwolke] Die Wortwolke konnte nicht gesetzt werden:', error);
		}
		layouts.set(eventId, layout);
		costs.set(eventId, performance.now() - started);
		return layout;
	}

	return {
		current: (eventId: number) => layouts.get(eventId) ?? layOut(eventId),
		feedbackChanged(eventId: number) {
			if (timers.has(eventId)) return;
			timers.set(
				eventId,
				setTimeout(
					() => {
						timers.delete(eventId);
						changed(eventId, layOut(eventId));
					},
					Math.max(intervalMs, PAUSE_PER_LAYOUT * (costs.get(eventId) ?? 0))
				)
			);
		},
		stop() {
			timers.forEach(clearTimeout);
			timers.clear();
		}
	};
}

export type WordClouds = ReturnType<typeof createWordClouds>;
