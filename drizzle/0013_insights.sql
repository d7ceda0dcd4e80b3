CREATE TABLE `assessment_checks` (
	`handoff_id` text PRIMARY KEY NOT NULL,
	`session_id` text NOT NULL,
	`verdict` text NOT NULL,
	`confidence` text NOT NULL,
	`checked_by_id` text NOT NULL,
	`checked_at` integer NOT NULL,
	FOREIGN KEY (`handoff_id`) REFERENCES `handoffs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`session_id`) REFERENCES `sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`checked_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assessment_checks_checked_idx` ON `assessment_checks` (`checked_at`);--> statement-breakpoint
CREATE TABLE `psa_boards` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `psa_ticket_boards` (
	`ticket_id` integer PRIMARY KEY NOT NULL,
	`board_id` integer NOT NULL,
	`seen_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `handoffs_created_idx` ON `handoffs` (`created_at`);--> statement-breakpoint
CREATE INDEX `handoffs_origin_idx` ON `handoffs` (`origin`);--> statement-breakpoint
CREATE INDEX `sessions_created_idx` ON `sessions` (`created_at`);--> statement-breakpoint
CREATE INDEX `sessions_resolved_idx` ON `sessions` (`resolved_at`);--> statement-breakpoint
CREATE INDEX `sessions_domain_idx` ON `sessions` (`problem_domain`);--> statement-breakpoint
CREATE INDEX `suggested_fixes_created_idx` ON `suggested_fixes` (`created_at`);