// Full-text search over sessions (DESIGN §2): titles and problem summaries, messages, steps (with the
// selected option and free text) and facts, kept in sync by the triggers of drizzle/0002_session_search.sql;
// handoffs (reason, notes), support ticket numbers and hypotheses (label, reason) by those of
// drizzle/0014_search_handoffs.sql.
// Figures are from the bench fixture (1.25M documents: 100k sessions, 1M messages, 150k steps and facts).
//
// Storage. `session_search` is a contentless FTS5 table: the text already lives in its own tables, and a
// regular FTS table would keep a second copy (+270 MB). External content was not an option: it reads one
// content table by a stable integer rowid, and ours are four tables keyed by text uuids (VACUUM may
// renumber implicit rowids). So `session_search_docs` maps each FTS rowid to (kind, source id), 117 MB;
// its ids are given out in insertion order, so the index read backwards is newest first.
// contentless_delete=1 lets the triggers delete by rowid. detail=none: the index is only ever asked which
// documents hold a word (single words ANDed: no phrases, NEAR or column filters; scoring and snippets
// are done here, from the text), so it keeps document ids only: 101 MB with its row sizes, where
// detail=column takes 265 MB and detail=full ~420 MB, at the same measured latency. prefix='2 3': the
// 2-3 letter prefixes typed first read one doclist instead of merging those of every word they begin
// ("re"*: 240 ms → 0.3 ms).
//
// Ranking. FTS5's bm25() first counts every row holding each term (its IDF) and ORDER BY rank scores every
// match: 45-60 ms for "the" before ranking anything, 1.4 s to order its 1.25M rows; an ORDER BY rank LIMIT
// subquery does not cap that. So the index is asked only for the newest WINDOW matching documents
// (ORDER BY rowid DESC LIMIT: FTS5 walks the doclist backwards and stops, under 1 ms for any word), and
// bm25 - FTS5's formula (k1 1.2, b 0.75) with field weights - is computed here over them, the IDF from a
// capped count per term (exact under PROBE matches, extrapolated from the rowid span above it).
// Trade-off: when more than WINDOW documents match, only the newest WINDOW are ranked, so an older session
// that would score higher appears once the query is narrowed (more words, or a status). Results: each
// session's best document, by score, ties by session updated_at (newest first).
import { sql } from 'drizzle-orm';
import type { SearchHit, SessionStatus } from '../../../src-preload/contract';
import type { Db } from '../database';
import { prepared } from '../prepared';
import { sessions } from '../schema';
import { toSessionSummary } from './sessions';

export interface SearchQuery {
  query: string;
  status?: SessionStatus | undefined;
  limit?: number | undefined;
}

/** Documents ranked per query; twice as many with a status filter, since some are other statuses'. */
const WINDOW = 600;
/** Matches counted per term for its IDF (≈ 1 ms); a term with more is common, its count extrapolated. */
const PROBE = 10_000;
const MAX_TERMS = 8;
/** Longest prefix with its own index (prefix='2 3'). */
const INDEXED_PREFIX = 3;
const K1 = 1.2;
const B = 0.75;
const SNIPPET_WORDS = 14;
const SNIPPET_GAP = 80;
/** bm25 field weights: a title (or ticket number) match counts ten times a chat message match. */
const WEIGHT = {
  title: 10,
  summary: 3,
  step: 2,
  fact: 2,
  message: 1,
  handoff: 3,
  ticket: 10,
  hypothesis: 2,
} as const;
/** The weight of a document's text by its kind (0, the session, is weighed per field). */
const KIND_WEIGHT = [
  0,
  WEIGHT.message,
  WEIGHT.step,
  WEIGHT.fact,
  WEIGHT.handoff,
  WEIGHT.ticket,
  WEIGHT.hypothesis,
];

interface Term {
  /** The word as typed (NFC); FTS5 folds it with the index's own tokenizer. */
  token: string;
  /** Folded as unicode61 remove_diacritics 2 folds (lower case, accents off), for scoring here. */
  word: string;
  prefix: boolean;
}

// unicode61's token characters (L*, N*, Co), continued by the combining accents it folds away.
const TOKEN = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\u0300-\u036f]*/gu;
const ENDS_IN_WORD = /[\p{L}\p{N}\p{Co}\u0300-\u036f]$/u;
const ASCII = /^[ -~\s]*$/;
const fold = (text: string): string =>
  (ASCII.test(text) ? text : text.normalize('NFD').replace(/\p{M}+/gu, '')).toLowerCase();
/** The folded words of `text` (plain ASCII takes a faster regex that finds the same words). */
const words = (text: string): string[] =>
  (ASCII.test(text) ? text.toLowerCase().match(/[a-z0-9]+/g) : fold(text).match(TOKEN)) ?? [];
const matches = (word: string, term: Term): boolean =>
  term.prefix ? word.startsWith(term.word) : word === term.word;

/**
 * Technician input → terms. Only words survive (quotes, * ( ) : ^ - and other punctuation separate
 * them), and each is quoted in the MATCH, so AND / OR / NOT / NEAR are plain words. The last word is a
 * prefix ("outl" finds Outlook) unless it is a single letter or the input ends after it ("outlook.").
 */
function parseQuery(input: string): Term[] {
  const text = input.normalize('NFC');
  const all = text.match(TOKEN) ?? [];
  const typing = ENDS_IN_WORD.test(text);
  const terms: Term[] = [];
  all.slice(0, MAX_TERMS).forEach((token, i) => {
    const word = fold(token);
    const prefix = typing && i === all.length - 1 && [...word].length >= 2;
    if (word && !terms.some((t) => t.word === word && t.prefix === prefix))
      terms.push({ token, word, prefix });
  });
  return terms;
}

const phrase = (t: Term): string => `"${t.token.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`;

interface WindowRow {
  docId: number;
  /** 0 session, 1 message, 2 step, 3 fact, 4 handoff (reason, notes), 5 support ticket, 6 hypothesis. */
  kind: 0 | 1 | 2 | 3 | 4 | 5 | 6;
  sessionId: string;
  status: SessionStatus;
  updatedAt: number;
  title: string | null;
  /** The problem summary of a session document; the text of any other. */
  body: string | null;
}

// The newest :window matching documents older than :before, with their text and session (one branch
// per source table).
const WINDOW_SQL = `
  WITH wd AS MATERIALIZED (
    SELECT d.id, d.kind, d.source_id FROM (SELECT rowid FROM session_search
      WHERE session_search MATCH :match AND rowid < :before ORDER BY rowid DESC LIMIT :window) w
    JOIN session_search_docs d ON d.id = w.rowid)
  SELECT wd.id AS docId, 0 AS kind, s.id AS sessionId, s.status AS status, s.updated_at AS updatedAt,
    s.title AS title, s.problem_summary AS body
  FROM wd JOIN sessions s ON s.id = wd.source_id WHERE wd.kind = 0
  UNION ALL
  SELECT wd.id, 1, s.id, s.status, s.updated_at, NULL, m.body FROM wd JOIN messages m ON m.id = wd.source_id
    JOIN sessions s ON s.id = m.session_id WHERE wd.kind = 1
  UNION ALL
  SELECT wd.id, 2, s.id, s.status, s.updated_at, NULL, concat_ws(' ', st.text, st.selected_option, st.free_text)
    FROM wd JOIN steps st ON st.id = wd.source_id JOIN sessions s ON s.id = st.session_id WHERE wd.kind = 2
  UNION ALL
  SELECT wd.id, 3, s.id, s.status, s.updated_at, NULL, f.text FROM wd JOIN facts f ON f.id = wd.source_id
    JOIN sessions s ON s.id = f.session_id WHERE wd.kind = 3
  UNION ALL
  SELECT wd.id, 4, s.id, s.status, s.updated_at, NULL, concat_ws(' ', h.reason, h.engineer_notes, h.external_ticket_number)
    FROM wd JOIN handoffs h ON h.id = wd.source_id JOIN sessions s ON s.id = h.session_id WHERE wd.kind = 4
  UNION ALL
  SELECT wd.id, 5, s.id, s.status, s.updated_at, NULL, concat_ws(' ', t.ticket_number, t.escalation_reason)
    FROM wd JOIN support_tickets t ON t.id = wd.source_id JOIN sessions s ON s.id = t.session_id WHERE wd.kind = 5
  UNION ALL
  SELECT wd.id, 6, s.id, s.status, s.updated_at, NULL, concat_ws(' ', y.label, y.reason)
    FROM wd JOIN hypotheses y ON y.id = wd.source_id JOIN sessions s ON s.id = y.session_id WHERE wd.kind = 6
  ORDER BY docId DESC`;

const PROBE_SQL = `SELECT count(*) AS n, min(rowid) AS oldest FROM (SELECT rowid FROM session_search
  WHERE session_search MATCH ? ORDER BY rowid DESC LIMIT ${PROBE})`;

interface Doc {
  row: WindowRow;
  /** Weighted term frequencies, one per term. */
  freq: number[];
  length: number;
}

/** Sessions matching every word of `query`, best first, one hit per session. Never throws on odd input. */
export function searchSessions(db: Db, { query, status, limit = 50 }: SearchQuery): SearchHit[] {
  const terms = parseQuery(query);
  if (terms.length === 0) return [];
  const window = status ? 2 * WINDOW : WINDOW;
  const statement = prepared(db, 'search.window', (d) =>
    d.$client.prepare<Record<string, unknown>, WindowRow>(WINDOW_SQL),
  );
  const fetch = (match: string, size: number, before = Number.MAX_SAFE_INTEGER) =>
    statement.all({ match, window: size, before }).map((row) => analyse(row, terms));
  try {
    // A longer prefix has no index of its own: FTS5 would first merge the doclists of all its
    // completions (30-100 ms for "cred"*, 400k documents). Instead read its indexed 3-letter stem newest
    // first and keep the documents that have the whole prefix. A first quarter of the window tells
    // whether the stem is far broader than the prefix (under a quarter kept): then the real prefix
    // query is run instead; otherwise the stem is read on to a full window.
    const last = terms.length - 1;
    const exact = terms.map(phrase).join(' AND ');
    const kept = (docs: Doc[]) => docs.filter((doc) => doc.freq[last]! > 0);
    let docs: Doc[];
    if (terms[last]!.prefix && [...terms[last]!.token].length > INDEXED_PREFIX) {
      const short = `"${[...terms[last]!.token].slice(0, INDEXED_PREFIX).join('')}"*`;
      const stem = [...terms.slice(0, last).map(phrase), short].join(' AND ');
      const sample = fetch(stem, window / 4);
      docs = kept(sample);
      const more = sample.length === window / 4;
      if (more && docs.length < window / 16) docs = fetch(exact, window);
      else if (more) docs.push(...kept(fetch(stem, (3 * window) / 4, sample.at(-1)!.row.docId)));
    } else {
      docs = fetch(exact, window);
    }
    if (status) docs = docs.filter((doc) => doc.row.status === status);
    if (docs.length === 0) return [];
    const idf = terms.length > 1 ? inverseFrequencies(db, terms) : [1];
    return rank(db, docs, idf, terms, Math.max(1, Math.min(limit, 200)));
  } catch (err) {
    // Our MATCH strings are always well-formed; the one FTS5 complaint left is a word its (older) Unicode
    // tables split in two, a phrase a detail=none index cannot answer. No result rather than an error.
    if (err instanceof Error && err.message.startsWith('fts5:')) return [];
    throw err;
  }
}

function analyse(row: WindowRow, terms: readonly Term[]): Doc {
  const freq = terms.map(() => 0);
  let length = 0;
  for (const [text, weight] of fields(row)) {
    for (const word of words(text)) {
      length++;
      for (let i = 0; i < terms.length; i++) if (matches(word, terms[i]!)) freq[i]! += weight;
    }
  }
  return { row, freq, length };
}

const fields = (row: WindowRow): [string, number][] =>
  row.kind === 0
    ? [
        [row.title ?? '', WEIGHT.title],
        [row.body ?? '', WEIGHT.summary],
      ]
    : [[row.body ?? '', KIND_WEIGHT[row.kind]!]];

/** IDF per term as FTS5 computes it, from counts capped at PROBE (extrapolated beyond). */
function inverseFrequencies(db: Db, terms: readonly Term[]): number[] {
  const client = db.$client;
  const probe = prepared(db, 'search.probe', () =>
    client.prepare<[string], { n: number; oldest: number | null }>(PROBE_SQL),
  );
  const span = prepared(db, 'search.span', () =>
    client.prepare<[], { lo: number | null; hi: number | null }>(
      `SELECT (SELECT min(id) FROM session_search_docs) AS lo, (SELECT max(id) FROM session_search_docs) AS hi`,
    ),
  ).get()!;
  const hi = span.hi ?? 0;
  const total = hi - (span.lo ?? 1) + 1;
  const idf = terms.map((term) => {
    // A long prefix's own count would cost the doclist merge avoided above; it takes the others' IDF.
    if (term.prefix && [...term.token].length > INDEXED_PREFIX) return Number.NaN;
    const { n, oldest } = probe.get(phrase(term))!;
    const count = n < PROBE || oldest === null ? n : (PROBE * total) / Math.max(1, hi - oldest + 1);
    const value = Math.log((total - count + 0.5) / (count + 0.5));
    return value > 0 ? value : 1e-6;
  });
  const known = idf.filter((v) => !Number.isNaN(v));
  const fallback = known.length > 0 ? Math.min(...known) : 1;
  return idf.map((v) => (Number.isNaN(v) ? fallback : v));
}

/** bm25 per document against the window's mean length; each session keeps its best document. */
function rank(db: Db, docs: readonly Doc[], idf: readonly number[], terms: readonly Term[], limit: number) {
  const mean = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(1, docs.length) || 1;
  const best = new Map<string, { row: WindowRow; score: number }>();
  for (const { row, freq, length } of docs) {
    const norm = K1 * (1 - B + (B * length) / mean);
    const score = freq.reduce((sum, f, i) => sum + (idf[i]! * f * (K1 + 1)) / (f + norm), 0);
    const current = best.get(row.sessionId);
    if (!current || score > current.score) best.set(row.sessionId, { row, score });
  }
  const top = [...best.values()]
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.row.updatedAt - a.row.updatedAt ||
        (a.row.sessionId < b.row.sessionId ? 1 : -1),
    )
    .slice(0, limit);
  if (top.length === 0) return [];

  const rows = prepared(db, 'search.sessions', (d) =>
    d
      .select()
      .from(sessions)
      .where(sql`${sessions.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
      .prepare(),
  ).all({ ids: JSON.stringify(top.map((t) => t.row.sessionId)) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return top.flatMap(({ row }) => {
    const session = byId.get(row.sessionId);
    if (!session) return [];
    const texts = fields(row).filter(([text]) => text);
    const hit = texts.find(([text]) => words(text).some((w) => terms.some((t) => matches(w, t))));
    return [{ session: toSessionSummary(session), snippet: snippet((hit ?? texts[0])?.[0] ?? '', terms) }];
  });
}

/**
 * Plain text around the best run of matches (about SNIPPET_WORDS words), matches wrapped in « », cuts
 * marked with …. Whitespace is collapsed and any « » already in the text become ‹ ›, so the only
 * guillemets are ours.
 */
function snippet(text: string, terms: readonly Term[]): string {
  const tokens = [...text.matchAll(TOKEN)].map((m) => {
    const word = fold(m[0]);
    const hit = terms.findIndex((t) => matches(word, t));
    return { start: m.index, end: m.index + m[0].length, hit };
  });
  let from = 0;
  let bestCover = -1;
  tokens.forEach((token, i) => {
    if (token.hit < 0) return;
    const start = Math.min(Math.max(0, i - 3), Math.max(0, tokens.length - SNIPPET_WORDS));
    const cover = new Set(
      tokens.slice(start, start + SNIPPET_WORDS).flatMap((t) => (t.hit < 0 ? [] : [t.hit])),
    );
    if (cover.size > bestCover) [bestCover, from] = [cover.size, start];
  });
  const to = Math.min(tokens.length, from + SNIPPET_WORDS);
  const plain = (s: string) => s.replace(/\s+/g, ' ').replaceAll('«', '‹').replaceAll('»', '›');
  // Long stretches without words (pasted punctuation, log rulers) and very long words are cut short.
  const head = (s: string) => (s.length > SNIPPET_GAP ? `${s.slice(0, SNIPPET_GAP)}…` : s);
  const tail = (s: string) => (s.length > SNIPPET_GAP ? `…${s.slice(-SNIPPET_GAP)}` : s);
  let out = from > 0 ? '…' : '';
  let cursor = from > 0 ? tokens[from]!.start : 0;
  let first = true;
  for (const token of tokens.slice(from, to)) {
    if (token.hit < 0) continue;
    const gap = plain(text.slice(cursor, token.start));
    out += `${first ? tail(gap) : head(gap)}«${head(plain(text.slice(token.start, token.end)))}»`;
    [cursor, first] = [token.end, false];
  }
  const end = to < tokens.length ? tokens[to - 1]!.end : text.length;
  out = (out + head(plain(text.slice(cursor, Math.max(cursor, end))))).trim();
  return to < tokens.length && !out.endsWith('…') ? `${out}…` : out;
}

/**
 * Indexes a new handoff (kind 4) and its support ticket (kind 5), once: run by a local job right after
 * the escalation commits, so the FTS write is not on the click path. Idempotent (the docs' unique
 * (source_id, kind) index): a repeated or late run adds nothing; later edits follow by triggers.
 */
export function indexHandoffDocs(db: Db, handoffId: string): void {
  const added = db.run(
    sql`INSERT OR IGNORE INTO session_search_docs (kind, source_id)
        SELECT 4, id FROM handoffs WHERE id = ${handoffId}`,
  );
  if (added.changes > 0)
    db.run(sql`INSERT INTO session_search (rowid, text)
      SELECT d.id, concat_ws(' ', h.reason, h.engineer_notes, h.external_ticket_number)
      FROM handoffs h JOIN session_search_docs d ON d.source_id = h.id AND d.kind = 4
      WHERE h.id = ${handoffId}`);
  const tickets = db.all<{ id: string }>(sql`SELECT id FROM support_tickets WHERE handoff_id = ${handoffId}`);
  for (const { id } of tickets) {
    const ticket = db.run(sql`INSERT OR IGNORE INTO session_search_docs (kind, source_id) VALUES (5, ${id})`);
    if (ticket.changes > 0)
      db.run(sql`INSERT INTO session_search (rowid, text)
        SELECT d.id, concat_ws(' ', t.ticket_number, t.escalation_reason)
        FROM support_tickets t JOIN session_search_docs d ON d.source_id = t.id AND d.kind = 5
        WHERE t.id = ${id}`);
  }
}
