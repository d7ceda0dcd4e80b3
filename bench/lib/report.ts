// The results table (stdout) and its JSON twin (bench/results/latest.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type { Row } from './registry';

export interface ResultRow extends Row {
  bench: string;
}

export interface Results {
  startedAt: string;
  wallMs: number;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  filter: string[];
  strict: boolean;
  rows: ResultRow[];
  errors: { bench: string; message: string }[];
  notes: string[];
}

export function formatTable(rows: readonly ResultRow[]): string {
  const header = ['name', 'figure', 'target', 'result'];
  const body = rows.map((r) => [r.name, r.text, r.targetText, r.pass ? 'PASS' : 'FAIL']);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((cells) => (cells[c] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => cell.padEnd(widths[c] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function environment(): Pick<Results, 'node' | 'platform' | 'cpu' | 'cores'> {
  const all = cpus();
  return {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpu: all[0]?.model ?? 'unknown',
    cores: all.length,
  };
}

export function writeResults(file: string, results: Results): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}
