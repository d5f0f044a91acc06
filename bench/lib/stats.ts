/** Timing and percentiles for the benchmark. */

export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.max(0, Math.ceil((p / 100) * sortedMs.length) - 1));
  return sortedMs[index]!;
}

export interface Timing {
  samples: number;
  p50: number;
  p99: number;
  mean: number;
}

/**
 * Runs `fn` `warmup` times untimed, then up to `iterations` times, one at a time, stopping early
 * (after at least 10 samples) once `budgetMs` has passed, so a slow path cannot stall the run.
 */
export async function timeSerial(
  fn: (i: number) => Promise<unknown>,
  iterations: number,
  warmup = 5,
  budgetMs = 30_000,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn(i);
  const durations: number[] = [];
  const deadline = Date.now() + budgetMs;
  for (let i = 0; i < iterations && (i < 10 || Date.now() < deadline); i++) {
    const start = process.hrtime.bigint();
    await fn(i);
    durations.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return summarise(durations);
}

export function summarise(durations: number[]): Timing {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((sum, d) => sum + d, 0) / Math.max(1, sorted.length),
  };
}

/** A deterministic PRNG (mulberry32), so every run asks the same questions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Times the same requests twice. The first pass reads part of its pages from outside
 * PostgreSQL's buffer cache; the second, the reported figure, finds them cached, as a server does
 * once it has been answering for a while. Both are returned so the first-pass cost stays in view;
 * without this, whichever measure ran first over a set of points paid for warming it.
 */
export async function timeTwice(
  fn: (i: number) => Promise<unknown>,
  iterations: number,
): Promise<{ first: Timing; cached: Timing }> {
  const first = await timeSerial(fn, iterations, 0);
  const cached = await timeSerial(fn, iterations, 0);
  return { first, cached };
}

export function firstPassNote(first: Timing): string {
  return `first pass: p50 ${first.p50.toFixed(2)} / p99 ${first.p99.toFixed(2)} ms`;
}
