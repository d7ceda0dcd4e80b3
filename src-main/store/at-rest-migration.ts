// The data migration "withheld-secrets-v1" (issue 14): a store written before this build may hold secrets
// in plain text. Once the keychain key is available (it cannot run in a SQL migration), every message is
// stored with placeholders and its withheld values sealed, every other free-text column is redacted, the
// search index is rebuilt from the redacted text, and the file is vacuumed and its WAL truncated so no
// old page keeps a copy. It runs once; data_migrations records it.
import type Database from 'better-sqlite3';
import { prepareText } from '../redaction/at-rest';
import { redact } from '../redaction/redact';
import type { Db } from './database';
import { inTransaction } from './database';
import { insertWithheld } from './repos/withheld-secrets';

export const WITHHELD_MIGRATION = 'withheld-secrets-v1';

/** Free-text columns besides message bodies, by table (JSON columns included: spans keep JSON valid). */
const TEXT_COLUMNS: Record<string, { key: string; columns: string[] }> = {
  sessions: {
    key: 'id',
    columns: [
      'title',
      'problem_summary',
      'escalation_requested_reason',
      'escalation_reason',
      'escalation_package_markdown',
      'resolution_note_markdown',
      'resolution_summary',
    ],
  },
  steps: { key: 'id', columns: ['text', 'options', 'selected_option', 'free_text'] },
  facts: { key: 'id', columns: ['text'] },
  hypotheses: { key: 'id', columns: ['label', 'reason'] },
  handoffs: {
    key: 'id',
    columns: ['reason', 'engineer_notes', 'snapshot', 'ai_assessment', 'ai_assessment_data'],
  },
  support_tickets: { key: 'id', columns: ['escalation_reason'] },
  notifications: { key: 'id', columns: ['title', 'body'] },
  note_posts: { key: 'id', columns: ['markdown', 'summary', 'error_message'] },
  suggested_fixes: { key: 'id', columns: ['text', 'outcome_reason'] },
  fix_templates: { key: 'id', columns: ['text'] },
  preview_cache: { key: 'rowid', columns: ['markdown'] },
  audit_log: { key: 'id', columns: ['details'] },
  jobs: { key: 'id', columns: ['payload', 'last_error'] },
};

// The index's documents, as drizzle/0002_session_search.sql and 0014_search_handoffs.sql build them.
const REINDEX = [
  `INSERT INTO session_search (rowid, text) SELECT d.id, concat_ws(' ', s.title, s.problem_summary)
   FROM sessions s JOIN session_search_docs d ON d.source_id = s.id AND d.kind = 0`,
  `INSERT INTO session_search (rowid, text) SELECT d.id, m.body
   FROM messages m JOIN session_search_docs d ON d.source_id = m.id AND d.kind = 1`,
  `INSERT INTO session_search (rowid, text) SELECT d.id, concat_ws(' ', st.text, st.selected_option, st.free_text)
   FROM steps st JOIN session_search_docs d ON d.source_id = st.id AND d.kind = 2`,
  `INSERT INTO session_search (rowid, text) SELECT d.id, f.text
   FROM facts f JOIN session_search_docs d ON d.source_id = f.id AND d.kind = 3`,
  // drizzle/0014_search_handoffs.sql's kinds.
  `INSERT INTO session_search (rowid, text) SELECT d.id, concat_ws(' ', h.reason, h.engineer_notes, h.external_ticket_number)
   FROM handoffs h JOIN session_search_docs d ON d.source_id = h.id AND d.kind = 4`,
  `INSERT INTO session_search (rowid, text) SELECT d.id, concat_ws(' ', t.ticket_number, t.escalation_reason)
   FROM support_tickets t JOIN session_search_docs d ON d.source_id = t.id AND d.kind = 5`,
  `INSERT INTO session_search (rowid, text) SELECT d.id, concat_ws(' ', y.label, y.reason)
   FROM hypotheses y JOIN session_search_docs d ON d.source_id = y.id AND d.kind = 6`,
];

export interface WithheldMigrationResult {
  messages: number;
  secrets: number;
  fields: number;
}

/** Runs the migration if it has not run on this store; returns what it changed, or null when it had run. */
export function migrateWithheldSecrets(
  sqlite: Database.Database,
  db: Db,
  now: number,
): WithheldMigrationResult | null {
  const done = sqlite.prepare('SELECT 1 FROM data_migrations WHERE name = ?').pluck().get(WITHHELD_MIGRATION);
  if (done) return null;
  const result: WithheldMigrationResult = { messages: 0, secrets: 0, fields: 0 };
  inTransaction(db, () => {
    const rows = sqlite
      .prepare(
        `SELECT id, author_id AS authorId, body, created_at AS createdAt FROM messages m
         WHERE NOT EXISTS (SELECT 1 FROM withheld_secrets w WHERE w.message_id = m.id)`,
      )
      .all() as { id: string; authorId: string | null; body: string; createdAt: number }[];
    const setBody = sqlite.prepare('UPDATE messages SET body = ? WHERE id = ?');
    for (const row of rows) {
      const prepared = prepareText(row.body);
      if (prepared.spans.length === 0) continue;
      setBody.run(prepared.text, row.id);
      insertWithheld(
        db,
        { messageId: row.id, ownerId: row.authorId, spans: prepared.spans, values: prepared.values },
        row.createdAt,
      );
      result.messages++;
      result.secrets += prepared.spans.length;
    }
    for (const [table, { key, columns }] of Object.entries(TEXT_COLUMNS)) {
      for (const column of columns) {
        const select = sqlite.prepare(
          `SELECT ${key} AS k, ${column} AS v FROM ${table} WHERE ${column} IS NOT NULL AND ${column} != ''`,
        );
        const update = sqlite.prepare(`UPDATE ${table} SET ${column} = ? WHERE ${key} = ?`);
        for (const { k, v } of select.all() as { k: unknown; v: unknown }[]) {
          if (typeof v !== 'string') continue;
          const redacted = redact(v);
          if (redacted.findings.length === 0) continue;
          update.run(redacted.text, k);
          result.fields++;
          result.secrets += redacted.findings.length;
        }
      }
    }
    if (result.secrets > 0) {
      // The index kept the old words in its segments: rebuild it from the redacted text.
      sqlite.prepare(`INSERT INTO session_search (session_search) VALUES ('delete-all')`).run();
      for (const statement of REINDEX) sqlite.prepare(statement).run();
      sqlite.prepare(`INSERT INTO session_search (session_search) VALUES ('optimize')`).run();
    }
    sqlite
      .prepare('INSERT INTO data_migrations (name, done_at, details) VALUES (?, ?, ?)')
      .run(WITHHELD_MIGRATION, now, JSON.stringify(result));
  });
  if (result.secrets > 0) {
    // Old pages (freed, or left in the WAL) still hold the plain text: rewrite the file, empty the WAL.
    sqlite.exec('VACUUM');
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
  }
  return result;
}
