import type { Timing } from './stats.js';

/** One figure of the benchmark, printed as a table row and stored in the JSON results. */
export interface Figure {
  group: string;
  name: string;
  unit: string;
  p50?: number;
  p99?: number;
  value?: number;
  baseline?: { name: string; p50?: number; p99?: number; value?: number };
  ratio?: number;
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

const fmt = (n: number | undefined, digits = 2) =>
  n === undefined || Number.isNaN(n) ? '' : n >= 100 ? n.toFixed(0) : n.toFixed(digits);

export function printTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    f.value !== undefined ? `${fmt(f.value)} ${f.unit}` : `p50 ${fmt(f.p50)} / p99 ${fmt(f.p99)} ${f.unit}`,
    f.baseline
      ? `${f.baseline.name}: ${f.baseline.value !== undefined ? fmt(f.baseline.value) : `p50 ${fmt(f.baseline.p50)} / p99 ${fmt(f.baseline.p99)}`}`
      : '',
    f.ratio !== undefined ? `${fmt(f.ratio)}× ${f.ratioMeaning ?? ''}`.trim() : '',
    f.note ?? '',
  ]);
  const header = ['group', 'measure', 'result', 'baseline (same run)', 'ratio', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
