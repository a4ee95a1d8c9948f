import { countFeedback } from '../../wordcloud/normalise';
import type { WordCloudLayout } from '../../wordcloud/types';
import type { Db } from '../db/connection';
import { findEventById, listPrompts, listStations } from '../events/queries';
import { visibleFeedback, wallCards } from '../moderation/moderation';
import { countParticipants } from '../participants/participants';
import { listEventPhotos } from '../photos/photos';
import { findSeries } from '../series/series';
import { eventTallies } from '../voting/voting';
import { layOutWordCloud } from '../wordcloud/layout';
import { defaultTexts, type ReportFacts } from './default-texts';
import { bestAndLeastKnown } from './known';
import type { EventReport, ReportStation } from './model';
import { REPORT_TEXT_KEYS, normaliseText, type ReportTextKey } from './texts';

/** The Dokumentation of an event as plain data, or undefined when there is no such event. */
export function buildEventReport(db: Db, eventId: number): EventReport | undefined {
	const row = findEventById(db, eventId);
	if (!row) return undefined;
	const series = findSeries(db, row.seriesId)!;
	const prompts = listPrompts(db, eventId);
	const tallies = new Map(eventTallies(db, eventId).map((t) => [t.offerId, t]));
	const cards = wallCards(db, eventId).sort((a, b) => a.createdAt - b.createdAt || a.id - b.id);
	const photos = listEventPhotos(db, eventId);

	const stations: ReportStation[] = listStations(db, eventId).map((s) => ({
		id: s.id,
		position: s.position,
		title: s.title,
		contacts: s.contacts,
		offers: s.offers.map((o) => {
			const { yes = 0, no = 0 } = tallies.get(o.id) ?? {};
			const answers = yes + no;
			return { id: o.id, title: o.title, description: o.description, yes, no, answers, share: answers > 0 ? yes / answers : undefined };
		}),
		cardGroups: prompts.map((p) => ({
			promptId: p.id,
			prompt: p.text,
			cards: cards.filter((c) => c.stationId === s.id && c.promptId === p.id).map((c) => c.text)
		})),
		photos: photos
			.filter((p) => p.stationId === s.id)
			.map(({ id, file, width, height, caption }) => ({ id, file, width, height, caption }))
	}));

	const words = visibleFeedback(db, eventId);
	const dates = [...series.dates].sort((a, b) => a.date.localeCompare(b.date));
	const place = dates.findIndex((d) => d.date === row.date && d.sozialraum === row.sozialraum);
	const facts: ReportFacts = {
		event: {
			id: row.id,
			title: row.title,
			sozialraum: row.sozialraum,
			date: row.date,
			venue: row.venue,
			format: row.format,
			worldCafeMinutes: row.worldCafeMinutes,
			votePrompt: row.votePrompt
		},
		series: { id: series.id, title: series.title, impressum: series.impressum, dates },
		place: place >= 0 ? place + 1 : undefined,
		programme: row.programme,
		prompts,
		stations,
		feedback: { prompt: row.feedbackPrompt, answers: words.length, cloud: wordCloud(words) },
		headcount: row.headcount !== null ? { count: row.headcount, countedAt: 'door' } : { count: countParticipants(db, eventId), countedAt: 'devices' },
		departments: new Set(stations.flatMap((s) => s.contacts.map((c) => c.name.trim().toLocaleLowerCase('de-DE'))).filter(Boolean)).size,
		visibleCards: cards.length,
		known: bestAndLeastKnown(stations)
	};

	const defaults = defaultTexts(facts);
	const texts = { ...defaults };
	const edited = {} as Record<ReportTextKey, boolean>;
	for (const key of REPORT_TEXT_KEYS) {
		const own = normaliseText(row.reportTexts[key] ?? '');
		edited[key] = own !== '';
		if (own) texts[key] = own;
	}
	return { ...facts, texts, defaults, edited };
}

// Laying out takes a good part of a report; the same words give the same cloud, so recent ones are kept.
const clouds = new Map<string, WordCloudLayout>();
const CLOUDS_KEPT = 20;

/** The projector's word cloud, laid out the same way. */
function wordCloud(entries: string[]): WordCloudLayout {
	const counts = countFeedback(entries);
	const key = JSON.stringify(counts);
	const kept = clouds.get(key);
	if (kept) return kept;
	let layout: WordCloudLayout;
	try {
		const { attempts: _attempts, ...laidOut } = layOutWordCloud(counts);
		layout = laidOut;
	} catch (error) {
		console.error('[dokumentation] Die Wortwolke konnte nicht gesetzt werden:', error);
		return { width: 1600, height: 900, answers: entries.length, words: [] };
	}
	clouds.set(key, layout);
	if (clouds.size > CLOUDS_KEPT) clouds.delete(clouds.keys().next().value!);
	return layout;
}
