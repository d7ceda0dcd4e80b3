// The Insights fixture: a copy of the big fixture (100k sessions, 1M messages) with a team's history
// laid over it, so every Insights figure has rows to read: eight technicians and a senior, a problem
// domain and (for half) a ConnectWise ticket on one of three boards per session, resolution times,
// ~20k handoffs (escalations, parks, 2% imported from ConnectWise) with claims, closes and assessments,
// ~30k suggested fixes with decisions and outcomes, and the assessment answers of resolved escalations.
// Raw inserts in one transaction; cached in os.tmpdir() beside the big fixture, keyed like it.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { bigFixture } from './fixture';
import { intBetween, pick, seeded, uuid } from './fixture-data';
import type { Rand } from './fixture-data';
import { msSince, nowNs } from './stats';

/** Bump when the overlay changes, so stale cached fixtures are not reused. */
const OVERLAY_REV = 3;
const SEED = 0x1e5;
const MINUTE = 60_000;
/** The big fixture's sessions end here: Insights asks for the 90 days before it. */
export const INSIGHTS_FIXTURE_END = Date.UTC(2026, 0, 1);

export interface InsightsFixture {
  file: string;
  seniorId: string;
  technicianIds: string[];
  generatedMs: number | null;
}

const TECHNICIANS = [
  'Terry Tech',
  'Priya Patel',
  'Jonas Berg',
  'Maria Santos',
  'Kwame Mensah',
  'Lena Fischer',
  'Dev Sharma',
  'Olu Adeyemi',
];
const DOMAINS = ['Email', 'Printing', 'Network', 'Accounts', 'Hardware', 'Backup'];
const BOARDS = [
  { id: 21, name: 'Service Desk' },
  { id: 22, name: 'Projects' },
  { id: 23, name: 'Field Services' },
];
const PRIORITIES = ['low', 'medium', 'medium', 'high', 'high', 'urgent'] as const;
const CONFIDENCES = ['low', 'medium', 'high'] as const;
const VERDICTS = ['right', 'right', 'partly', 'wrong'] as const;

export function insightsFixture(migrationsDir: string, log: (message: string) => void): InsightsFixture {
  const big = bigFixture(migrationsDir, log);
  const file = join(
    dirname(big.file),
    basename(big.file).replace(/^baton-bench-fixture-/, `baton-bench-insights-rev${OVERLAY_REV}-`),
  );
  const ids = people(seeded(SEED));
  if (existsSync(file)) return { file, ...ids, generatedMs: null };

  log(`fixture: laying the Insights history over a copy of ${big.file}`);
  const partial = `${file}.partial-${process.pid}`;
  const start = nowNs();
  try {
    copyFileSync(big.file, partial);
    const sqlite = new Database(partial);
    try {
      sqlite.pragma('journal_mode = MEMORY');
      sqlite.pragma('synchronous = OFF');
      sqlite.pragma('foreign_keys = ON');
      sqlite.transaction(() => overlay(sqlite, seeded(SEED), ids)).immediate();
      sqlite.pragma('journal_mode = WAL');
      sqlite.exec('analyze');
    } finally {
      sqlite.close();
    }
    renameSync(partial, file);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
  const generatedMs = msSince(start);
  log(`fixture: Insights history in ${(generatedMs / 1000).toFixed(1)} s → ${file}`);
  return { file, ...ids, generatedMs };
}

function people(rand: Rand): { seniorId: string; technicianIds: string[] } {
  return { seniorId: uuid(rand), technicianIds: TECHNICIANS.map(() => uuid(rand)) };
}

function overlay(sqlite: Database.Database, rand: Rand, ids: ReturnType<typeof people>): void {
  people(rand); // the same draws as `ids`, so the stream below is the same every run
  const addUser = sqlite.prepare(
    `insert into users (id, name, email, role, active, created_at, updated_at) values (?, ?, ?, ?, 1, 0, 0)`,
  );
  addUser.run(ids.seniorId, 'Sam Senior', 'sam.senior@example.com', 'engineer');
  TECHNICIANS.forEach((name, i) =>
    addUser.run(
      ids.technicianIds[i],
      name,
      `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
      'technician',
    ),
  );

  const rows = sqlite
    .prepare(`select rowid, id, status, created_at, updated_at from sessions order by created_at`)
    .all() as { rowid: number; id: string; status: string; created_at: number; updated_at: number }[];
  const setSession = sqlite.prepare(
    `update sessions set created_by_id = ?, problem_domain = ?, psa_ticket_id = ?, resolved_at = ? where rowid = ?`,
  );
  const addTicketBoard = sqlite.prepare(
    `insert into psa_ticket_boards (ticket_id, board_id, seen_at) values (?, ?, ?)`,
  );
  const addBoard = sqlite.prepare(`insert into psa_boards (id, name, seen_at) values (?, ?, 0)`);
  for (const board of BOARDS) addBoard.run(board.id, board.name);
  const addHandoff = sqlite.prepare(
    `insert into handoffs (id, session_id, intent, handed_off_by_id, priority, reason, snapshot, assessment_state,
       ai_assessment, ai_assessment_data, claimed_by_id, claimed_at, created_at, closed_at, psa_ticket_id, origin)
     values (?, ?, ?, ?, ?, 'Needs a senior', '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addFix = sqlite.prepare(
    `insert into suggested_fixes (id, session_id, text, confidence, created_at, superseded_at, user_decision,
       decided_at, outcome, outcome_at) values (?, ?, 'Clear the print spooler', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const countHandoff = sqlite.prepare(
    `update sessions set handoff_count = handoff_count + 1 where rowid = ?`,
  );
  const addCheck = sqlite.prepare(
    `insert into assessment_checks (handoff_id, session_id, verdict, confidence, checked_by_id, checked_at)
     values (?, ?, ?, ?, ?, ?)`,
  );

  for (const s of rows) {
    const techIndex = s.rowid % TECHNICIANS.length;
    const tech = ids.technicianIds[techIndex]!;
    const ticket = rand() < 0.5 ? 100_000 + s.rowid : null;
    if (ticket !== null) {
      const board = pick(rand, BOARDS);
      addTicketBoard.run(ticket, board.id, s.created_at);
    }
    const resolvedAt = s.status === 'resolved' ? s.updated_at : null;
    setSession.run(tech, pick(rand, DOMAINS), ticket, resolvedAt, s.rowid);

    // A handoff for one session in five: escalations mostly, some parks, a few imported from ConnectWise.
    const roll = rand();
    if (roll < 0.2) {
      const intent = roll < 0.05 ? 'park' : 'escalate';
      const origin = intent === 'escalate' && roll < 0.054 ? 'psa' : 'local';
      const created = s.created_at + intBetween(rand, 5, 90) * MINUTE;
      const waited = Math.round(-Math.log(1 - rand()) * 45 * MINUTE);
      const claimed = rand() < 0.85 && created + waited < s.updated_at + 600 * MINUTE;
      const closed = !claimed && (intent === 'park' || origin === 'psa') && rand() < 0.7;
      const assessed = intent === 'escalate' && rand() < 0.8;
      const confidence = pick(rand, CONFIDENCES);
      const handoffId = uuid(rand);
      addHandoff.run(
        handoffId,
        s.id,
        intent,
        tech,
        pick(rand, PRIORITIES),
        assessed ? 'ready' : 'unavailable',
        assessed ? 'Stale cached credentials are the most likely cause.' : null,
        assessed
          ? JSON.stringify({
              summary_prose: 'Stale cached credentials are the most likely cause.',
              what_we_know: [],
              likely_cause: 'Stale cached credentials',
              suggested_steps: [],
              confidence,
            })
          : null,
        claimed ? ids.seniorId : null,
        claimed ? created + waited : null,
        created,
        closed ? created + waited : null,
        origin === 'psa' ? ticket : null,
        origin,
      );
      countHandoff.run(s.rowid);
      if (assessed && claimed && resolvedAt !== null && resolvedAt > created + waited && rand() < 0.7)
        addCheck.run(handoffId, s.id, pick(rand, VERDICTS), confidence, ids.seniorId, resolvedAt);
    }

    // A suggested fix in three sessions of ten, decided and (when applied) with an outcome.
    if (rand() < 0.3) {
      const created = s.created_at + intBetween(rand, 2, 60) * MINUTE;
      const decision = rand() < 0.6 ? 'apply_once' : rand() < 0.5 ? 'dismissed' : null;
      const outcome =
        decision === 'apply_once' ? pick(rand, ['worked', 'worked', 'failed', 'pending']) : null;
      addFix.run(
        uuid(rand),
        s.id,
        intBetween(rand, 20, 99),
        created,
        decision === 'dismissed' ? created + MINUTE : null,
        decision,
        decision ? created + MINUTE : null,
        outcome,
        outcome ? created + 5 * MINUTE : null,
      );
    }
  }
}
