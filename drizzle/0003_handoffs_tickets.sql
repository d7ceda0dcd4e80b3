CREATE TABLE `handoff_reads` (
	`handoff_id` text NOT NULL,
	`user_id` text NOT NULL,
	`read_at` integer NOT NULL,
	PRIMARY KEY(`handoff_id`, `user_id`),
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `handoffs` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`intent` text NOT NULL,
	`handed_off_by_id` text NOT NULL,
	`target_user_id` text,
	`priority` text NOT NULL,
	`reason` text NOT NULL,
	`engineer_notes` text,
	`snapshot` text NOT NULL,
	`assessment_state` text DEFAULT 'computing' NOT NULL,
	`ai_assessment` text,
	`ai_assessment_data` text,
	`assessment_offline` integer DEFAULT false NOT NULL,
	`claimed_by_id` text,
	`claimed_at` integer,
	`psa_note_id` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`handed_off_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`target_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`claimed_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handoffs_open_idx` ON `handoffs` (`claimed_by_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `handoffs_session_idx` ON `handoffs` (`session_id`);--> statement-breakpoint
CREATE TABLE `support_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`ticket_number` text NOT NULL,
	`session_id` text NOT NULL,
	`handoff_id` text,
	`priority` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`escalation_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `support_tickets_ticket_number_unique` ON `support_tickets` (`ticket_number`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `escalation_reason` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `escalated_to_id` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `handoff_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `escalation_package_markdown` text;