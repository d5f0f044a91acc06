/**
 * `GET /api/nearby` over one process against two (the same 50 connections in all, split between
 * them), and one process reading from a streaming replica against the primary only, measured in
 * turns (lib/repeat.ts) with the whole machine's CPU use beside each. On two cores the database,
 * the servers and the load generator share the same CPUs, so a second process can gain only what
 * the first left idle: the CPU figures say how much that was.
 *
 * The replica comparison needs a streaming replica of DATABASE_URL's server: BENCH_REPLICA_URL
 * (the benchmark does not reconfigure a server it shares to make one).
 */
import { readFileSync } from 'node:fs';
import { queryPoints } from '../lib/geography.js';
import { httpLoad, type LoadResult } from '../lib/load.js';
import { freePort } from '../lib/ports.js';
import { median, ROUNDS, trustedRatio } from '../lib/repeat.js';
import type { Figure } from '../lib/report.js';
import { startServer, type RunningServer } from '../lib/server.js';

const CONNECTIONS = 50;

/** Busy and total jiffies of the whole machine so far (/proc/stat). */
function cpuTimes(): { busy: number; total: number } {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.reduce((sum, value) => sum + value, 0);
  const idle = fields[3]! + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** A load over one or more servers at once, with the machine's CPU use meanwhile. */
async function loadOver(
  servers: RunningServer[],
  paths: string[],
  seconds: number,
): Promise<LoadResult & { cpu: number }> {
  const before = cpuTimes();
  const each = Math.floor(CONNECTIONS / servers.length);
  const results = await Promise.all(servers.map((server) => httpLoad(server.url, paths, each, seconds)));
  const after = cpuTimes();
  return {
    rps: results.reduce((sum, result) => sum + result.rps, 0),
    p50: Math.max(...results.map((result) => result.p50)),
    p99: Math.max(...results.map((result) => result.p99)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    cpu: (after.busy - before.busy) / Math.max(1, after.total - before.total),
  };
}

const pct = (share: number) => `${(share * 100).toFixed(0)}%`;

function comparison(
  group: string,
  name: string,
  figureRuns: Array<LoadResult & { cpu: number }>,
  baselineName: string,
  baselineRuns: Array<LoadResult & { cpu: number }>,
): Figure {
  const rps = median(figureRuns.map((run) => run.rps));
  const baselineRps = baselineRuns.map((run) => run.rps);
  const trusted = trustedRatio(rps / median(baselineRps), baselineRps);
  const errors = [...figureRuns, ...baselineRuns].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
  return {
    group,
    name,
    unit: 'req/s',
    value: rps,
    baseline: { name: baselineName, value: median(baselineRps), runs: baselineRuns.length, spread: trusted.spread },
    ratio: trusted.ratio,
    unreliable: trusted.unreliable,
    ratioMeaning: 'of the throughput',
    note:
      `p99 ${median(figureRuns.map((run) => run.p99)).toFixed(0)} against ${median(baselineRuns.map((run) => run.p99)).toFixed(0)} ms; ` +
      `machine CPU busy ${pct(median(figureRuns.map((run) => run.cpu)))} against ${pct(median(baselineRuns.map((run) => run.cpu)))}; ` +
      `${errors} errors`,
  };
}

export async function measureScaleOut(
  first: RunningServer,
  env: Record<string, string>,
  seconds: number,
  replicaUrl: string | undefined,
): Promise<Figure[]> {
  const points = queryPoints(200, 11);
  const paths = points.map((p) => `/api/nearby?lat=${p.lat.toFixed(6)}&lng=${p.lng.toFixed(6)}&radius=5000&limit=50`);
  const roundSeconds = Math.max(2, Math.ceil(seconds / ROUNDS));
  const group = `GET /api/nearby (5 km, 50 nearest), ${CONNECTIONS} connections in all`;
  const figures: Figure[] = [];

  const second = await startServer('bench/server.ts', { ...env, PORT: String(await freePort()) });
  try {
    await httpLoad(second.url, paths, 10, 2); // warm its caches and JIT
    const one: Array<LoadResult & { cpu: number }> = [];
    const two: Array<LoadResult & { cpu: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      one.push(await loadOver([first], paths, roundSeconds));
      two.push(await loadOver([first, second], paths, roundSeconds));
    }
    figures.push(comparison(group, 'two processes vs one', two, 'one process', one));
  } finally {
    await second.stop();
  }

  if (!replicaUrl) {
    figures.push({
      group,
      name: 'one process reading a replica vs the primary only',
      unit: 'req/s',
      note: 'not measured: set BENCH_REPLICA_URL to a streaming replica of the database server',
    });
    return figures;
  }
  // The replica of the server holds the benchmark's database under the same name.
  const replica = new URL(replicaUrl);
  replica.pathname = new URL(env.DATABASE_URL!).pathname;
  const reading = await startServer('bench/server.ts', {
    ...env,
    PORT: String(await freePort()),
    DATABASE_REPLICA_URLS: replica.toString(),
    REPLICA_MAX_LAG_MS: '5000',
  });
  try {
    await httpLoad(reading.url, paths, 10, 2);
    const primaryOnly: Array<LoadResult & { cpu: number }> = [];
    const withReplica: Array<LoadResult & { cpu: number }> = [];
    for (let round = 0; round < ROUNDS; round++) {
      primaryOnly.push(await loadOver([first], paths, roundSeconds));
      withReplica.push(await loadOver([reading], paths, roundSeconds));
    }
    figures.push(
      comparison(group, 'one process reading a replica vs the primary only', withReplica, 'primary only', primaryOnly),
    );
  } finally {
    await reading.stop();
  }
  return figures;
}
