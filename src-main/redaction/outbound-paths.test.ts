// One redaction gate on every path out (issue 14). Two halves:
// 1. No code talks to the network, raises an OS notification or writes a log line except through the
//    seams that pass the gate (src-main/net/http.ts, the notify() of electron/handoff-alerts.ts, the core's
//    log): a source scan fails on any other network primitive.
// 2. Every job kind the core runs, and every client that sends on its own (note drafts, "Test
//    connection"), is driven against loopback fakes with secrets planted in the store *behind the store's
//    own redaction* (as an older store or a forgetful writer would leave them): nothing that reaches a
//    fake holds one, and the gate counted what it withheld on each path. A job kind added without a
//    scenario here fails the test.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PLANTED_SECRETS, runOutboundScenario } from '../test-support/outbound-scenario';
import { gateLogLine, gateNotification } from './gate';

const ROOT = join(import.meta.dirname, '..', '..');
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the seams (source scan)', () => {
  const files = sourceFiles(join(ROOT, 'src-main')).map((f) => ({
    path: relative(ROOT, f),
    text: readFileSync(f, 'utf8'),
  }));

  it('nothing but src-main/net opens a connection', () => {
    // fetch(…) itself, Node's http/https/net/tls clients, undici, a WebSocket client, Electron's net.
    const NETWORK = [
      /(?<![.\w])fetch\(/,
      /globalThis\.fetch/,
      /from ['"](?:node:)?(?:https?|net|tls|http2)['"]/,
      /from ['"]undici['"]/,
      /new WebSocket\(/,
      /\bnet\.(?:request|fetch)\(/,
    ];
    // The browser host serves the UI on loopback (inbound only); test support is not shipped; Electron's
    // net.fetch is the fetch that http.ts is given in the desktop app (the gate runs before it is called).
    const ALLOWED = [
      /^src-main\/net\//,
      /^src-main\/host\/browser-host\.ts$/,
      /^src-main\/test-support\//,
      /^src-main\/electron\/net-fetch\.ts$/,
      /^src-main\/electron\/testing\//,
    ];
    const offenders = files
      .filter((f) => !ALLOWED.some((a) => a.test(f.path)))
      // A local helper that happens to be called fetch (search.ts) is not the network's.
      .map((f) => ({
        ...f,
        text: /const fetch = /.test(f.text) ? f.text.replace(/(?<![.\w])fetch\(/g, '') : f.text,
      }))
      .flatMap((f) => NETWORK.filter((n) => n.test(f.text)).map((n) => `${f.path}: ${n.source}`));
    expect(offenders).toEqual([]);
  });

  it('OS notifications and log lines go through the gate', () => {
    const notifying = files.filter((f) => /new Notification\(/.test(f.text));
    expect(notifying.map((f) => f.path)).toEqual(['src-main/electron/handoff-alerts.ts']);
    expect(notifying[0]!.text).toMatch(/new Notification\(\{ \.\.\.gateNotification\(/);
    expect((notifying[0]!.text.match(/new Notification\(/g) ?? []).length).toBe(1);
    const core = files.find((f) => f.path === 'src-main/core.ts')!.text;
    expect(core).toMatch(
      /const log = \(message: string, err\?: unknown\) => sink\(gateLogLine\(message, err\)\)/,
    );
    // Nothing else in main writes to the console (the sinks a log file would replace).
    const consoles = files
      .filter((f) => !f.path.includes('/test-support/') && /console\.(?:log|error|warn|info)\(/.test(f.text))
      .map((f) => f.path)
      .sort();
    expect(consoles).toEqual(['src-main/core.ts', 'src-main/host/serve.ts']);
  });

  it('the gate itself redacts a notification, a log line and its error', () => {
    expect(gateNotification({ title: 'New escalation: pw is Tr0ub4dor&3', body: 'ok' })).toEqual({
      title: 'New escalation: pw is [REDACTED:password]',
      body: 'ok',
    });
    const line = gateLogLine('job failed', new Error('server said: password=Hunter22x! rejected'));
    expect(line).toContain('password=[REDACTED:password]');
    expect(line).not.toContain('Hunter22x!');
  });
});

// In-app only: the bell writes a row on this machine; nothing leaves.
const LOCAL_KINDS = new Set(['notify.in_app']);

describe('every path out, driven end to end', () => {
  it('no planted secret reaches any fake, and the gate withheld them on every content path', async () => {
    const run = await runOutboundScenario();
    cleanups.push(() => run.dispose());

    // Every kind the core runs was exercised here, and finished.
    expect(run.dead).toEqual([]);
    expect(run.jobKinds.filter((k) => !run.ran.has(k) && !LOCAL_KINDS.has(k))).toEqual([]);

    // Nothing that left holds a planted secret, whatever the path.
    const leaks = run.sent.flatMap((r) =>
      PLANTED_SECRETS.filter((s) => r.body.includes(s) || r.url.includes(encodeURIComponent(s))).map(
        (s) => `${r.path} ${new URL(r.url).pathname}: ${s.slice(0, 12)}…`,
      ),
    );
    expect(leaks).toEqual([]);
    expect(run.emails).toBeGreaterThan(0);
    expect(run.notes).toBeGreaterThan(1);

    // …because the gate withheld them on each content path (the store had not).
    for (const path of ['ai', 'webhook', 'email', 'psa', 'diagnostic'] as const)
      expect(run.gateAfter[path].withheld - run.gateBefore[path].withheld, path).toBeGreaterThan(0);
  }, 60_000);
});
