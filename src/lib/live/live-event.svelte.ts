import { SvelteMap } from 'svelte/reactivity';
import { connect, type AppClientSocket } from '$lib/client/socket';
import type {
	CONTROL_EVENTS,
	Ack,
	ClientEventResults,
	ClientPayload,
	ControlJoined,
	DisplayState,
	OfferTally,
	Phases,
	Presence,
	ProjectorJoined,
	QueueEntry,
	WallCard
} from '$lib/realtime/contract';
import type { WordCloudLayout } from '$lib/wordcloud/types';
import { remainingMs } from './countdown';

const ACK_TIMEOUT_MS = 8000;

/**
 * The live state of one event as a projector shows it: phases, what is on screen, tallies,
 * people, visible cards and the word cloud. It joins on every (re)connect and then follows
 * the server's updates. `how` says how to join: with the secret display link or as signed-in staff.
 */
export class LiveEvent {
	connected = $state(false);
	/** The last refusal or problem, in German. */
	problem = $state<string | undefined>(undefined);
	phases = $state<Phases>({ worldCafeOpen: true, feedbackOpen: false });
	display = $state<DisplayState | undefined>(undefined);
	presence = $state<Presence>({ connected: 0, total: 0 });
	cloud = $state<WordCloudLayout>({ width: 1600, height: 900, answers: 0, words: [] });
	tallies = new SvelteMap<number, OfferTally>();
	cards = new SvelteMap<number, WallCard>();
	/** Server clock minus this device's clock, so every screen counts down the same. */
	#clockOffset = 0;
	protected socket: AppClientSocket;

	constructor(
		protected readonly how: { token: string } | { eventId: number },
		initial?: Partial<ProjectorJoined>
	) {
		if (initial) this.apply(initial);
		this.socket = connect();
		this.socket.on('connect', () => void this.join());
		this.socket.on('disconnect', () => (this.connected = false));
		this.socket.on('phases:changed', (phases) => (this.phases = phases));
		this.socket.on('display:changed', (display) => this.#setDisplay(display));
		this.socket.on('presence:changed', (presence) => (this.presence = presence));
		this.socket.on('tallies:changed', ({ tallies }) => tallies.forEach((t) => this.tallies.set(t.offerId, t)));
		this.socket.on('cards:changed', ({ upserts, removed }) => {
			upserts.forEach((c) => this.cards.set(c.id, c));
			removed.forEach((id) => this.cards.delete(id));
		});
		this.socket.on('cloud:changed', (cloud) => (this.cloud = cloud));
	}

	tallyOf(offerId: number): OfferTally {
		return this.tallies.get(offerId) ?? { offerId, yes: 0, no: 0 };
	}

	/** Countdown left now, on the server's clock. */
	countdownLeft(now = Date.now()): number {
		return this.display ? remainingMs(this.display.countdown, now + this.#clockOffset) : 0;
	}

	destroy(): void {
		this.socket.disconnect();
	}

	protected async join(): Promise<void> {
		const ack = await this.socket
			.timeout(ACK_TIMEOUT_MS)
			.emitWithAck('projector:join', this.how)
			.catch(() => undefined);
		this.joined(ack);
	}

	/** Takes a join's answer: the whole state, replacing what was there. No answer in time: ask again. */
	protected joined(ack: Ack<ProjectorJoined> | undefined): void {
		if (!ack) {
			setTimeout(() => this.socket.connected && !this.connected && void this.join(), 2000);
			return;
		}
		if (!ack.ok) return void (this.problem = ack.error.message);
		this.problem = undefined;
		this.connected = true;
		this.tallies.clear();
		this.cards.clear();
		this.apply(ack.data);
	}

	protected apply(snapshot: Partial<ProjectorJoined>): void {
		if (snapshot.phases) this.phases = snapshot.phases;
		if (snapshot.display) this.#setDisplay(snapshot.display);
		if (snapshot.presence) this.presence = snapshot.presence;
		if (snapshot.cloud) this.cloud = snapshot.cloud;
		snapshot.tallies?.forEach((t) => this.tallies.set(t.offerId, t));
		snapshot.cards?.forEach((c) => this.cards.set(c.id, c));
	}

	#setDisplay(display: DisplayState) {
		this.#clockOffset = display.serverNow - Date.now();
		this.display = display;
	}
}

type ControlAction = Exclude<(typeof CONTROL_EVENTS)[number], 'control:join'>;

/** A moderator's or organiser's view: the live event plus the moderation queue, and the actions. */
export class LiveControl extends LiveEvent {
	queue = new SvelteMap<string, QueueEntry>();

	constructor(eventId: number) {
		super({ eventId });
		this.socket.on('queue:changed', ({ entries }) => entries.forEach((e) => this.queue.set(`${e.kind}:${e.id}`, e)));
	}

	/** Sends a control action; a refusal lands in `problem` and is also returned. */
	async act<E extends ControlAction>(name: E, payload: ClientPayload<E>) {
		// The contract types each event's payload; this generic call is checked through `act`'s own signature.
		const timed = this.socket.timeout(ACK_TIMEOUT_MS);
		const emit = timed.emitWithAck.bind(timed) as (name: E, payload: ClientPayload<E>) => Promise<Ack<ClientEventResults[E]>>;
		const ack: Ack<ClientEventResults[E]> = await emit(name, payload).catch(() => ({
			ok: false as const,
			error: { code: 'server' as const, message: 'Keine Antwort vom Server. Bitte prüfen Sie die Verbindung und versuchen Sie es noch einmal.' }
		}));
		this.problem = ack.ok ? undefined : ack.error.message;
		if (ack.ok && name === 'entry:moderate') {
			const entry = ack.data as QueueEntry;
			this.queue.set(`${entry.kind}:${entry.id}`, entry);
		}
		return ack;
	}

	protected override async join(): Promise<void> {
		const how = this.how as { eventId: number };
		const ack = await this.socket
			.timeout(ACK_TIMEOUT_MS)
			.emitWithAck('control:join', { eventId: how.eventId })
			.catch(() => undefined);
		if (ack?.ok) {
			this.queue.clear();
			(ack.data as ControlJoined).queue.forEach((e) => this.queue.set(`${e.kind}:${e.id}`, e));
		}
		this.joined(ack);
	}
}
