// A process killed after the service applied its post but before the answer came back: the next run
// requeues the job, finds its own earlier post by reference, and does not post again.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { startEchoFake } from '../../e2e/fakes/echo-fake';
import { tempDir } from '../test-support/temp-core';

const CHILD = join(import.meta.dirname, 'test-support', 'outbox-child.ts');
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) await fn();
});

function runChild(dataDir: string, echoUrl: string, mode: 'enqueue' | 'resume') {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir, echoUrl, mode], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, exited, output: () => output };
}

it('a job interrupted by a crash resumes on the next start and its effect happens once', async () => {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  const echo = await startEchoFake();
  cleanups.push(() => echo.close());
  echo.server.inject({ kind: 'hold', match: { method: 'POST' } });

  const first = runChild(dir.path, echo.server.url, 'enqueue');
  await echo.server.waitForRequest({ method: 'POST' }, 15_000);
  expect(echo.records).toHaveLength(1); // the service committed the note…
  first.child.kill('SIGKILL'); // …and Baton died before hearing back
  expect(await first.exited).toBeNull();

  const db = new Database(join(dir.path, 'baton.db'), { readonly: true });
  expect(db.prepare('select state, attempts from jobs').get()).toEqual({ state: 'running', attempts: 1 });
  db.close();

  const second = runChild(dir.path, echo.server.url, 'resume');
  expect(await second.exited).toBe(0);
  expect(second.output()).toContain('drained');

  expect(echo.records).toHaveLength(1);
  expect(echo.server.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  expect(echo.server.requests.filter((r) => r.method === 'GET').length).toBeGreaterThanOrEqual(2);
  const after = new Database(join(dir.path, 'baton.db'), { readonly: true });
  expect(after.prepare('select state from jobs').pluck().get()).toBe('done');
  after.close();
}, 30_000);
