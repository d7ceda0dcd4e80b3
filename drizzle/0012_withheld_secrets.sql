-- Issue 14: secrets never rest in plain text. A message is stored with placeholders; what the redaction
-- pass withheld from it is sealed in withheld_secrets (AES-256-GCM, key in the OS keychain). Existing
-- stores are rewritten by the data migration "withheld-secrets-v1" (src-main/store/at-rest-migration.ts),
-- which needs the keychain and so runs in code after this file; data_migrations records that it ran.
CREATE TABLE `data_migrations` (
	`name` text PRIMARY KEY NOT NULL,
	`done_at` integer NOT NULL,
	`details` text
);
--> statement-breakpoint
CREATE TABLE `withheld_secrets` (
	`message_id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`spans` text NOT NULL,
	`sealed` blob NOT NULL,
	`key_id` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `messages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
