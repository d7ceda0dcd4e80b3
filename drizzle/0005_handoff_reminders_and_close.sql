ALTER TABLE `handoffs` ADD `overdue_notified_at` integer;--> statement-breakpoint
ALTER TABLE `handoffs` ADD `closed_at` integer;