import type { WordCloudLayout } from '../../wordcloud/types';
import { countFeedback } from '../../wordcloud/normalise';
import type { Db } from '../db/connection';
import { visibleFeedback } from '../moderation/moderation';
import { layOutWordCloud } from '../wordcloud/layout';

const EMPTY: WordCloudLayout = { width: 1600, height: 900, answers: 0, words: [] };

/**
 * The word cloud of each event, laid out on the server (the Dokumentation uses the same layout).
 * Laying out costs tens of milliseconds, so changes are gathered and the cloud is laid out at most
 * once per `intervalMs` per event.
 */
export function createWordClouds(db: Db, changed: (eventId: number, layout: WordCloudLayout) => void, intervalMs = 500) {
	const layouts = new Map<number, WordCloudLayout>();
	const timers = new Map<number, NodeJS.Timeout>();

	function layOut(eventId: number): WordCloudLayout {
		let layout = EMPTY;
		try {
			const { attempts: _attempts, ...laidOut } = layOutWordCloud(countFeedback(visibleFeedback(db, eventId)));
			layout = laidOut;
		} catch (error) {
			console.error('[wortwolke] Die Wortwolke konnte nicht gesetzt werden:', error);
		}
		layouts.set(eventId, layout);
		return layout;
	}

	return {
		current: (eventId: number) => layouts.get(eventId) ?? layOut(eventId),
		feedbackChanged(eventId: number) {
			if (timers.has(eventId)) return;
			timers.set(
				eventId,
				setTimeout(() => {
					timers.delete(eventId);
					changed(eventId, layOut(eventId));
				}, intervalMs)
			);
		},
		stop() {
			timers.forEach(clearTimeout);
			timers.clear();
		}
	};
}

export type WordClouds = ReturnType<typeof createWordClouds>;
