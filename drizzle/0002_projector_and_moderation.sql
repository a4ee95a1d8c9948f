CREATE TABLE `blocklist_term` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`term` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blocklist_term_unique` ON `blocklist_term` (`term`);--> statement-breakpoint
ALTER TABLE `card` ADD `status` text DEFAULT 'visible' NOT NULL;--> statement-breakpoint
ALTER TABLE `card` DROP COLUMN `hidden`;--> statement-breakpoint
ALTER TABLE `event` ADD `display_screen` text DEFAULT 'join' NOT NULL;--> statement-breakpoint
ALTER TABLE `event` ADD `display_station_id` integer;--> statement-breakpoint
ALTER TABLE `event` ADD `results_visible` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `event` ADD `countdown_ends_at` integer;--> statement-breakpoint
ALTER TABLE `event` ADD `countdown_remaining_ms` integer;--> statement-breakpoint
ALTER TABLE `feedback` ADD `status` text DEFAULT 'visible' NOT NULL;--> statement-breakpoint
ALTER TABLE `feedback` DROP COLUMN `hidden`;