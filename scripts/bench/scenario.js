// What one simulated person does: a World-Café compressed from 75 minutes to a few seconds.
// They walk to a Themeninsel, tap Ja/Nein on each of its offers (a short pause between taps),
// sometimes change an answer, often write a card, walk on. Later they send feedback words.
import { randomUUID } from 'node:crypto';

/** Defaults give about 2.2 submissions per second and person: above the 2,000/s target at 1,000 people, below the 3/s per-device limit. */
export const DEFAULT_SHAPE = {
	rounds: 8,
	tapMs: [150, 450],
	walkMs: [300, 900],
	/** Spread of the first tap, so a thousand phones don't fire in the same millisecond. */
	startSpreadMs: 1000,
	changeRate: 0.3,
	cardRate: 0.5,
	feedbackSpreadMs: 1500
};

const CARDS = [
	'Flyer im Bürgerbüro auslegen',
	'Mehr Aushänge im Stadtteil',
	'Über die Schulen informieren',
	'Kenne ich aus der Zeitung',
	'Social Media, vor allem Instagram',
	'Durch Kolleg*innen im Quartier',
	'Infostand auf dem Wochenmarkt',
	'Mundpropaganda',
	'Beratung vor Ort in der Kita',
	'Gemeinsame Website aller Angebote'
];
const WORDS = ['spannend', 'informativ', 'gut organisiert', 'vernetzend', 'Danke', 'lebendig', 'hilfreich', 'toll', 'gerne wieder', 'Austausch'];

/**
 * The World-Café of one person. `send(event, payload, kind)` resolves once the submission was
 * acknowledged (or given up); the person taps again only then, like the phone's outbox sends in order.
 */
export async function worldCafe(rng, layout, shape, send, clock) {
	let at = clock.now() + rng.between(0, shape.startSpreadMs);
	const answers = new Map();
	for (const station of rng.shuffle(layout.stations).slice(0, shape.rounds)) {
		for (const offerId of station.offers) {
			at = await tap(at, shape.tapMs, rng, clock);
			const answer = rng.next() < 0.6 ? 'yes' : 'no';
			await send('vote:cast', { clientId: randomUUID(), offerId, answer }, 'vote');
			answers.set(offerId, answer);
		}
		if (station.offers.length > 0 && rng.next() < shape.changeRate) {
			const offerId = rng.pick(station.offers);
			const answer = answers.get(offerId) === 'yes' ? 'no' : 'yes';
			at = await tap(at, shape.tapMs, rng, clock);
			await send('vote:cast', { clientId: randomUUID(), offerId, answer }, 'vote');
			answers.set(offerId, answer);
		}
		if (layout.prompts.length > 0 && rng.next() < shape.cardRate) {
			at = await tap(at, shape.tapMs, rng, clock);
			const text = rng.pick(CARDS);
			await send('card:submit', { clientId: randomUUID(), stationId: station.id, promptId: rng.pick(layout.prompts), text }, 'card');
		}
		at += rng.between(...shape.walkMs);
	}
}

/** One or two feedback entries, sent once the feedback has been opened. */
export async function feedback(rng, shape, send, clock) {
	let at = clock.now() + rng.between(0, shape.feedbackSpreadMs);
	const entries = rng.next() < 0.5 ? 1 : 2;
	for (let i = 0; i < entries; i++) {
		at = await tap(at, shape.tapMs, rng, clock);
		await send('feedback:submit', { clientId: randomUUID(), text: rng.pick(WORDS) }, 'feedback');
	}
}

async function tap(at, [min, max], rng, clock) {
	const next = Math.max(at + rng.between(min, max), clock.now());
	await clock.sleepUntil(next);
	return next;
}
