CREATE TABLE `team_follows` (
	`handoff_id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`ticket_id` integer NOT NULL,
	`last_note_id` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `handoffs` ADD `psa_ticket_id` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `origin` text DEFAULT 'local' NOT NULL;