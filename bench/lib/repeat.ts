/**
 * Baselines measured several times, interleaved with the figure they stand beside, so that a
 * slow spell of the machine shows as spread instead of as a false ratio (one short run read
 * pgbench at 66 tps where a rerun minutes later gave 499).
 */
export const ROUNDS = 3;

/** A baseline whose runs differ by more than this (max − min, over the median) gives no ratio. */
export const UNRELIABLE_SPREAD = 0.3;

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** (max − min) / median of the runs. */
export function spreadOf(values: number[]): number {
  return (Math.max(...values) - Math.min(...values)) / median(values);
}

/** Runs the figure's measure and the baseline's alternately, `rounds` times each. */
export async function interleaved<F, B>(
  figure: (round: number) => Promise<F>,
  baseline: (round: number) => Promise<B>,
  rounds = ROUNDS,
): Promise<{ figures: F[]; baselines: B[] }> {
  const figures: F[] = [];
  const baselines: B[] = [];
  for (let round = 0; round < rounds; round++) {
    figures.push(await figure(round));
    baselines.push(await baseline(round));
  }
  return { figures, baselines };
}

/** The ratio, or nothing and a flag when the baseline varied too much within the run to trust it. */
export function trustedRatio(
  ratio: number,
  baselineRuns: number[],
): { ratio?: number; unreliable?: string; spread: number } {
  const spread = spreadOf(baselineRuns);
  return spread > UNRELIABLE_SPREAD
    ? { spread, unreliable: `baseline varied ${(spread * 100).toFixed(0)}% within the run` }
    : { spread, ratio };
}
