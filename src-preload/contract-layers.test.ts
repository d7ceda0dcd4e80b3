// The contract is one entry (contract.ts) over one file per domain (contract/*.ts). Those files must
// form layers: an import cycle among them compiles, yet in the bundled preload and renderer one file
// could then read another's schema before it exists (a TDZ error at start-up, not at build time).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, 'contract');
const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => name.replace(/\.ts$/, ''));

/** What a file imports or re-exports, type-only imports included (a type cycle is a cycle in waiting). */
const importsOf = (path: string): string[] =>
  ts.preProcessFile(readFileSync(path, 'utf8'), true, false).importedFiles.map((file) => file.fileName);

const siblings = new Map(files.map((file) => [file, importsOf(join(DIR, `${file}.ts`))]));

describe('the contract’s files', () => {
  it('import only zod and one another (never the entry, Node or another process)', () => {
    const outside = [...siblings].flatMap(([file, imports]) =>
      imports
        .filter((spec) => spec !== 'zod' && !/^\.\/[\w-]+$/.test(spec))
        .map((spec) => `${file} → ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('form layers: no import cycle among them', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'visiting');
      for (const spec of siblings.get(file) ?? []) {
        if (spec.startsWith('./')) visit(spec.slice(2), [...path, file]);
      }
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('are all exported through the entry, except the shared schema helpers', () => {
    const reExported = importsOf(join(import.meta.dirname, 'contract.ts')).map((spec) =>
      spec.replace(/^\.\/contract\//, ''),
    );
    expect(reExported.sort()).toEqual(files.filter((file) => file !== 'fields').sort());
  });
});
