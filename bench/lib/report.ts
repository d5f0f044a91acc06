import { trustedRatio } from './repeat.js';
import type { Timing } from './stats.js';

/** One figure of the benchmark, printed as a table row and stored in the JSON results. */
export interface Figure {
  group: string;
  name: string;
  unit: string;
  p50?: number;
  p99?: number;
  value?: number;
  baseline?: {
    name: string;
    p50?: number;
    p99?: number;
    value?: number;
    /** How many times it was measured in the run, and (max − min) / median of those runs. */
    runs?: number;
    spread?: number;
  };
  ratio?: number;
  /** Set instead of `ratio` when the baseline varied too much within the run (lib/repeat.ts). */
  unreliable?: string;
  ratioMeaning?: string;
  note?: string;
}

/** A latency figure beside a baseline timed in the same run, their p50s as the ratio. */
export function latencyFigure(
  where: { group: string; name: string },
  timing: Timing,
  baseline: { name: string; timing: Timing; meaning: string },
  note?: string,
): Figure {
  return {
    ...where,
    unit: 'ms',
    p50: timing.p50,
    p99: timing.p99,
    baseline: { name: baseline.name, p50: baseline.timing.p50, p99: baseline.timing.p99 },
    ratio: timing.p50 / baseline.timing.p50,
    ratioMeaning: baseline.meaning,
    ...(note ? { note } : {}),
  };
}

/**
 * The figure with its baseline's spread over the runs whose p50s (or values) are `baselineRuns`,
 * and its ratio withheld when they spread too much (lib/repeat.ts).
 */
export function withSpread(figure: Figure, baselineRuns: number[]): Figure {
  const trusted = trustedRatio(figure.ratio ?? Number.NaN, baselineRuns);
  return {
    ...figure,
    baseline: figure.baseline && { ...figure.baseline, runs: baselineRuns.length, spread: trusted.spread },
    ratio: trusted.ratio,
    unreliable: trusted.unreliable,
  };
}

const fmt = (n: number | undefined, digits = 2) =>
  n === undefined || Number.isNaN(n) ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(digits);

export function printTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    f.value !== undefined
      ? `${fmt(f.value)} ${f.unit}`
      : f.p50 !== undefined
        ? `p50 ${fmt(f.p50)} / p99 ${fmt(f.p99)} ${f.unit}`
        : 'not measured',
    f.baseline
      ? `${f.baseline.name}: ${f.baseline.value !== undefined ? fmt(f.baseline.value) : `p50 ${fmt(f.baseline.p50)} / p99 ${fmt(f.baseline.p99)}`}` +
        (f.baseline.runs
          ? ` (median of ${f.baseline.runs}, spread ${((f.baseline.spread ?? 0) * 100).toFixed(0)}%)`
          : '')
      : '',
    f.unreliable
      ? `unreliable: ${f.unreliable}`
      : f.ratio !== undefined
        ? `${fmt(f.ratio)}× ${f.ratioMeaning ?? ''}`.trim()
        : '',
    f.note ?? '',
  ]);
  const header = ['group', 'measure', 'result', 'baseline (same run)', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** A run's results file (bench/results/*.json), or the baseline kept in bench/baseline/. */
export interface Results {
  scale: string;
  machine: string;
  date: string;
  seconds: number;
  figures: Figure[];
}

function change(now: number | undefined, before: number | undefined): string {
  if (now === undefined || before === undefined || before === 0) return '';
  const percent = Math.round((now / before - 1) * 100);
  return percent === 0 ? '±0%' : `${percent > 0 ? '+' : '−'}${Math.abs(percent)}%`;
}

/**
 * This run's figures beside the same figures in the baseline (matched by group and measure), with
 * the change from the baseline. Machines differ, so the ratios in the first table say more than
 * these changes do across machines; on one machine they show what a change did.
 */
export function printBaselineComparison(figures: Figure[], baseline: Results): string {
  const before = new Map(baseline.figures.map((f) => [`${f.group}\u0000${f.name}`, f]));
  const rows: string[][] = [];
  for (const f of figures) {
    const b = before.get(`${f.group}\u0000${f.name}`);
    if (!b) continue;
    const latency = f.value === undefined;
    rows.push([
      f.group,
      f.name,
      latency ? `p50 ${fmt(f.p50)} / p99 ${fmt(f.p99)} ${f.unit}` : `${fmt(f.value)} ${f.unit}`,
      latency ? `p50 ${fmt(b.p50)} / p99 ${fmt(b.p99)} ${b.unit}` : `${fmt(b.value)} ${b.unit}`,
      latency ? `p50 ${change(f.p50, b.p50)} / p99 ${change(f.p99, b.p99)}` : change(f.value, b.value),
    ]);
  }
  const header = ['group', 'measure', 'result', 'baseline', 'vs baseline'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    `Baseline: ${baseline.date}, ${baseline.machine}`,
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
  ].join('\n');
}
