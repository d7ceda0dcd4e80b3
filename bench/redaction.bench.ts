// Secrets and the redaction pass (issue 14): how many secrets leave per path and rest in the store (target
// 0), how many look-alikes it wrongly withholds (target 0), and what a 5 MB pasted log costs — per 100 KB
// window (the longest the main process is held at once) and in all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Message, SessionDetail } from '../src-preload/contract';
import { createCore, DATABASE_FILE } from '../src-main/core';
import { findSecretsInChunks } from '../src-main/redaction/chunked';
import { fake, INNOCENT_SAMPLES, SECRET_SAMPLES } from '../src-main/redaction/corpus';
import type { OutboundPath } from '../src-main/redaction/gate';
import { findSecrets, redact } from '../src-main/redaction/redact';
import { runOutboundScenario, PLANTED_SECRETS } from '../src-main/test-support/outbound-scenario';
import { scanForSecrets } from '../src-main/test-support/secret-scan';
import type { SecretVault } from '../src-main/vault/secret-vault';
import { migrationsDir } from './lib/env';
import { countRow, msRow, register } from './lib/registry';
import type { BenchContext, Row } from './lib/registry';
import { msSince, nowNs, summarize } from './lib/stats';

/** The bench measures redaction, not the keychain: an in-memory vault keeps it runnable anywhere. */
function memoryVault(): SecretVault {
  const store = new Map<string, string>();
  return {
    get: (s, a) => Promise.resolve(store.get(`${s}/${a}`) ?? null),
    set: (s, a, v) => Promise.resolve(void store.set(`${s}/${a}`, v)),
    delete: (s, a) => Promise.resolve(store.delete(`${s}/${a}`)),
    list: (s) =>
      Promise.resolve(
        [...store.keys()].filter((k) => k.startsWith(`${s}/`)).map((k) => k.slice(s.length + 1)),
      ),
  };
}

register('redaction.corpus', (): Row[] => {
  const missed = SECRET_SAMPLES.flatMap((s) => {
    const out = redact(s.text).text;
    return s.secrets.filter((x) => out.includes(x.value));
  }).length;
  const falsePositives = INNOCENT_SAMPLES.filter((s) => findSecrets(s.text).length > 0).length;
  const secrets = SECRET_SAMPLES.reduce((n, s) => n + s.secrets.length, 0);
  return [
    countRow(`redaction.corpus secrets missed (of ${secrets})`, missed, 0, 'secrets'),
    countRow(
      `redaction.corpus false positives (of ${INNOCENT_SAMPLES.length} look-alikes)`,
      falsePositives,
      0,
      'texts',
    ),
  ];
});

register('redaction.paths', async (ctx: BenchContext): Promise<Row[]> => {
  ctx.log('redaction: driving every outbound path against the fakes');
  const run = await runOutboundScenario({ vault: memoryVault() });
  try {
    const paths: (OutboundPath | 'sign-in')[] = ['ai', 'webhook', 'email', 'psa', 'diagnostic', 'sign-in'];
    const rows = paths.map((path) => {
      const out = run.sent
        .filter((r) => r.path === path)
        .reduce((n, r) => n + PLANTED_SECRETS.filter((s) => r.body.includes(s)).length, 0);
      return countRow(`redaction.paths secrets out: ${path}`, out, 0, 'secrets');
    });
    const withheld = (['ai', 'webhook', 'email', 'psa', 'diagnostic'] as const)
      .map((p) => `${p} ${run.gateAfter[p].withheld - run.gateBefore[p].withheld}`)
      .join(', ');
    ctx.note(`redaction.paths: planted secrets the gate withheld per path: ${withheld}`);
    return rows;
  } finally {
    await run.dispose();
  }
});

register('redaction.at-rest', async (ctx: BenchContext): Promise<Row[]> => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-bench-redaction-'));
  const core = createCore({
    dataDir: dir,
    migrationsDir,
    vault: memoryVault(),
    host: 'browser',
    version: 'bench',
    log: () => undefined,
  });
  try {
    const ok = async <T>(channel: string, input?: unknown): Promise<T> => {
      const reply = await core.dispatch(channel, input);
      if (!reply.ok) throw new Error(reply.error.message);
      return reply.value as T;
    };
    await ok('profile:create', { name: 'Bench', email: 'bench@example.com', role: 'owner' });
    const session = await ok<SessionDetail>('sessions:create', {});
    ctx.log('redaction: pasting the corpus into a session');
    for (const s of SECRET_SAMPLES)
      await ok<Message>('messages:add', { sessionId: session.id, body: s.text });
    for (const s of SECRET_SAMPLES.filter((x) => x.text.length <= 280))
      await ok('facts:add', { sessionId: session.id, text: s.text });
    const secrets = SECRET_SAMPLES.flatMap((s) => s.secrets.map((x) => x.value));
    const open = scanForSecrets(join(dir, DATABASE_FILE), secrets);
    await core.close();
    const closed = scanForSecrets(join(dir, DATABASE_FILE), secrets);
    return [
      countRow(
        'redaction.at-rest secrets in the file and WAL',
        open.inFiles.length + closed.inFiles.length,
        0,
        'secrets',
      ),
      countRow(
        'redaction.at-rest secret words in the search index',
        open.inIndex.length + closed.inIndex.length,
        0,
        'words',
      ),
    ];
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A 5 MB log as technicians paste them: agent lines, with a secret every few hundred lines. */
function pastedLog(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      i % 400 === 200
        ? `2026-11-28 09:00:00 WARN [Sync] retry with user=svc_sync password=Retry!${i} token=${fake('', 32, i)}`
        : i % 97 === 5
          ? `2026-11-28 09:00:01 INFO [Auth] {"event":"login","user":"jdoe@contoso.com","result":"ok","client":"3f2a9c1e-0000-4d5e-8f70-123456789abc"}`
          : `2026-11-28 09:${String(i % 60).padStart(2, '0')}:03 INFO [Agent] device=PC-${i} ip=10.0.${i % 255}.${i % 200} status=ok latency=${i % 97}ms kb=KB5034441 err=0x80070005 path=C:\\ProgramData\\Agent\\logs\\agent.log`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

register('redaction.cost', async (ctx: BenchContext): Promise<Row[]> => {
  const log = pastedLog(5_000_000);
  ctx.log(`redaction: a ${(log.length / 1e6).toFixed(1)} MB pasted log`);
  redact(log.slice(0, 200_000)); // warm up the rules
  // The cost per 100 KB: each window of a chunked pass, timed between its pauses (what the main process is
  // held for at once), over several passes.
  const windows: number[] = [];
  const totals: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    let started = nowNs();
    const begun = nowNs();
    await findSecretsInChunks(log, {
      chunk: 100_000,
      pause: () => {
        windows.push(msSince(started));
        return new Promise<void>((resolve) =>
          setImmediate(() => {
            started = nowNs();
            resolve();
          }),
        );
      },
    });
    windows.push(msSince(started));
    totals.push(msSince(begun));
  }
  const perWindow = summarize(windows);
  const total = summarize(totals);
  return [
    msRow('redaction.cost p95 per 100 KB of a 5 MB log (main process held at once)', perWindow.p95, 50, {
      p50: perWindow.p50,
      max: perWindow.max,
    }),
    msRow('redaction.cost whole 5 MB log, off the click path (p50)', total.p50, 2_500),
  ];
});
