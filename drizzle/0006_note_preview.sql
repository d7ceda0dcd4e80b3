CREATE TABLE `preview_cache` (
	`kind` text NOT NULL,
	`session_id` text NOT NULL,
	`state_version` integer NOT NULL,
	`markdown` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`kind`, `session_id`, `state_version`),
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `sessions` ADD `psa_ticket_id` integer;--> statement-breakpoint
ALTER TABLE `sessions` ADD `resolution_note_markdown` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `resolution_summary` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `resolved_at` integer;