/**
 * The one socket contract between browser and server (browser-safe).
 * Types for both sides and the schemas that validate every incoming message come from here.
 */
import * as v from 'valibot';
import type { WordCloudLayout } from '../wordcloud/types';

/** What the projector shows of an event; moderators switch it live. */
export const DISPLAY_SCREENS = ['join', 'board', 'station', 'feedback', 'countdown'] as const;
export type DisplayScreen = (typeof DISPLAY_SCREENS)[number];

/**
 * Moderation of a card or feedback entry: `held` entries matched the blocklist and wait for
 * review; `hidden` ones were hidden by a moderator. Neither reaches the projector or the report.
 */
export const ENTRY_STATUSES = ['visible', 'held', 'hidden'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

const Id = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const ClientId = v.pipe(v.string(), v.uuid('Die Kennung der Einsendung ist ungültig.'));

export const JoinCode = v.pipe(
	v.string(),
	v.trim(),
	v.toUpperCase(),
	v.regex(/^[A-Z0-9]{3,12}$/, 'Der Code besteht aus 3 bis 12 Buchstaben oder Ziffern.')
);

export const DisplayToken = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{16,64}$/));

export const Answer = v.picklist(['yes', 'no']);
export type Answer = v.InferOutput<typeof Answer>;

// Control characters (except line breaks and tabs) and bidi overrides that could disguise text.
const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/u;
const visibleOnly = v.check<string, string>(
	(s) => !HIDDEN_CHARACTERS.test(s),
	'Der Text enthält unsichtbare Steuerzeichen. Bitte tippen Sie ihn neu.'
);

export const CARD_MAX_LENGTH = 280;
export const FEEDBACK_MAX_LENGTH = 40;

/** A card's text: trimmed, at most two blank lines in a row, 1–280 characters. Shown as plain text everywhere. */
export const CardText = v.pipe(
	v.string(),
	v.maxLength(4 * CARD_MAX_LENGTH, `Der Text ist zu lang: höchstens ${CARD_MAX_LENGTH} Zeichen.`),
	v.transform((s) =>
		s
			.normalize('NFC')
			.replace(/\r\n?/g, '\n')
			.replace(/[ \t]+\n/g, '\n')
			.replace(/\n{3,}/g, '\n\n')
			.trim()
	),
	v.nonEmpty('Die Karte ist leer. Bitte schreiben Sie etwas.'),
	v.maxLength(CARD_MAX_LENGTH, `Der Text ist zu lang: höchstens ${CARD_MAX_LENGTH} Zeichen.`),
	visibleOnly
);

/** One or two words for the word cloud; a hyphenated compound counts as one word. */
export const FeedbackText = v.pipe(
	v.string(),
	v.maxLength(4 * FEEDBACK_MAX_LENGTH, `Bitte höchstens ${FEEDBACK_MAX_LENGTH} Zeichen.`),
	v.transform((s) => s.normalize('NFC').trim().replace(/\s+/g, ' ')),
	v.nonEmpty('Bitte geben Sie ein oder zwei Wörter ein.'),
	v.maxLength(FEEDBACK_MAX_LENGTH, `Bitte höchstens ${FEEDBACK_MAX_LENGTH} Zeichen.`),
	v.check((s) => s.split(' ').length <= 2, 'Bitte höchstens zwei Wörter. Wörter mit Bindestrich zählen als eines.'),
	v.check((s) => /[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(s), 'Bitte verwenden Sie Buchstaben oder Zahlen.'),
	visibleOnly
);

export const JoinAsParticipant = v.strictObject({ code: JoinCode, participantId: ClientId });
/** With the secret display link, or as a signed-in organiser or moderator. */
export const JoinAsProjector = v.union([v.strictObject({ token: DisplayToken }), v.strictObject({ eventId: Id })]);
const AtEvent = v.strictObject({ eventId: Id });
const ShowScreen = v.strictObject({
	eventId: Id,
	screen: v.picklist(DISPLAY_SCREENS),
	stationId: v.optional(v.nullable(Id))
});
const ShowResults = v.strictObject({ eventId: Id, visible: v.boolean() });
const SetPhases = v.pipe(
	v.strictObject({ eventId: Id, worldCafeOpen: v.optional(v.boolean()), feedbackOpen: v.optional(v.boolean()) }),
	v.check((p) => p.worldCafeOpen !== undefined || p.feedbackOpen !== undefined, 'Welche Phase soll sich ändern?')
);
const ModerateEntry = v.strictObject({
	eventId: Id,
	kind: v.picklist(['card', 'feedback']),
	id: Id,
	status: v.picklist(['visible', 'hidden'])
});
export const CastVote = v.strictObject({ clientId: ClientId, offerId: Id, answer: Answer });
export const SubmitCard = v.strictObject({ clientId: ClientId, stationId: Id, promptId: Id, text: CardText });
/** `cardId` is the client id the card was submitted with. Editing to the same text twice is harmless. */
export const EditCard = v.strictObject({ cardId: ClientId, text: CardText });
export const WithdrawCard = v.strictObject({ cardId: ClientId });
export const SubmitFeedback = v.strictObject({ clientId: ClientId, text: FeedbackText });

/** Schemas of every client-to-server event: the server validates each message with its schema. */
export const clientEventSchemas = {
	'participant:join': JoinAsParticipant,
	'projector:join': JoinAsProjector,
	'vote:cast': CastVote,
	'card:submit': SubmitCard,
	'card:edit': EditCard,
	'card:withdraw': WithdrawCard,
	'feedback:submit': SubmitFeedback,
	'control:join': AtEvent,
	'display:show': ShowScreen,
	'display:results': ShowResults,
	'countdown:start': AtEvent,
	'countdown:pause': AtEvent,
	'countdown:reset': AtEvent,
	'phases:set': SetPhases,
	'entry:moderate': ModerateEntry
} as const;

/** Events only a signed-in organiser or moderator may send; everyone else gets `forbidden`. */
export const CONTROL_EVENTS = [
	'control:join',
	'display:show',
	'display:results',
	'countdown:start',
	'countdown:pause',
	'countdown:reset',
	'phases:set',
	'entry:moderate'
] as const satisfies readonly (keyof typeof clientEventSchemas)[];

export type ClientEvent = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEvent> = v.InferOutput<(typeof clientEventSchemas)[E]>;

export type OfferTally = { offerId: number; yes: number; no: number };
export type OwnVote = { offerId: number; answer: Answer };
export type OwnCard = { cardId: string; stationId: number; promptId: number; text: string };
export type OwnFeedback = { clientId: string; text: string };
export type Phases = { worldCafeOpen: boolean; feedbackOpen: boolean };
/** People connected right now, and distinct devices that took part at all. */
export type Presence = { connected: number; total: number };

export type ErrorCode =
	| 'invalid'
	| 'not-joined'
	| 'not-found'
	| 'forbidden'
	| 'phase-closed'
	| 'rate-limited'
	| 'server';

export type AckError = { code: ErrorCode; message: string };
export type Ack<T> = { ok: true; data: T } | { ok: false; error: AckError };

/** Everything this device already sent to the event, so a fresh page can show it. */
export type ParticipantJoined = {
	eventId: number;
	phases: Phases;
	votes: OwnVote[];
	cards: OwnCard[];
	feedback: OwnFeedback[];
};
export type Countdown = {
	durationMs: number;
	/** Running: when it reaches zero (server clock). */
	endsAt: number | null;
	/** Paused: what is left. Neither set: not started. */
	remainingMs: number | null;
};
export type DisplayState = {
	screen: DisplayScreen;
	stationId: number | null;
	resultsVisible: boolean;
	countdown: Countdown;
	/** The server's clock when this was sent, so screens can correct their own clock. */
	serverNow: number;
};
/** A card as the wall shows it: only visible ones reach the projector. */
export type WallCard = { id: number; stationId: number; promptId: number; text: string; createdAt: number };
/** A card or feedback entry as moderators see it, whatever its status. */
export type QueueEntry = {
	kind: 'card' | 'feedback';
	id: number;
	text: string;
	status: EntryStatus;
	withdrawn: boolean;
	stationId: number | null;
	promptId: number | null;
	createdAt: number;
	/** The blocklist term that held it back. */
	matched?: string;
};
export type ProjectorJoined = {
	eventId: number;
	phases: Phases;
	display: DisplayState;
	tallies: OfferTally[];
	presence: Presence;
	cards: WallCard[];
	cloud: WordCloudLayout;
};
export type ControlJoined = ProjectorJoined & { queue: QueueEntry[] };

/** What each client event answers in its acknowledgement. */
export type ClientEventResults = {
	'participant:join': ParticipantJoined;
	'projector:join': ProjectorJoined;
	'vote:cast': OwnVote;
	'card:submit': OwnCard;
	'card:edit': OwnCard;
	'card:withdraw': { cardId: string };
	'feedback:submit': OwnFeedback;
	'control:join': ControlJoined;
	'display:show': DisplayState;
	'display:results': DisplayState;
	'countdown:start': DisplayState;
	'countdown:pause': DisplayState;
	'countdown:reset': DisplayState;
	'phases:set': Phases;
	'entry:moderate': QueueEntry;
};

export type ClientToServerEvents = {
	[E in ClientEvent]: (payload: ClientPayload<E>, ack: (result: Ack<ClientEventResults[E]>) => void) => void;
};

export type ServerToClientEvents = {
	/** Coalesced: the latest tallies of every offer that changed since the last message. */
	'tallies:changed': (payload: { tallies: OfferTally[] }) => void;
	'presence:changed': (payload: Presence) => void;
	/** To everyone at the event: World-Café or feedback opened or closed. */
	'phases:changed': (payload: Phases) => void;
	'display:changed': (payload: DisplayState) => void;
	/** To the projector: visible cards that appeared or changed, and ids of cards that must go. */
	'cards:changed': (payload: { upserts: WallCard[]; removed: number[] }) => void;
	/** To moderators: entries that are new or changed, whatever their status. */
	'queue:changed': (payload: { entries: QueueEntry[] }) => void;
	/** Coalesced: the word cloud of the visible feedback, laid out on the server. */
	'cloud:changed': (payload: WordCloudLayout) => void;
};
