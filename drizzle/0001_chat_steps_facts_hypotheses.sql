CREATE TABLE `facts` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`text` text NOT NULL,
	`source` text NOT NULL,
	`source_message_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `facts_session_idx` ON `facts` (`session_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `hypotheses` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`parent_id` text,
	`seq` integer NOT NULL,
	`label` text NOT NULL,
	`status` text DEFAULT 'untried' NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `hypotheses_session_idx` ON `hypotheses` (`session_id`,`seq`);--> statement-breakpoint
CREATE TABLE `steps` (
	`id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`seq` integer NOT NULL,
	`text` text NOT NULL,
	`options` text DEFAULT '[]' NOT NULL,
	`selected_option` text,
	`free_text` text,
	`skipped` integer DEFAULT false NOT NULL,
	`hypothesis_id` text,
	`source` text NOT NULL,
	`source_message_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`hypothesis_id`) REFERENCES `hypotheses`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `steps_session_idx` ON `steps` (`session_id`,`seq`);--> statement-breakpoint
ALTER TABLE `messages` ADD `status` text DEFAULT 'complete' NOT NULL;--> statement-breakpoint
ALTER TABLE `messages` ADD `reply_to_id` text;--> statement-breakpoint
ALTER TABLE `messages` ADD `model` text;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_reply_to_unique` ON `messages` (`reply_to_id`);--> statement-breakpoint
ALTER TABLE `sessions` ADD `confidence_tier` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `escalation_requested` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `sessions` ADD `escalation_requested_reason` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `escalation_requested_at` integer;