/**
 * The one socket contract between browser and server (browser-safe).
 * Types for both sides and the schemas that validate every incoming message come from here.
 */
import * as v from 'valibot';

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

export const JoinAsParticipant = v.strictObject({ code: JoinCode, participantId: ClientId });
export const JoinAsProjector = v.strictObject({ token: DisplayToken });
export const CastVote = v.strictObject({ clientId: ClientId, offerId: Id, answer: Answer });

/** Schemas of every client-to-server event: the server validates each message with its schema. */
export const clientEventSchemas = {
	'participant:join': JoinAsParticipant,
	'projector:join': JoinAsProjector,
	'vote:cast': CastVote
} as const;

export type ClientEvent = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEvent> = v.InferOutput<(typeof clientEventSchemas)[E]>;

export type OfferTally = { offerId: number; yes: number; no: number };
export type OwnVote = { offerId: number; answer: Answer };

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

export type ParticipantJoined = {
	eventId: number;
	worldCafeOpen: boolean;
	feedbackOpen: boolean;
	votes: OwnVote[];
};
export type ProjectorJoined = { eventId: number; tallies: OfferTally[]; participants: number };
export type VoteStored = OwnVote;

/** What each client event answers in its acknowledgement. */
export type ClientEventResults = {
	'participant:join': ParticipantJoined;
	'projector:join': ProjectorJoined;
	'vote:cast': VoteStored;
};

export type ClientToServerEvents = {
	[E in ClientEvent]: (payload: ClientPayload<E>, ack: (result: Ack<ClientEventResults[E]>) => void) => void;
};

export type ServerToClientEvents = {
	/** Coalesced: the latest tallies of every offer that changed since the last message. */
	'tallies:changed': (payload: { tallies: OfferTally[] }) => void;
	'presence:changed': (payload: { participants: number }) => void;
};
