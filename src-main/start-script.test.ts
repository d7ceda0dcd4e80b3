// `npm start` (scripts/start.mjs) where the Electron binary is missing, as on this CI: one line says why,
// then the browser host starts and prints its URL, which serves Baton.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath } from '../e2e/fixtures/electron-app';

const ROOT = join(import.meta.dirname, '..');

describe('npm start without Electron', () => {
  it.skipIf(electronBinaryPath() !== null || !existsSync(join(ROOT, 'out', 'main', 'serve.js')))(
    'says why in one line and starts the browser host, printing its URL',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'baton-start-'));
      const child = spawn(
        process.execPath,
        [join(ROOT, 'scripts', 'start.mjs'), '--no-build', '--data-dir', dataDir, '--port', '0'],
        {
          cwd: ROOT,
          env: { ...process.env, BATON_KEYCHAIN_NAMESPACE: `baton-test-${process.pid}` },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      try {
        const lines: string[] = [];
        const url = await new Promise<string>((resolve, reject) => {
          child.once('exit', (code) => reject(new Error(`start.mjs exited ${code}: ${lines.join('\n')}`)));
          createInterface({ input: child.stdout }).on('line', (line) => {
            lines.push(line);
            const m = /Baton is running at (\S+)/.exec(line);
            if (m) resolve(m[1]!);
          });
        });
        expect(lines[0]).toMatch(
          /^Electron cannot start here: .*binary.* — starting the browser host instead/,
        );
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
        const login = await fetch(url, { redirect: 'manual' });
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        const page = await fetch(new URL('/', url), { headers: { cookie } });
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root">');
      } finally {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  );
});
