-- Search finds sessions by their handoffs too (issue 15): a handoff's reason and notes (park notes
-- included), a support ticket's number, a hypothesis's label and reason. Three more document kinds in
-- session_search_docs (4 handoff, 5 support ticket, 6 hypothesis), backfilled, then kept in sync by
-- triggers like those of 0002_session_search.sql. A new handoff and its support ticket are indexed by a
-- local job right after the escalation commits (handoff-search-index.ts), not by an insert trigger: the
-- first FTS write of a transaction costs more than the rest of an escalate click (issue 12).
INSERT INTO `session_search_docs` (`kind`, `source_id`)
SELECT `kind`, `id` FROM (
	SELECT 4 AS `kind`, `id`, `created_at` AS `at` FROM `handoffs`
	UNION ALL SELECT 5, `id`, `created_at` FROM `support_tickets`
	UNION ALL SELECT 6, `id`, `updated_at` FROM `hypotheses`
)
ORDER BY `at`, `kind`;
--> statement-breakpoint
INSERT INTO `session_search` (`rowid`, `text`)
SELECT d.`id`, concat_ws(' ', h.`reason`, h.`engineer_notes`, h.`external_ticket_number`)
FROM `handoffs` h JOIN `session_search_docs` d ON d.`source_id` = h.`id` AND d.`kind` = 4;
--> statement-breakpoint
INSERT INTO `session_search` (`rowid`, `text`)
SELECT d.`id`, concat_ws(' ', t.`ticket_number`, t.`escalation_reason`)
FROM `support_tickets` t JOIN `session_search_docs` d ON d.`source_id` = t.`id` AND d.`kind` = 5;
--> statement-breakpoint
INSERT INTO `session_search` (`rowid`, `text`)
SELECT d.`id`, concat_ws(' ', y.`label`, y.`reason`)
FROM `hypotheses` y JOIN `session_search_docs` d ON d.`source_id` = y.`id` AND d.`kind` = 6;
--> statement-breakpoint
CREATE TRIGGER `session_search_handoffs_au` AFTER UPDATE OF `reason`, `engineer_notes`, `external_ticket_number` ON `handoffs`
WHEN old.`reason` IS NOT new.`reason` OR old.`engineer_notes` IS NOT new.`engineer_notes`
	OR old.`external_ticket_number` IS NOT new.`external_ticket_number`
BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 4);
	INSERT INTO `session_search` (`rowid`, `text`)
	SELECT `id`, concat_ws(' ', new.`reason`, new.`engineer_notes`, new.`external_ticket_number`)
	FROM `session_search_docs` WHERE `source_id` = new.`id` AND `kind` = 4;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_handoffs_ad` AFTER DELETE ON `handoffs` BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 4);
	DELETE FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 4;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_tickets_au` AFTER UPDATE OF `ticket_number`, `escalation_reason` ON `support_tickets`
WHEN old.`ticket_number` IS NOT new.`ticket_number` OR old.`escalation_reason` IS NOT new.`escalation_reason`
BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 5);
	INSERT INTO `session_search` (`rowid`, `text`)
	SELECT `id`, concat_ws(' ', new.`ticket_number`, new.`escalation_reason`)
	FROM `session_search_docs` WHERE `source_id` = new.`id` AND `kind` = 5;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_tickets_ad` AFTER DELETE ON `support_tickets` BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 5);
	DELETE FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 5;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_hypotheses_ai` AFTER INSERT ON `hypotheses` BEGIN
	INSERT INTO `session_search_docs` (`kind`, `source_id`) VALUES (6, new.`id`);
	INSERT INTO `session_search` (`rowid`, `text`) VALUES (last_insert_rowid(), concat_ws(' ', new.`label`, new.`reason`));
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_hypotheses_au` AFTER UPDATE OF `label`, `reason` ON `hypotheses`
WHEN old.`label` IS NOT new.`label` OR old.`reason` IS NOT new.`reason`
BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 6);
	INSERT INTO `session_search` (`rowid`, `text`)
	SELECT `id`, concat_ws(' ', new.`label`, new.`reason`) FROM `session_search_docs` WHERE `source_id` = new.`id` AND `kind` = 6;
END;
--> statement-breakpoint
CREATE TRIGGER `session_search_hypotheses_ad` AFTER DELETE ON `hypotheses` BEGIN
	DELETE FROM `session_search` WHERE `rowid` = (SELECT `id` FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 6);
	DELETE FROM `session_search_docs` WHERE `source_id` = old.`id` AND `kind` = 6;
END;
