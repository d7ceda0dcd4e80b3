// Timing with process.hrtime.bigint() and nearest-rank percentiles.

export const nowNs = (): bigint => process.hrtime.bigint();

export const msSince = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: ArrayLike<number>): Summary {
  const sorted = Float64Array.from(samples).sort();
  let total = 0;
  for (const s of sorted) total += s;
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] as number,
    mean: total / sorted.length,
  };
}

export interface LoopOptions {
  warmup: number;
  iterations: number;
  /** Untimed upkeep run every `every` iterations (e.g. a WAL checkpoint), so it never lands in a sample. */
  upkeep?: () => void;
  every?: number;
}

/** Times each call of `fn` separately (milliseconds), after `warmup` untimed calls. */
export function timeEach(fn: (i: number) => void, options: LoopOptions): Float64Array {
  for (let i = 0; i < options.warmup; i++) fn(i);
  options.upkeep?.();
  const samples = new Float64Array(options.iterations);
  for (let i = 0; i < options.iterations; i++) {
    const start = process.hrtime.bigint();
    fn(options.warmup + i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1e6;
    if (options.upkeep && (i + 1) % (options.every ?? 500) === 0) options.upkeep();
  }
  return samples;
}

/**
 * Times `a` and `b` interleaved (alternating which goes first) so both see the same database size,
 * WAL state, JIT and machine noise; a like-for-like comparison.
 */
export function timePair(
  a: (i: number) => void,
  b: (i: number) => void,
  options: LoopOptions,
): { a: Float64Array; b: Float64Array } {
  for (let i = 0; i < options.warmup; i++) {
    a(i);
    b(i);
  }
  options.upkeep?.();
  const sa = new Float64Array(options.iterations);
  const sb = new Float64Array(options.iterations);
  for (let i = 0; i < options.iterations; i++) {
    const k = options.warmup + i;
    if (i % 2 === 0) {
      sa[i] = timeOne(a, k);
      sb[i] = timeOne(b, k);
    } else {
      sb[i] = timeOne(b, k);
      sa[i] = timeOne(a, k);
    }
    if (options.upkeep && (i + 1) % (options.every ?? 500) === 0) options.upkeep();
  }
  return { a: sa, b: sb };
}

function timeOne(fn: (i: number) => void, i: number): number {
  const start = process.hrtime.bigint();
  fn(i);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
