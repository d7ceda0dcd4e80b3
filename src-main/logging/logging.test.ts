// The log file and the support bundle: real files, real zip.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLog } from './file-log';
import { supportBundleName, writeSupportBundle } from './support-bundle';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-logs-'));
  dirs.push(dir);
  return dir;
};

describe('the log file', () => {
  it('writes each line with its context, and never a secret', () => {
    const dir = tempDir();
    const log = createFileLog({ dir, console: false });
    log.info('posting note', { ticket: 42, body: 'Server=sql01;User Id=sa;Password=Sa!2026pw;' });
    const err = Object.assign(
      new Error('request failed: Authorization: Bearer 0a1b2c3d4e5f60718293a4b5c6d7e8f9'),
      {
        code: 'ECONNRESET',
      },
    );
    log.error('job psa.post_note failed', err);
    log.warn('technician typed password: hunter2hunter2');
    const text = readFileSync(log.file, 'utf8');
    expect(log.file).toBe(join(dir, 'main.log'));
    expect(text).toMatch(/\[info\].*posting note.*"ticket":42/);
    expect(text).toMatch(/\[error\].*job psa\.post_note failed.*request failed/);
    expect(text).toContain('[REDACTED:connection_string]');
    expect(text).toContain('[REDACTED:bearer]');
    expect(text).toContain('[REDACTED:password]');
    for (const secret of ['Sa!2026pw', '0a1b2c3d4e5f60718293a4b5c6d7e8f9', 'hunter2hunter2'])
      expect(text).not.toContain(secret);
  });

  it('rotates: past its size the file becomes main.old.log and a new one starts', () => {
    const dir = tempDir();
    const log = createFileLog({ dir, console: false, maxBytes: 2_000 });
    for (let i = 0; i < 60; i++) log.info(`line ${i} ${'x'.repeat(60)}`);
    expect(existsSync(join(dir, 'main.old.log'))).toBe(true);
    expect(readFileSync(join(dir, 'main.log'), 'utf8').length).toBeLessThanOrEqual(2_200);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toContain('line 59');
  });
});

describe('export logs for support', () => {
  it('zips the logs and the versions, with anything secret an older line let through withheld', () => {
    const dir = tempDir();
    const log = createFileLog({ dir, console: false });
    log.info('Baton 0.1.0 starting');
    // A line written before redaction existed (or by a crash handler) still leaves redacted.
    writeFileSync(join(dir, 'main.old.log'), 'net user kiosk K1osk!2026 /add\n');
    const now = new Date('2026-12-06T10:11:12Z');
    const target = join(tempDir(), supportBundleName(now));
    expect(target).toMatch(/baton-logs-2026-12-06-10-11-12\.zip$/);
    const { logs } = writeSupportBundle({
      logsDir: dir,
      target,
      now,
      versions: { baton: '0.1.0', schemaVersion: 11 },
    });
    expect(logs).toEqual(['main.log', 'main.old.log']);
    const files = unzipSync(readFileSync(target));
    expect(Object.keys(files).sort()).toEqual(['logs/main.log', 'logs/main.old.log', 'versions.json']);
    expect(JSON.parse(strFromU8(files['versions.json']!))).toEqual({
      exportedAt: '2026-12-06T10:11:12.000Z',
      baton: '0.1.0',
      schemaVersion: 11,
    });
    expect(strFromU8(files['logs/main.log']!)).toContain('Baton 0.1.0 starting');
    expect(strFromU8(files['logs/main.old.log']!)).toBe('net user kiosk [REDACTED:password] /add\n');
  });
});
