ALTER TABLE `handoffs` ADD `external_ticket_number` text;--> statement-breakpoint
CREATE INDEX `support_tickets_handoff_idx` ON `support_tickets` (`handoff_id`);