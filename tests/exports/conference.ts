import { randomUUID } from 'node:crypto';
import { submitCard, withdrawCard } from '$lib/server/cards/cards';
import { listPrompts } from '$lib/server/events/queries';
import { setPhases } from '$lib/server/events/phases';
import { submitFeedback } from '$lib/server/feedback/feedback';
import { addBlocklistTerm } from '$lib/server/moderation/blocklist';
import { moderateEntry } from '$lib/server/moderation/moderation';
import { enterEvent } from '$lib/server/participants/participants';
import type { Runtime } from '$lib/server/runtime';
import { castVote } from '$lib/server/voting/voting';
import { demoEvent } from '../support/demo';

/** When the first card was written: 14:05:09 on the clock in Oberhausen (summer time). */
export const FIRST_CARD_AT = new Date('2023-09-06T12:05:09Z');

/**
 * A small conference on the demo event, entered through the domain functions: three phones vote on the
 * first two offers, write cards (one a formula, one hidden, one held back, one withdrawn) and send feedback.
 */
export function holdConference(runtime: Pick<Runtime, 'db' | 'bus' | 'sqlite'>) {
	const deps = { db: runtime.db, bus: runtime.bus };
	const demo = demoEvent(runtime.db);
	const eventId = demo.id;
	const [first, second] = demo.offers;
	const [howKnown, whereFrom] = listPrompts(runtime.db, eventId);
	const station1 = runtime.sqlite.prepare('select id from station where event_id = ? and position = 1').get(eventId) as { id: number };
	const station3 = runtime.sqlite.prepare('select id from station where event_id = ? and position = 3').get(eventId) as { id: number };
	const phones = [randomUUID(), randomUUID(), randomUUID()].map((id) => enterEvent(deps, eventId, id));
	const [a, b, c] = phones as [number, number, number];

	const vote = (participantId: number, offerId: number, answer: 'yes' | 'no') =>
		castVote(deps, { eventId, participantId, clientId: randomUUID(), offerId, answer });
	vote(a, first!.id, 'yes');
	vote(b, first!.id, 'yes');
	vote(c, first!.id, 'no');
	vote(a, second!.id, 'no');
	vote(a, second!.id, 'yes'); // changed: the last answer counts

	const card = (participantId: number, stationId: number, promptId: number, text: string) => {
		const clientId = randomUUID();
		submitCard(deps, { eventId, participantId, clientId, stationId, promptId, text });
		return runtime.sqlite.prepare('select id from card where client_id = ?').get(clientId) as { id: number };
	};
	const firstCard = card(a, station1.id, howKnown!.id, 'Flyer im Bürgerbüro – „Schaufenster“ für alle*');
	runtime.sqlite.prepare('update card set created_at = ? where id = ?').run(FIRST_CARD_AT.getTime(), firstCard.id);
	card(b, station1.id, howKnown!.id, '=SUM(A1)');
	card(b, station1.id, whereFrom!.id, 'Über die Grundschule; Nachbarin sagt: "kennt man"\nzweite Zeile');
	const hidden = card(c, station3.id, howKnown!.id, 'Werbung für Ärger');
	moderateEntry(deps, { eventId, kind: 'card', id: hidden.id, status: 'hidden' });
	addBlocklistTerm(runtime.db, 'blödsinn');
	card(c, station3.id, whereFrom!.id, 'alles Blödsinn');
	const withdrawnId = randomUUID();
	submitCard(deps, { eventId, participantId: a, clientId: withdrawnId, stationId: station3.id, promptId: whereFrom!.id, text: 'doch nicht' });
	withdrawCard(deps, { eventId, participantId: a, cardId: withdrawnId });

	setPhases(deps, eventId, { feedbackOpen: true });
	const feedback = (participantId: number, text: string) =>
		submitFeedback(deps, { eventId, participantId, clientId: randomUUID(), text });
	feedback(a, 'Super');
	feedback(b, 'super!');
	feedback(c, 'Tolle Gespräche');
	feedback(a, '@Stadt Danke');
	feedback(b, 'Blödsinn');
	feedback(c, 'Öde');
	const ode = runtime.sqlite.prepare("select id from feedback where text = 'Öde'").get() as { id: number };
	moderateEntry(deps, { eventId, kind: 'feedback', id: ode.id, status: 'hidden' });

	return { eventId, demo, first: first!, second: second! };
}
