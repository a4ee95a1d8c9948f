import * as v from 'valibot';
import { CardText, FeedbackText } from '../../realtime/contract';
import type { Bus } from '../bus';
import { submitCard } from '../cards/cards';
import type { Db } from '../db/connection';
import { setPhases } from '../events/phases';
import { findEventByCode, listPrompts, listStations, type StationView } from '../events/queries';
import { submitFeedback } from '../feedback/feedback';
import { enterEvent } from '../participants/participants';
import { castVote } from '../voting/voting';
import { DEMO_JOIN_CODE } from './load-demo';

export type FillOptions = {
	/** Devices that take part (the 2023 event counted 88 people). */
	participants?: number;
	/** Feedback words (Mentimeter counted 91 answers). */
	feedback?: number;
	/** The same seed gives the same answers; filling twice with one seed adds nothing. */
	seed?: number;
};

export type FillSummary = { eventId: number; participants: number; votes: number; cards: number; feedback: number };

/**
 * Fills the demo event (join code DEMO) as if a World-Café had taken place: people visit some of the
 * Themeninseln and answer Ja or Nein there (some offers are well known, others hardly), write about 60 cards
 * for both prompts, and send feedback words with the repeats a real room produces. Everything goes through the
 * domain functions, as the phones' submissions do. Opens the World-Café and the feedback phase. For
 * screenshots, the Dokumentation and trying things out; deterministic for a seed.
 */
export function fillDemo(runtime: { db: Db; bus: Bus }, options: FillOptions = {}): FillSummary {
	const { participants: people = 88, feedback: words = 91, seed = 2023 } = options;
	const random = mulberry32(seed);
	const uuid = () => uuidFrom(random);
	const event = findEventByCode(runtime.db, DEMO_JOIN_CODE);
	if (!event) throw new Error(`Die Demo-Veranstaltung (Code ${DEMO_JOIN_CODE}) fehlt in dieser Datenbank.`);
	const eventId = event.id;
	const stations = listStations(runtime.db, eventId);
	const prompts = listPrompts(runtime.db, eventId);
	setPhases(runtime, eventId, { worldCafeOpen: true, feedbackOpen: true });

	const known = new Map(Object.entries(KNOWN));
	/** How well known an offer is: the share of people who answer Ja. */
	const awareness = (title: string) => {
		let p = known.get(title);
		if (p === undefined) known.set(title, (p = 0.25 + random() * 0.45));
		return p;
	};
	const participantIds = Array.from({ length: people }, () => enterEvent(runtime, eventId, uuid()));
	const weights = stations.map(popularity);

	let votes = 0;
	for (const participantId of participantIds) {
		const visits = 4 + Math.floor(random() * 7);
		for (const station of pickWeighted(stations, weights, visits, random)) {
			for (const offer of station.offers) {
				if (random() < 0.08) continue; // walked on before answering every offer
				const answer = random() < awareness(offer.title) ? 'yes' : 'no';
				castVote(runtime, { eventId, participantId, clientId: uuid(), offerId: offer.id, answer });
				votes++;
			}
		}
	}

	let cards = 0;
	const [promote, origin] = prompts;
	if (promote && origin && participantIds.length > 0) {
		const author = () => participantIds[Math.floor(random() * participantIds.length)]!;
		const pools = new Map([
			[promote.id, shuffled(PROMOTE, random)],
			[origin.id, shuffled(ORIGIN, random)]
		]);
		const used = new Map<number, number>();
		// Gesundheit had the busiest pin boards.
		const cardWeights = stations.map((s, i) => (s.title === 'Gesundheit' ? 3 : 1) * weights[i]!);
		const plan: { station: StationView; promptId: number; text: string }[] = [];
		for (let i = 0; i < CARD_COUNT; i++) {
			const station = pickWeighted(stations, cardWeights, 1, random)[0]!;
			const promptId = random() < 0.55 ? promote.id : origin.id;
			const pool = pools.get(promptId)!;
			const n = used.get(promptId) ?? 0;
			used.set(promptId, n + 1);
			plan.push({ station, promptId, text: pool[n % pool.length]! });
		}
		// The ones that test the wall: markup that must stay text, and a card of the full 280 characters.
		const gesundheit = stations.find((s) => s.title === 'Gesundheit') ?? stations[0]!;
		plan.splice(7, 0, { station: stations[1] ?? gesundheit, promptId: promote.id, text: '<script>alert(1)</script>' });
		plan.splice(20, 0, { station: gesundheit, promptId: promote.id, text: LONG_CARD });
		for (const { station, promptId, text } of plan) {
			submitCard(runtime, { eventId, participantId: author(), clientId: uuid(), stationId: station.id, promptId, text: v.parse(CardText, text) });
			cards++;
		}
	}

	const answers = shuffled(FEEDBACK, random);
	for (let i = 0; i < words && participantIds.length > 0; i++) {
		const text = v.parse(FeedbackText, answers[i % answers.length]!);
		submitFeedback(runtime, { eventId, participantId: participantIds[i % participantIds.length]!, clientId: uuid(), text });
	}

	return { eventId, participants: people, votes, cards, feedback: participantIds.length > 0 ? words : 0 };
}

const CARD_COUNT = 58;

/** Offers that are well known, or hardly: the share of Ja. Others get a share between 25 and 70 %. */
const KNOWN: Record<string, number> = {
	Bürgergeld: 0.93,
	Integrationskurse: 0.82,
	'Leistungen für Bildung und Teilhabe': 0.74,
	'Frühe Hilfen': 0.7,
	'Familienzentren (KTE)': 0.66,
	'Nachholen von Schulabschlüssen': 0.61,
	'Oberhausen App': 0.52,
	'Kinder- und Jugendgesundheitsdienst': 0.57,
	'Kompetenzzentrum Suchtberatung': 0.48,
	'Angebote für Senior*innen': 0.55,
	Pflegeatlas: 0.14,
	KomMonitor: 0.08,
	'O.BIS – Oberhausener Informationssystem': 0.18,
	Bildungsatlas: 0.22,
	Sozialnavigator: 0.27,
	'Guter Lebensabend NRW': 0.19,
	'Kommunales Integrationsmanagement (KIM-NRW)': 0.31,
	Seiteneinsteigerberatung: 0.24
};

/** Busy tables draw more people. */
function popularity(station: StationView): number {
	const busy: Record<string, number> = { Gesundheit: 1.6, Integration: 1.4, 'Bürgergeld/Bildung und Teilhabe': 1.5, 'Statistik, Daten, Portale': 0.8 };
	return busy[station.title] ?? 1;
}

/** `n` distinct items, each drawn with probability proportional to its weight. */
function pickWeighted<T>(items: readonly T[], weights: readonly number[], n: number, random: () => number): T[] {
	const pool = items.map((item, i) => ({ item, weight: weights[i] ?? 1 }));
	const picked: T[] = [];
	while (picked.length < n && pool.length > 0) {
		let r = random() * pool.reduce((sum, p) => sum + p.weight, 0);
		const at = Math.max(0, pool.findIndex((p) => (r -= p.weight) < 0));
		picked.push(pool.splice(at, 1)[0]!.item);
	}
	return picked;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
	const copy = [...items];
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[copy[i], copy[j]] = [copy[j]!, copy[i]!];
	}
	return copy;
}

/** A small, fast, seedable generator (Mulberry32); good enough for made-up answers. */
function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A version-4 UUID from the generator, as the phones make them (but reproducible). */
function uuidFrom(random: () => number): string {
	const bytes = Array.from({ length: 16 }, () => Math.floor(random() * 256));
	bytes[6] = (bytes[6]! & 0x0f) | 0x40;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Exactly 280 characters, the most a card may have. */
export const LONG_CARD =
	'Viele Menschen im Quartier wissen gar nicht, dass es diese Beratung gibt. Besser wären feste Sprechstunden ' +
	'vor Ort, etwa im Stadtteilbüro oder in der Begegnungsstätte, mit Infos in einfacher Sprache und mehreren Sprachen. ' +
	'Auch Arztpraxen, Schulen und Kitas könnten Flyer auslegen.';

/** "Wie kann das Angebot bekannter gemacht werden?" */
const PROMOTE = [
	'Flyer in Arztpraxen und Apotheken auslegen',
	'Mehrsprachige Aushänge im Jobcenter',
	'Über Schulen und Kitas informieren – Elternbriefe!',
	'Instagram und WhatsApp-Kanal der Stadt nutzen',
	'Regelmäßig in der Stadtteilzeitung berichten',
	'Infostand auf dem Wochenmarkt in Alstaden',
	'Alles auch in Leichter Sprache anbieten',
	'Mehr Präsenz in den Begegnungsstätten',
	'Auf oberhausen.de leichter auffindbar machen',
	'Plakate an Bushaltestellen',
	'Persönlich in den Vereinen vorstellen',
	'Multiplikator*innen in den Gemeinden ansprechen',
	'QR-Codes auf Flyern, die direkt zur Anmeldung führen',
	'Kurze Erklärvideos',
	'Sprechstunde im Stadtteilbüro Lirich',
	'Nachbarschaftsnetzwerke stärken – Mundpropaganda wirkt!',
	'Über die Hausmeister*innen der Wohnungsgesellschaften',
	'Einmal im Jahr eine Angebotsmesse im Sozialraum',
	'Beim Termin im Jobcenter direkt darauf hinweisen',
	'Mehr Öffentlichkeitsarbeit in der Lokalzeitung',
	'Newsletter für Fachkräfte im Sozialraum',
	'Ansprechpersonen mit Foto vorstellen',
	'Gemeinsame Broschüre aller Angebote im Quartier',
	'Präsenz beim Stadtteilfest',
	'Übersetzungen ins Türkische, Arabische und Ukrainische',
	'Schulsozialarbeit einbinden',
	'Aushang im Supermarkt',
	'Angebote\nauch abends und am Wochenende'
];

/** "Woher kennen Sie uns?" */
const ORIGIN = [
	'Über Kolleg*innen',
	'Aus dem Stadtteilbüro',
	'Durch meine Arbeit im Jobcenter',
	'Aus der Zeitung',
	'Internetseite der Stadt',
	'Noch gar nicht – heute zum ersten Mal gehört!',
	'Vom Netzwerktreffen im Sozialraum',
	'Von Nachbar*innen',
	'Über die Schule meiner Kinder',
	'Durch die Kita',
	'Aus einer Fortbildung',
	'Über die Hausärztin',
	'Vom letzten Expert*innendialog',
	'Durch die Beratung im Familienzentrum',
	'Flyer im Bürgerbüro',
	'Über meinen Sportverein',
	'Aus dem Integrationskurs',
	'Durch das Quartiersmanagement',
	'Kenne ich seit Jahren – super Angebot!',
	'Über die Seniorenbegegnungsstätte',
	'Über die Sozialarbeiterin an der Schule',
	'Von der Stadtteilkonferenz'
];

const times = (text: string, n: number) => Array<string>(n).fill(text);

/** Feedback words as a room sends them: repeats, different spellings, a few one-offs. */
const FEEDBACK = [
	...times('informativ', 12),
	...times('Informativ!', 3),
	...times('spannend', 7),
	...times('Vernetzung', 7),
	...times('Austausch', 7),
	...times('toll', 5),
	...times('gut organisiert', 4),
	...times('interessant', 4),
	...times('Markt-der-Möglichkeiten', 3),
	...times('zu kurz', 3),
	...times('hilfreich', 3),
	...times('sehr gut', 3),
	...times('übersichtlich', 2),
	...times('Inspirierend', 2),
	...times('gut', 3),
	'lebendig',
	'bunt',
	'Größe passt',
	'zu laut',
	'mehr Zeit',
	'Kontakte',
	'wertvoll',
	'kurzweilig',
	'abwechslungsreich',
	'Wiederholung erwünscht',
	'Danke',
	'Netzwerk',
	'praxisnah',
	'offen',
	'motivierend',
	'Begegnung',
	'vielfältig',
	'zu voll',
	'Sozialraum stärken',
	'Bürgernah',
	'aufschlussreich',
	'Weiter so!',
	'Ideen'
];
