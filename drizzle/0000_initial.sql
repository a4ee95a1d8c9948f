CREATE TABLE `card` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` text NOT NULL,
	`station_id` integer NOT NULL,
	`prompt_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`text` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`withdrawn` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `station`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`prompt_id`) REFERENCES `prompt`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `card_client_id_unique` ON `card` (`client_id`);--> statement-breakpoint
CREATE INDEX `card_station_prompt_idx` ON `card` (`station_id`,`prompt_id`);--> statement-breakpoint
CREATE INDEX `card_participant_idx` ON `card` (`participant_id`);--> statement-breakpoint
CREATE TABLE `event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`series_id` integer NOT NULL,
	`title` text NOT NULL,
	`sozialraum` text NOT NULL,
	`date` text NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`format` text DEFAULT '' NOT NULL,
	`join_code` text NOT NULL,
	`display_token` text NOT NULL,
	`vote_prompt` text DEFAULT 'Kennen Sie dieses Angebot?' NOT NULL,
	`feedback_prompt` text DEFAULT '' NOT NULL,
	`programme` text DEFAULT '[]' NOT NULL,
	`world_cafe_minutes` integer DEFAULT 75 NOT NULL,
	`world_cafe_open` integer DEFAULT true NOT NULL,
	`feedback_open` integer DEFAULT false NOT NULL,
	`headcount` integer,
	`report_texts` text DEFAULT '{}' NOT NULL,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`series_id`) REFERENCES `series`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "event_join_code_upper" CHECK("event"."join_code" = upper("event"."join_code"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `event_join_code_unique` ON `event` (`join_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `event_display_token_unique` ON `event` (`display_token`);--> statement-breakpoint
CREATE INDEX `event_series_idx` ON `event` (`series_id`);--> statement-breakpoint
CREATE TABLE `feedback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` text NOT NULL,
	`event_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`text` text NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_client_id_unique` ON `feedback` (`client_id`);--> statement-breakpoint
CREATE INDEX `feedback_event_idx` ON `feedback` (`event_id`);--> statement-breakpoint
CREATE TABLE `offer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`station_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`station_id`) REFERENCES `station`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `offer_station_position_unique` ON `offer` (`station_id`,`position`);--> statement-breakpoint
CREATE TABLE `participant` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`public_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participant_event_public_unique` ON `participant` (`event_id`,`public_id`);--> statement-breakpoint
CREATE TABLE `prompt` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prompt_event_position_unique` ON `prompt` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `series` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`title` text NOT NULL,
	`organiser` text DEFAULT '' NOT NULL,
	`impressum` text DEFAULT '{}' NOT NULL,
	`dates` text DEFAULT '[]' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `station` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`contacts` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `event`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "station_position_positive" CHECK("station"."position" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `station_event_position_unique` ON `station` (`event_id`,`position`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`password_hash` text NOT NULL,
	`role` text DEFAULT 'organiser' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "user_role_valid" CHECK("user"."role" in ('organiser', 'moderator'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_email_unique` ON `user` (`email`);--> statement-breakpoint
CREATE TABLE `vote` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`offer_id` integer NOT NULL,
	`participant_id` integer NOT NULL,
	`answer` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`offer_id`) REFERENCES `offer`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participant`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "vote_answer_valid" CHECK("vote"."answer" in ('yes', 'no'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vote_participant_offer_unique` ON `vote` (`participant_id`,`offer_id`);--> statement-breakpoint
CREATE INDEX `vote_offer_answer_idx` ON `vote` (`offer_id`,`answer`);--> statement-breakpoint
CREATE TABLE `vote_submission` (
	`client_id` text PRIMARY KEY NOT NULL,
	`vote_id` integer NOT NULL,
	`answer` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `vote`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `vote_submission_vote_idx` ON `vote_submission` (`vote_id`);