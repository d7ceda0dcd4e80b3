CREATE TABLE `psa_note_writes` (
	`reference` text PRIMARY KEY NOT NULL,
	`ticket_id` integer NOT NULL,
	`after_note_id` integer DEFAULT 0 NOT NULL,
	`note_id` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `handoffs` ADD `package_markdown` text;--> statement-breakpoint
ALTER TABLE `note_posts` ADD `handoff_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `psa_member_manual` integer DEFAULT false NOT NULL;