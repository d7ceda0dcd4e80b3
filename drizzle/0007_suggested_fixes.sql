CREATE TABLE `fix_templates` (
	`id` text PRIMARY KEY NOT NULL,
	`text` text NOT NULL,
	`source_fix_id` text,
	`created_by_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`source_fix_id`) REFERENCES `suggested_fixes`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `suggested_fixes` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`message_id` text,
	`text` text NOT NULL,
	`confidence` integer NOT NULL,
	`created_at` integer NOT NULL,
	`superseded_at` integer,
	`user_decision` text,
	`decided_by_id` text,
	`decided_at` integer,
	`outcome` text,
	`outcome_reason` text,
	`outcome_at` integer,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `suggested_fixes_session_idx` ON `suggested_fixes` (`session_id`,`superseded_at`);