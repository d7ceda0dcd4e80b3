// Full-text search (searchSessions) over the big fixture: 100k sessions, 1M messages, 100k steps and
// 50k facts. A mix of what a technician types in the sidebar: a rare word (a serial number from a
// fact), common words, two words, a word still being typed (prefix), and a status-filtered search.
import type Database from 'better-sqlite3';
import { openStore } from '../src-main/store/database';
import { searchSessions } from '../src-main/store/repos/search';
import { bigFixture } from './lib/fixture';
import { msRow, register } from './lib/registry';
import type { BenchContext, Row } from './lib/registry';
import { summarize } from './lib/stats';

const TARGET_MS = 50;
const ROUNDS = 20;

interface Query {
  kind: 'rare word' | 'common word' | 'two words' | 'prefix' | 'status filter';
  query: string;
  status?: 'escalated' | 'active';
}

const FIXED: Query[] = [
  { kind: 'common word', query: 'the' },
  { kind: 'common word', query: 'user' },
  { kind: 'common word', query: 'credentials' },
  { kind: 'common word', query: 'printer' },
  { kind: 'two words', query: 'outlook password' },
  { kind: 'two words', query: 'printer offline' },
  { kind: 'two words', query: 'vpn dns' },
  { kind: 'two words', query: 'spooler running' },
  { kind: 'prefix', query: 'outl' },
  { kind: 'prefix', query: 'cred' },
  { kind: 'prefix', query: 'gpres' },
  { kind: 'prefix', query: 'user pro' },
  { kind: 'status filter', query: 'printer', status: 'escalated' },
  { kind: 'status filter', query: 'vpn', status: 'active' },
];

/** Serial numbers ("5CG…") from facts spread over the fixture: each names one machine, one session. */
function rareQueries(sqlite: Database.Database, count: number): Query[] {
  const total = sqlite.prepare('select max(rowid) from facts').pluck().get() as number;
  const pickFact = sqlite.prepare('select text from facts where rowid >= ? limit 1').pluck();
  return Array.from({ length: count }, (_, i) => {
    const text = pickFact.get(Math.floor(((i + 0.5) * total) / count)) as string;
    const serial = /\b5CG\w+/.exec(text)?.[0];
    if (!serial) throw new Error(`bench bug: no serial in fact "${text}"`);
    return { kind: 'rare word' as const, query: serial.toLowerCase() };
  });
}

const DOC_MAP = "('session_search_docs', 'session_search_docs_source_unique')";

function indexSize(sqlite: Database.Database): { fts: number; docs: number; file: number } {
  const mb = (sql: string) => ((sqlite.prepare(sql).pluck().get() as number | null) ?? 0) / 1e6;
  return {
    fts: mb(`select sum(pgsize) from dbstat where name like 'session_search%' and name not in ${DOC_MAP}`),
    docs: mb(`select sum(pgsize) from dbstat where name in ${DOC_MAP}`),
    file: mb('select page_count * page_size from pragma_page_count(), pragma_page_size()'),
  };
}

register('search.fts', (ctx: BenchContext): Row[] => {
  const fixture = bigFixture(ctx.migrationsDir, ctx.log);
  ctx.note(
    fixture.generatedMs === null
      ? `fixture: reused ${fixture.file}`
      : `fixture: generated in ${(fixture.generatedMs / 1000).toFixed(1)} s → ${fixture.file}`,
  );
  const store = openStore(fixture.file, ctx.migrationsDir);
  try {
    const queries = [...rareQueries(store.sqlite, 8), ...FIXED];
    ctx.log(`search: ${queries.length} queries × ${ROUNDS} rounds over 100k sessions / 1M messages`);
    for (const q of queries) {
      const hits = searchSessions(store.db, { query: q.query, status: q.status, limit: 50 });
      if (hits.length === 0) throw new Error(`bench bug: "${q.query}" found nothing`);
    }
    const samples = new Map<Query['kind'], number[]>();
    const all: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const q of queries) {
        const start = process.hrtime.bigint();
        searchSessions(store.db, { query: q.query, status: q.status, limit: 50 });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        all.push(ms);
        samples.set(q.kind, [...(samples.get(q.kind) ?? []), ms]);
      }
    }
    const size = indexSize(store.sqlite);
    ctx.note(
      `search index on disk: FTS5 ${size.fts.toFixed(0)} MB + document map ${size.docs.toFixed(0)} MB ` +
        `(${(((size.fts + size.docs) / size.file) * 100).toFixed(0)}% of the ${size.file.toFixed(0)} MB fixture)`,
    );
    const overall = summarize(all);
    return [
      msRow('FTS search p95 (mix, 100k/1M)', overall.p95, TARGET_MS, { p50: overall.p50, max: overall.max }),
      ...[...samples].map(([kind, ms]) => {
        const s = summarize(ms);
        return msRow(`FTS search p95: ${kind}`, s.p95, TARGET_MS, { p50: s.p50, max: s.max });
      }),
    ];
  } finally {
    store.close();
  }
});
