import { SvelteMap } from 'svelte/reactivity';
import { connect, type AppClientSocket } from '$lib/client/socket';
import type { Answer, ClientEventResults, OwnCard, OwnFeedback, OwnVote, Phases } from '$lib/realtime/contract';
import { deviceStorage, newId, participantId } from './device';
import { Outbox, type Submission, type SubmissionEvent } from './outbox';

export type Connection = 'connecting' | 'online' | 'offline';
/** What the person sees next to an entry: stored, on its way, or waiting for the network. */
export type DeliveryState = 'saved' | 'sending' | 'waiting';
export type CardView = OwnCard & { delivery: DeliveryState };
export type FeedbackView = OwnFeedback & { delivery: DeliveryState };

type Saved = { votes: [number, Answer][]; cards: OwnCard[]; feedback: OwnFeedback[] };

const ACK_TIMEOUT_MS = 8000;

/** A participant's live session at one event: connection, phases, own entries and what is still unsent. */
export class ParticipantSession {
	connection = $state<Connection>('connecting');
	phases = $state<Phases>({ worldCafeOpen: true, feedbackOpen: false });
	/** The last refusal or problem, in German, for a live region. */
	notice = $state<string | undefined>(undefined);

	#votes = new SvelteMap<number, Answer>();
	#cards = new SvelteMap<string, OwnCard>();
	#feedback = new SvelteMap<string, OwnFeedback>();
	#pending = $state<readonly Submission[]>([]);
	#joined = false;
	#socket: AppClientSocket;
	#outbox: Outbox;
	#teardown: (() => void)[] = [];

	constructor(
		private readonly eventId: number,
		private readonly code: string
	) {
		this.#restore(deviceStorage.read<Saved>(this.#key('saved'), { votes: [], cards: [], feedback: [] }));
		this.#outbox = new Outbox(
			this.#key('outbox'),
			(s) => this.#socket.timeout(ACK_TIMEOUT_MS).emitWithAck(s.event, s.payload as never),
			() => this.#joined && this.#socket.connected,
			{
				stored: (s, result) => this.#stored(s, result),
				rejected: (_, error) => (this.notice = error.message),
				delayed: (error) => (this.notice = error.code === 'rate-limited' ? error.message : undefined),
				changed: () => (this.#pending = [...this.#outbox.items])
			}
		);
		this.#pending = [...this.#outbox.items];

		this.#socket = connect();
		this.#socket.on('connect', () => void this.#join());
		this.#socket.on('disconnect', () => {
			this.#joined = false;
			this.connection = 'offline';
		});
		this.#socket.on('phases:changed', (phases) => (this.phases = phases));
		this.#listen('offline', () => {
			// The phone knows before socket.io's heartbeat does.
			this.connection = 'offline';
			this.#socket.disconnect();
		});
		this.#listen('online', () => this.#socket.connect());
	}

	get unsent(): number {
		return this.#pending.length;
	}

	/** The answer shown for an offer: the latest one the person gave, sent or not. */
	answerOf(offerId: number): Answer | undefined {
		const pending = this.#latest('vote:cast', (p) => p.offerId === offerId);
		return pending ? pending.payload.answer : this.#votes.get(offerId);
	}

	deliveryOf(offerId: number): DeliveryState | undefined {
		if (this.#latest('vote:cast', (p) => p.offerId === offerId)) return this.#inTransit();
		return this.#votes.has(offerId) ? 'saved' : undefined;
	}

	/** The person's own cards at a station, with corrections and withdrawals not yet sent applied. */
	cardsAt(stationId: number): CardView[] {
		const cards = new Map<string, CardView>();
		for (const c of this.#cards.values()) if (c.stationId === stationId) cards.set(c.cardId, { ...c, delivery: 'saved' });
		for (const s of this.#pending) {
			if (s.event === 'card:submit' && s.payload.stationId === stationId) {
				const { clientId, ...rest } = s.payload;
				cards.set(clientId, { cardId: clientId, ...rest, delivery: this.#inTransit() });
			} else if (s.event === 'card:edit' && cards.has(s.payload.cardId)) {
				cards.set(s.payload.cardId, { ...cards.get(s.payload.cardId)!, text: s.payload.text, delivery: this.#inTransit() });
			} else if (s.event === 'card:withdraw') {
				cards.delete(s.payload.cardId);
			}
		}
		return [...cards.values()];
	}

	get feedbackEntries(): FeedbackView[] {
		const entries: FeedbackView[] = [...this.#feedback.values()].map((f) => ({ ...f, delivery: 'saved' }));
		for (const s of this.#pending) {
			if (s.event === 'feedback:submit' && !this.#feedback.has(s.payload.clientId)) {
				entries.push({ ...s.payload, delivery: this.#inTransit() });
			}
		}
		return entries;
	}

	/** Whether the person answered anything at this station (a vote or a card). */
	hasAnswered(station: { id: number; offers: { id: number }[] }): boolean {
		return station.offers.some((o) => this.answerOf(o.id) !== undefined) || this.cardsAt(station.id).length > 0;
	}

	vote(offerId: number, answer: Answer): void {
		this.#submit({ id: newId(), event: 'vote:cast', key: `vote:${offerId}`, payload: { clientId: newId(), offerId, answer } });
	}

	submitCard(stationId: number, promptId: number, text: string): void {
		const clientId = newId();
		this.#submit({ id: clientId, event: 'card:submit', payload: { clientId, stationId, promptId, text } });
	}

	editCard(cardId: string, text: string): void {
		this.#submit({ id: newId(), event: 'card:edit', key: `edit:${cardId}`, payload: { cardId, text } });
	}

	withdrawCard(cardId: string): void {
		this.#submit({ id: newId(), event: 'card:withdraw', payload: { cardId } });
	}

	submitFeedback(text: string): void {
		const clientId = newId();
		this.#submit({ id: clientId, event: 'feedback:submit', payload: { clientId, text } });
	}

	destroy(): void {
		this.#outbox.dispose();
		this.#teardown.forEach((fn) => fn());
		this.#socket.disconnect();
	}

	#submit(submission: Submission) {
		this.notice = undefined;
		this.#outbox.add(submission);
	}

	#stored(s: Submission, result: ClientEventResults[SubmissionEvent]) {
		switch (s.event) {
			case 'vote:cast': {
				const vote = result as OwnVote;
				this.#votes.set(vote.offerId, vote.answer);
				break;
			}
			case 'card:submit':
			case 'card:edit': {
				const card = result as OwnCard;
				this.#cards.set(card.cardId, card);
				break;
			}
			case 'card:withdraw':
				this.#cards.delete(s.payload.cardId);
				break;
			case 'feedback:submit': {
				const entry = result as OwnFeedback;
				this.#feedback.set(entry.clientId, entry);
				break;
			}
		}
		this.#persist();
	}

	async #join() {
		this.connection = 'connecting';
		try {
			const ack = await this.#socket
				.timeout(ACK_TIMEOUT_MS)
				.emitWithAck('participant:join', { code: this.code, participantId: participantId(this.eventId) });
			if (!ack.ok) {
				this.notice = ack.error.message;
				return;
			}
			// The server's record is the truth; what is still in the outbox is shown on top of it.
			this.#restore({
				votes: ack.data.votes.map((v: OwnVote): [number, Answer] => [v.offerId, v.answer]),
				cards: ack.data.cards,
				feedback: ack.data.feedback
			});
			this.#persist();
			this.phases = ack.data.phases;
			this.#joined = true;
			this.connection = 'online';
			void this.#outbox.flush();
		} catch {
			// No answer in time. If still connected, ask again; otherwise `connect` will.
			setTimeout(() => this.#socket.connected && !this.#joined && void this.#join(), 2000);
		}
	}

	#inTransit(): DeliveryState {
		return this.connection === 'offline' ? 'waiting' : 'sending';
	}

	#latest<E extends SubmissionEvent>(event: E, match: (payload: Extract<Submission, { event: E }>['payload']) => boolean) {
		for (let i = this.#pending.length - 1; i >= 0; i--) {
			const s = this.#pending[i]!;
			if (s.event === event && match(s.payload as never)) return s as Extract<Submission, { event: E }>;
		}
		return undefined;
	}

	#restore(saved: Saved) {
		this.#votes.clear();
		for (const [offerId, answer] of saved.votes) this.#votes.set(offerId, answer);
		this.#cards.clear();
		for (const c of saved.cards) this.#cards.set(c.cardId, c);
		this.#feedback.clear();
		for (const f of saved.feedback) this.#feedback.set(f.clientId, f);
	}

	#persist() {
		const saved: Saved = { votes: [...this.#votes], cards: [...this.#cards.values()], feedback: [...this.#feedback.values()] };
		deviceStorage.write(this.#key('saved'), saved);
	}

	#key(name: string) {
		return `dialograum:${this.eventId}:${name}`;
	}

	#listen(type: 'online' | 'offline', fn: () => void) {
		window.addEventListener(type, fn);
		this.#teardown.push(() => window.removeEventListener(type, fn));
	}
}
