import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DISPLAY_SCREENS, ENTRY_STATUSES } from '../../realtime/contract';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export type Impressum = {
	herausgeberin?: string;
	bereich?: string;
	anschrift?: string;
	web?: string;
	email?: string;
};

export type SeriesDate = { date: string; sozialraum: string };

export type Contact = { name: string; web?: string; email?: string };

export { DISPLAY_SCREENS, ENTRY_STATUSES, type DisplayScreen, type EntryStatus } from '../../realtime/contract';

/** A round of events, e.g. "Expert*innendialoge im Sozialraum 2023". */
export const series = sqliteTable('series', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	title: text('title').notNull(),
	organiser: text('organiser').notNull().default(''),
	impressum: text('impressum', { mode: 'json' }).$type<Impressum>().notNull().default({}),
	dates: text('dates', { mode: 'json' }).$type<SeriesDate[]>().notNull().default([]),
	createdAt: createdAt()
});

/** One conference in one Sozialraum on one date. */
export const event = sqliteTable(
	'event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		seriesId: integer('series_id')
			.notNull()
			.references(() => series.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		sozialraum: text('sozialraum').notNull(),
		date: text('date').notNull(),
		venue: text('venue').notNull().default(''),
		format: text('format').notNull().default(''),
		/** Short, upper-case code participants type or scan. */
		joinCode: text('join_code').notNull(),
		/** Secret for the projector display link; replacing it revokes old links. */
		displayToken: text('display_token').notNull(),
		votePrompt: text('vote_prompt').notNull().default('Kennen Sie dieses Angebot?'),
		feedbackPrompt: text('feedback_prompt').notNull().default(''),
		programme: text('programme', { mode: 'json' }).$type<string[]>().notNull().default([]),
		worldCafeMinutes: integer('world_cafe_minutes').notNull().default(75),
		worldCafeOpen: integer('world_cafe_open', { mode: 'boolean' }).notNull().default(true),
		feedbackOpen: integer('feedback_open', { mode: 'boolean' }).notNull().default(false),
		/** Headcount as counted at the door; overrides the unique-participant count in reports. */
		headcount: integer('headcount'),
		/** Editable texts of the Dokumentation, keyed by section. */
		reportTexts: text('report_texts', { mode: 'json' })
			.$type<Record<string, string>>()
			.notNull()
			.default({}),
		archived: integer('archived', { mode: 'boolean' }).notNull().default(false),
		displayScreen: text('display_screen', { enum: DISPLAY_SCREENS }).notNull().default('join'),
		displayStationId: integer('display_station_id'),
		/** Whether the projector shows the Ja/Nein numbers (hidden at the start avoids steering answers). */
		resultsVisible: integer('results_visible', { mode: 'boolean' }).notNull().default(true),
		/** The World-Café countdown: running until `countdownEndsAt`, or paused with `countdownRemainingMs` left. */
		countdownEndsAt: integer('countdown_ends_at', { mode: 'timestamp_ms' }),
		countdownRemainingMs: integer('countdown_remaining_ms'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('event_join_code_unique').on(t.joinCode),
		uniqueIndex('event_display_token_unique').on(t.displayToken),
		index('event_series_idx').on(t.seriesId),
		check('event_join_code_upper', sql`${t.joinCode} = upper(${t.joinCode})`)
	]
);

/** A Themeninsel: a table at the event. Its position is the number in `/<CODE>/<n>`. */
export const station = sqliteTable(
	'station',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		contacts: text('contacts', { mode: 'json' }).$type<Contact[]>().notNull().default([])
	},
	(t) => [
		uniqueIndex('station_event_position_unique').on(t.eventId, t.position),
		check('station_position_positive', sql`${t.position} >= 1`)
	]
);

/** An Angebot at a station; participants vote Ja/Nein on it. */
export const offer = sqliteTable(
	'offer',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		stationId: integer('station_id')
			.notNull()
			.references(() => station.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default('')
	},
	(t) => [uniqueIndex('offer_station_position_unique').on(t.stationId, t.position)]
);

/** An open question asked at every station of an event. */
export const prompt = sqliteTable(
	'prompt',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		text: text('text').notNull()
	},
	(t) => [uniqueIndex('prompt_event_position_unique').on(t.eventId, t.position)]
);

/** An anonymous device identity per event. `publicId` is made on the device. */
export const participant = sqliteTable(
	'participant',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		eventId: integer('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		publicId: text('public_id').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('participant_event_public_unique').on(t.eventId, t.publicId)]
);

/** The current answer of one participant on one offer (the last answer counts). */
export const vote = sqliteTable(
	'vote',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		offerId: integer('offer_id')
			.notNull()
			.references(() => offer.id, { onDelete: 'cascade' }),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		answer: text('answer', { enum: ['yes', 'no'] }).notNull(),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('vote_participant_offer_unique').on(t.participantId, t.offerId),
		index('vote_offer_answer_idx').on(t.offerId, t.answer),
		check('vote_answer_valid', sql`${t.answer} in ('yes', 'no')`)
	]
);

/**
 * Every vote submission that was applied, keyed by the client-made id.
 * A retried submission finds its row here and changes nothing.
 */
export const voteSubmission = sqliteTable(
	'vote_submission',
	{
		clientId: text('client_id').primaryKey(),
		voteId: integer('vote_id')
			.notNull()
			.references(() => vote.id, { onDelete: 'cascade' }),
		answer: text('answer', { enum: ['yes', 'no'] }).notNull(),
		receivedAt: integer('received_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('vote_submission_vote_idx').on(t.voteId)]
);

/** A participant's text for one prompt at one station. */
export const card = sqliteTable(
	'card',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		clientId: text('client_id').notNull(),
		stationId: integer('station_id')
			.notNull()
			.references(() => station.id, { onDelete: 'cascade' }),
		promptId: integer('prompt_id')
			.notNull()
			.references(() => prompt.id, { onDelete: 'cascade' }),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		status: text('status', { enum: ENTRY_STATUSES }).notNull().default('visible'),
		withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		uniqueIndex('card_client_id_unique').on(t.clientId),
		index('card_station_prompt_idx').on(t.stationId, t.promptId),
		index('card_participant_idx').on(t.participantId)
	]
);

/** One to two words for the event's word cloud. */
export const feedback = sqliteTable(
	'feedback',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		clientId: text('client_id').notNull(),
		eventId: integer('event_id')
			.notNull()
			.references(() => event.id, { onDelete: 'cascade' }),
		participantId: integer('participant_id')
			.notNull()
			.references(() => participant.id, { onDelete: 'cascade' }),
		text: text('text').notNull(),
		status: text('status', { enum: ENTRY_STATUSES }).notNull().default('visible'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('feedback_client_id_unique').on(t.clientId),
		index('feedback_event_idx').on(t.eventId)
	]
);

/** An organiser (or moderator) account: the only authenticated role. */
export const user = sqliteTable(
	'user',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		email: text('email').notNull(),
		name: text('name').notNull().default(''),
		passwordHash: text('password_hash').notNull(),
		role: text('role', { enum: ['organiser', 'moderator'] })
			.notNull()
			.default('organiser'),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('user_email_unique').on(t.email),
		check('user_role_valid', sql`${t.role} in ('organiser', 'moderator')`)
	]
);

/**
 * A signed-in browser. `id` is the SHA-256 of the token in the cookie, so a copy of
 * the database does not let anyone sign in.
 */
export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

/** Words that hold a card or feedback entry back for review instead of showing it. Editable by organisers. */
export const blocklistTerm = sqliteTable(
	'blocklist_term',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		term: text('term').notNull(),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('blocklist_term_unique').on(t.term)]
);

/** A photo of a Themeninsel's pin board for the Dokumentation: resized, without metadata, stored under the data directory. */
export const photo = sqliteTable(
	'photo',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		stationId: integer('station_id')
			.notNull()
			.references(() => station.id, { onDelete: 'cascade' }),
		/** Path relative to the data directory, e.g. `photos/12/3f2c….jpg`. */
		file: text('file').notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		caption: text('caption').notNull().default(''),
		uploadedBy: integer('uploaded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('photo_station_idx').on(t.stationId)]
);
