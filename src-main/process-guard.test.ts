// Main never dies of an escaped error (issue 13, item 2): run in a child process, since the test
// runner treats any uncaught error in its own process as a failure.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { tempDir } from './test-support/temp-core';

const CHILD = join(import.meta.dirname, 'test-support', 'crash-child.ts');
const cleanups: (() => unknown)[] = [];
afterEach(() => cleanups.splice(0).forEach((fn) => fn()));

it(
  'a job whose callback throws is marked failed; stray throws and rejections are logged; the process keeps answering',
  { timeout: 60_000 },
  async () => {
    const dir = tempDir();
    cleanups.push(() => dir.remove());
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir.path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => child.kill('SIGKILL'));
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      job: { state: string; last_error: string };
      appInfo: boolean;
      logged: string[];
    };
    expect(result.job).toEqual({
      state: 'dead',
      last_error: 'Gave up after 1 tries: thrown from a timer inside the job',
    });
    expect(result.appInfo).toBe(true);
    expect(result.logged).toEqual(
      expect.arrayContaining([
        'uncaught exception: Baton keeps running',
        'unhandled promise rejection: Baton keeps running',
        'uncaught exception in job 1 (test.crash-in-callback): it is marked failed, Baton keeps running',
      ]),
    );
  },
);
