CREATE TABLE `note_posts` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`kind` text NOT NULL,
	`ticket_id` integer NOT NULL,
	`markdown` text NOT NULL,
	`summary` text NOT NULL,
	`actor_id` text NOT NULL,
	`job_id` integer,
	`state` text DEFAULT 'queued' NOT NULL,
	`external_note_id` integer,
	`posted_at` integer,
	`verified_status_id` integer,
	`verified_status_name` text,
	`skipped_reason` text,
	`error_code` text,
	`error_message` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `note_posts_session_idx` ON `note_posts` (`session_id`,`created_at`);