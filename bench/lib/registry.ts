// The bench registry: each area (bench/*.bench.ts) registers named measurements; bench/run.ts runs
// them. A measurement returns rows of {figure, target, pass}; later issues add figures by adding
// files or calling register() again.

export type Unit = 'ms' | 'ratio' | 'count';

export interface Row {
  name: string;
  /** The number compared with the target: milliseconds or a ratio (wrapped ÷ raw). */
  figure: number;
  unit: Unit;
  /** A ceiling: the row passes when figure ≤ target. */
  target: number;
  pass: boolean;
  /** The figure as printed, with any context (e.g. the raw and wrapped latencies behind a ratio). */
  text: string;
  targetText: string;
  detail?: Record<string, number>;
}

export interface BenchContext {
  /** Absolute path of drizzle/ (the app's migrations). */
  migrationsDir: string;
  /** The project root (holds drizzle/ and bench/). */
  root: string;
  /** A progress line on stderr (stdout carries the table). */
  log: (message: string) => void;
  /** A line printed under the table and kept in the JSON results. */
  note: (message: string) => void;
}

export type BenchFn = (ctx: BenchContext) => Row[] | Promise<Row[]>;

export interface Bench {
  name: string;
  fn: BenchFn;
}

const benches: Bench[] = [];

export function register(name: string, fn: BenchFn): void {
  if (benches.some((b) => b.name === name)) throw new Error(`Bench "${name}" is registered twice`);
  benches.push({ name, fn });
}

export function registered(): readonly Bench[] {
  return benches;
}

export const formatMs = (ms: number): string => `${ms.toFixed(3)} ms`;
export const formatRatio = (ratio: number): string => `${ratio.toFixed(1)}×`;

/** A latency row: passes when `ms` ≤ `targetMs`. */
export function msRow(name: string, ms: number, targetMs: number, detail?: Record<string, number>): Row {
  return {
    name,
    figure: ms,
    unit: 'ms',
    target: targetMs,
    pass: ms <= targetMs,
    text: formatMs(ms),
    targetText: `≤ ${targetMs} ms`,
    ...(detail ? { detail } : {}),
  };
}

/** A wrapped-versus-raw row: the ratio wrappedMs ÷ rawMs, which passes when ≤ `target`. */
export function ratioRow(
  name: string,
  wrappedMs: number,
  rawMs: number,
  target: number,
  baseline = 'raw',
): Row {
  const ratio = wrappedMs / rawMs;
  return {
    name,
    figure: ratio,
    unit: 'ratio',
    target,
    pass: ratio <= target,
    text: `${formatRatio(ratio)} (${formatMs(wrappedMs)} vs ${baseline} ${formatMs(rawMs)})`,
    targetText: `≤ ${target}×`,
    detail: { wrappedMs, rawMs },
  };
}

/** A count (requests, bytes…): passes when `value` ≤ `target`. */
export function countRow(name: string, value: number, target: number, what: string): Row {
  return {
    name,
    figure: value,
    unit: 'count',
    target,
    pass: value <= target,
    text: `${value} ${what}`,
    targetText: `≤ ${target} ${what}`,
  };
}
