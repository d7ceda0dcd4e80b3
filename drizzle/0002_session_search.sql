-- Full-text search over sessions: titles and problem summaries, messages, steps (text, selected option,
-- free text) and facts. The design and its measurements are in src-main/store/repos/search.ts.
--
-- session_search_docs: one row per indexed source row. Its id is the FTS rowid; ids are handed out in
-- insertion order, so "ORDER BY rowid DESC" in the index walks from the newest document backwards.
-- kind: 0 session (title, problem_summary), 1 message, 2 step, 3 fact.
CREATE TABLE `session_search_docs` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` integer NOT NULL,
	`source_id` text NOT NULL
);
--> statement-breakpoint
-- Backfill: documents numbered in time order across the four tables (the unique index is built after
-- them, which is faster than growing it row by row), then the index, one source table at a time.
INSERT INTO `session_search_docs` (`kind`, `source_id`)
SELECT `kind`, `id` FROM (
	SELECT 0 AS `kind`, `id`, `created_at` AS `at` FROM `sessions`
	UNION ALL SELECT 1, `id`, `created_at` FROM `messages`
	UNION ALL SELECT 2, `id`, `updated_at` FROM `steps`
	UNION ALL SELECT 3, `id`, `updated_at` FROM `facts`
)
ORDER BY `at`, `kind`;
--> statement-breakpoint
CREATE UNIQUE INDEX `session_search_docs_source_unique` ON `session_search_docs` (`source_id`,`kind`);
--> statement-breakpoint
-- Contentless (the text stays in its own table), rows deletable by rowid, document ids only (no
-- positions or columns), accent-insensitive, with prefix indexes for the 2- and 3-letter prefixes typed
-- as you search. One column: a session's title and problem summary, or a message's, step's or fact's text.
CREATE VIRTUAL TABLE `session_search` USING fts5(
	text,
	content = '',
	contentless_delete = 1,
	detail = none,
	tokenize = 'unicode61 remove_diacritics 2',
	prefix = '2 3'
);
--> statement-breakpoint
INSERT INTO `session_search` (`rowid`, `text`)
SELECT d.`id`, concat_ws(' ', s.`title`, s.`problem_summary`)
FROM `sessions` s JOIN `session_search_docs` d ON d.`source_id` = s.`id` AND d.`kind` = 0;
--> statement-breakpoint
INSERT INTO `session_search` (`rowid`, `text`)
SELECT d.`id`, m.`body`
FROM `messages` m JOIN `session_search_docs` d ON d.`source_id` = m.`id` AND d.`kind` = 1;
--> statement-breakpoint
INSERT INTO `session_search` (`rowid`, `text`)
SELECT d.`id`, concat_ws(' ', st.`text`, st.`selected_option`, st.`free_text`)
FROM `steps` st JOIN `session_search_docs` d ON d.`source_id` = st.`id` AND d.`kind` = 2;
--> statement-breakpoint
INSERT INTO `session_search` (`rowid`, `text`)
SELECT d.`id`, f.`text`
FROM `facts` f JOIN `session_search_docs` d ON d.`source_id` = f.`id` AND d.`kind` = 3;
--> statement-breakpoint
-- Triggers. An insert adds a document (last_insert_rowid() is the new document's id inside the
-- trigger); an update re-indexes the same document in place; a delete removes it. Session deletes
-- cascade to messages, steps and facts, whose own triggers remove their documents.
CREATE TRIGGER `session_search_sessions_ai` AFTER INSERT ON `sessions` BEGIN
	INSERT INTO `session_search_docs` (`kind`, `source_id`) VALUES (0, new.`id`);
	INSERT INTO `session_search` (`rowid`, `text`)
	VALUES (last_insert_rowid(), concat_ws(' ', new.`title`, new.`problem_summary`));
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_sessions_au` AFTER UPDATE OF `id`, `title`, `problem_summary` ON `sessions`
WHEN old.`id` IS NOT new.`id` OR old.`title` IS NOT new.`title` OR old.`problem_summary` IS NOT new.`problem_summary`
BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 0);
	UPDATE `session_search_docs` SET `source_id` = new.`id` WHERE `source_id` = old.`id` AND `kind` = 0 AND old.`id` IS NOT new.`id`;
	INSERT INTO `session_search` (`rowid`, `text`)
	SELECT `id`, concat_ws(' ', new.`title`, new.`problem_summary`) FROM `session_search_docs` WHERE `source_id` = new.`id` AND `kind` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_sessions_ad` AFTER DELETE ON `sessions` BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 0);
	DELETE FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_messages_ai` AFTER INSERT ON `messages` BEGIN
	INSERT INTO `session_search_docs` (`kind`, `source_id`) VALUES (1, new.`id`);
	INSERT INTO `session_search` (`rowid`, `text`) VALUES (last_insert_rowid(), new.`body`);
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_messages_au` AFTER UPDATE OF `id`, `body` ON `messages`
WHEN old.`id` IS NOT new.`id` OR old.`body` IS NOT new.`body`
BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 1);
	UPDATE `session_search_docs` SET `source_id` = new.`id` WHERE `source_id` = old.`id` AND `kind` = 1 AND old.`id` IS NOT new.`id`;
	INSERT INTO `session_search` (`rowid`, `text`)
	SELECT `id`, new.`body` FROM `session_search_docs` WHERE `source_id` = new.`id` AND `kind` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_messages_ad` AFTER DELETE ON `messages` BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 1);
	DELETE FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_steps_ai` AFTER INSERT ON `steps` BEGIN
	INSERT INTO `session_search_docs` (`kind`, `source_id`) VALUES (2, new.`id`);
	INSERT INTO `session_search` (`rowid`, `text`)
	VALUES (last_insert_rowid(), concat_ws(' ', new.`text`, new.`selected_option`, new.`free_text`));
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_steps_au` AFTER UPDATE OF `id`, `text`, `selected_option`, `free_text` ON `steps`
WHEN old.`id` IS NOT new.`id` OR old.`text` IS NOT new.`text`
	OR old.`selected_option` IS NOT new.`selected_option` OR old.`free_text` IS NOT new.`free_text`
BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 2);
	UPDATE `session_search_docs` SET `source_id` = new.`id` WHERE `source_id` = old.`id` AND `kind` = 2 AND old.`id` IS NOT new.`id`;
	INSERT INTO `session_search` (`rowid`, `text`)
	SELECT `id`, concat_ws(' ', new.`text`, new.`selected_option`, new.`free_text`)
	FROM `session_search_docs` WHERE `source_id` = new.`id` AND `kind` = 2;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_steps_ad` AFTER DELETE ON `steps` BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 2);
	DELETE FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 2;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_facts_ai` AFTER INSERT ON `facts` BEGIN
	INSERT INTO `session_search_docs` (`kind`, `source_id`) VALUES (3, new.`id`);
	INSERT INTO `session_search` (`rowid`, `text`) VALUES (last_insert_rowid(), new.`text`);
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_facts_au` AFTER UPDATE OF `id`, `text` ON `facts`
WHEN old.`id` IS NOT new.`id` OR old.`text` IS NOT new.`text`
BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 3);
	UPDATE `session_search_docs` SET `source_id` = new.`id` WHERE `source_id` = old.`id` AND `kind` = 3 AND old.`id` IS NOT new.`id`;
	INSERT INTO `session_search` (`rowid`, `text`)
	SELECT `id`, new.`text` FROM `session_search_docs` WHERE `source_id` = new.`id` AND `kind` = 3;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_facts_ad` AFTER DELETE ON `facts` BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 3);
	DELETE FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 3;
END;
