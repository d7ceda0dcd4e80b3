// DESIGN §1: only src-main/electron/** and the entry import electron, so the core runs under Node.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const IMPORTS_ELECTRON =
  /(from\s+['"]electron(\/[\w/-]+)?['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\))/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('process boundaries', () => {
  it('nothing imports electron outside src-main/electron, the entry and the preload', () => {
    const offenders = ['src-main', 'src-renderer', 'e2e', 'bench']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .map((file) => relative(ROOT, file))
      .filter(
        (file) =>
          !file.startsWith('src-main/electron/') &&
          file !== 'src-main/index.ts' &&
          !file.endsWith('.test.ts'),
      )
      .filter((file) => IMPORTS_ELECTRON.test(readFileSync(join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the renderer reaches main only through the contract', () => {
    const offenders = sourceFiles(join(ROOT, 'src-renderer'))
      .filter((file) => /from\s+['"][./]*(src-main|src-preload\/index)/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(ROOT, file));
    expect(offenders).toEqual([]);
  });
});
