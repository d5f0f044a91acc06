/**
 * `GET /api/nearby` over one process against two (the same 50 connections in all, split between
 * them), and one process reading from a streaming replica against the primary only, measured in
 * turns (lib/repeat.ts) with the machine's CPU use beside each. On a machine of few cores the
 * database, the servers and the load generator share the same CPUs, so a second process or a
 * replica can gain only what the first left idle: the CPU figures say how much that was.
 *
 * The replica: BENCH_REPLICA_URL, a streaming replica of DATABASE_URL's server, when given.
 * Otherwise the benchmark makes a primary and a streaming replica of its own on this machine, as
 * the system test does (tools/pg-clusters.ts: pg_basebackup into a temporary directory, started on
 * a free port), seeds the primary at the small scale (without the text-search indexes, which
 * /api/nearby does not read), waits for the replica to replay it, and removes both after. It does not make a replica of the server it was given: that would need the
 * server to accept replication connections, a change to a server others may share.
 */
import os from 'node:os';
import pg from 'pg';
import { addStreamingReplica, canMakeClusters, createCluster, waitForReplay } from '../../tools/pg-clusters.js';
import { freePort } from '../../tools/ports.js';
import { seedDatabase, withDatabase } from '../lib/database.js';
import { queryPoints } from '../lib/geography.js';
import { httpLoad, type LoadResult } from '../lib/load.js';
import { percent, startCpuWatch, ticksOf, machineTicks } from '../lib/machine.js';
import { median, ROUNDS, trustedRatio } from '../lib/repeat.js';
import type { Figure } from '../lib/report.js';
import { SCALES } from '../lib/seed.js';
import { startServer, type RunningServer } from '../lib/server.js';

const CONNECTIONS = 50;
const REPLICA_FIGURE = 'one process reading a replica vs the primary only';

interface Run extends LoadResult {
  /** Share of the machine's CPU time: all of it busy, other work's, and each named PostgreSQL's. */
  cpu: number;
  others: number;
  databases: Record<string, number>;
}

/**
 * A load over one or more servers at once, with the machine's CPU use meanwhile and that of each
 * PostgreSQL server given by its postmaster's process id (its backends are its children).
 */
async function loadOver(
  servers: RunningServer[],
  paths: string[],
  seconds: number,
  databases: Record<string, number> = {},
): Promise<Run> {
  const watch = startCpuWatch(['self', ...servers.map((server) => server.child.pid!)], Object.values(databases));
  const machineBefore = machineTicks();
  const before = Object.fromEntries(Object.entries(databases).map(([name, pid]) => [name, ticksOf([], [pid])]));
  const each = Math.floor(CONNECTIONS / servers.length);
  const results = await Promise.all(servers.map((server) => httpLoad(server.url, paths, each, seconds)));
  const total = Math.max(1, machineTicks().total - machineBefore.total);
  const used = Object.fromEntries(
    Object.entries(databases).map(([name, pid]) => [name, (ticksOf([], [pid]) - before[name]!) / total]),
  );
  const shares = watch();
  return {
    rps: results.reduce((sum, result) => sum + result.rps, 0),
    p50: Math.max(...results.map((result) => result.p50)),
    p99: Math.max(...results.map((result) => result.p99)),
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    non2xx: results.reduce((sum, result) => sum + result.non2xx, 0),
    requests: results.reduce((sum, result) => sum + result.requests, 0),
    cpu: shares.busy,
    others: shares.others,
    databases: used,
  };
}

const medianOf = (runs: Run[], pick: (run: Run) => number) => median(runs.map(pick));

function comparison(
  group: string,
  name: string,
  figureRuns: Run[],
  baselineName: string,
  baselineRuns: Run[],
  where?: string,
): Figure {
  const rps = medianOf(figureRuns, (run) => run.rps);
  const baselineRps = baselineRuns.map((run) => run.rps);
  const trusted = trustedRatio(rps / median(baselineRps), baselineRps);
  const errors = [...figureRuns, ...baselineRuns].reduce((sum, run) => sum + run.errors + run.non2xx, 0);
  const databases = Object.keys(figureRuns[0]?.databases ?? {});
  const cpuOf = (runs: Run[]) =>
    [
      `machine ${percent(medianOf(runs, (run) => run.cpu))}`,
      ...databases.map((db) => `${db} ${percent(medianOf(runs, (run) => run.databases[db] ?? 0))}`),
      // Without the databases' own figures, their work would count as other work.
      ...(databases.length > 0 ? [`other work ${percent(medianOf(runs, (run) => run.others))}`] : []),
    ].join(', ');
  return {
    group,
    name,
    unit: 'req/s',
    value: rps,
    baseline: { name: baselineName, value: median(baselineRps), runs: baselineRuns.length, spread: trusted.spread },
    ratio: trusted.ratio,
    unreliable: trusted.unreliable,
    ratioMeaning: 'of the throughput',
    note: [
      ...(where ? [where] : []),
      `p99 ${medianOf(figureRuns, (run) => run.p99).toFixed(0)} against ${medianOf(baselineRuns, (run) => run.p99).toFixed(0)} ms`,
      `CPU (share of all ${os.cpus().length} cores) ${cpuOf(figureRuns)}, against ${cpuOf(baselineRuns)}`,
      `the gain is bounded by what the first setup left idle of the cores it shares`,
      `${errors} errors`,
    ].join('; '),
  };
}

/** Loads `figure` and `baseline` in turns, ROUNDS times each. */
async function inTurns(
  figure: () => Promise<Run>,
  baseline: () => Promise<Run>,
): Promise<{ figureRuns: Run[]; baselineRuns: Run[] }> {
  const figureRuns: Run[] = [];
  const baselineRuns: Run[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    baselineRuns.push(await baseline());
    figureRuns.push(await figure());
  }
  return { figureRuns, baselineRuns };
}

export async function measureScaleOut(
  first: RunningServer,
  env: Record<string, string>,
  seconds: number,
  replicaUrl: string | undefined,
  log: (line: string) => void,
): Promise<Figure[]> {
  const points = queryPoints(200, 11);
  const paths = points.map((p) => `/api/nearby?lat=${p.lat.toFixed(6)}&lng=${p.lng.toFixed(6)}&radius=5000&limit=50`);
  const roundSeconds = Math.max(2, Math.ceil(seconds / ROUNDS));
  const group = `GET /api/nearby (5 km, 50 nearest), ${CONNECTIONS} connections in all`;
  const figures: Figure[] = [];

  const second = await startServer('bench/server.ts', { ...env, PORT: String(await freePort()) });
  try {
    await httpLoad(second.url, paths, 10, 2); // warm its caches and JIT
    const { figureRuns, baselineRuns } = await inTurns(
      () => loadOver([first, second], paths, roundSeconds),
      () => loadOver([first], paths, roundSeconds),
    );
    figures.push(comparison(group, 'two processes vs one', figureRuns, 'one process', baselineRuns));
  } finally {
    await second.stop();
  }

  if (replicaUrl) {
    // The replica of the server holds the benchmark's database under the same name.
    const replica = new URL(replicaUrl);
    replica.pathname = new URL(env.DATABASE_URL!).pathname;
    figures.push(
      await replicaAgainstPrimary(group, { first, env, replicaUrl: replica.toString(), paths, roundSeconds }),
    );
  } else if (canMakeClusters()) {
    figures.push(await onOwnReplica(group, env, paths, roundSeconds, log));
  } else {
    figures.push({
      group,
      name: REPLICA_FIGURE,
      unit: 'req/s',
      note: 'not measured: set BENCH_REPLICA_URL to a streaming replica of the database server, or install PostgreSQL 15 here',
    });
  }
  return figures;
}

/** One process reading `replicaUrl` in turns with `first`, which reads the primary only. */
async function replicaAgainstPrimary(
  group: string,
  {
    first,
    env,
    replicaUrl,
    paths,
    roundSeconds,
    databases,
    where,
  }: {
    first: RunningServer;
    env: Record<string, string>;
    replicaUrl: string;
    paths: string[];
    roundSeconds: number;
    databases?: Record<string, number>;
    where?: string;
  },
): Promise<Figure> {
  const reading = await startServer('bench/server.ts', {
    ...env,
    PORT: String(await freePort()),
    DATABASE_REPLICA_URLS: replicaUrl,
    REPLICA_MAX_LAG_MS: '5000',
  });
  try {
    await httpLoad(reading.url, paths, 10, 2);
    await readsReachReplica(reading);
    const { figureRuns, baselineRuns } = await inTurns(
      () => loadOver([reading], paths, roundSeconds, databases),
      () => loadOver([first], paths, roundSeconds, databases),
    );
    return comparison(group, REPLICA_FIGURE, figureRuns, 'primary only', baselineRuns, where);
  } finally {
    await reading.stop();
  }
}

/** The server reports the replica usable (checked every second), so its reads go there. */
async function readsReachReplica(server: RunningServer): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      replicas?: Array<{ usable: boolean; problem: string | null }>;
    };
    if (health.replicas?.some((replica) => replica.usable)) return;
    if (Date.now() > deadline) throw new Error(`the replica is not in use: ${JSON.stringify(health.replicas)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * A primary and a streaming replica of the benchmark's own, seeded at the small scale; one server
 * on the primary alone in turns with one reading the replica, and each PostgreSQL's CPU beside.
 */
async function onOwnReplica(
  group: string,
  env: Record<string, string>,
  paths: string[],
  roundSeconds: number,
  log: (line: string) => void,
): Promise<Figure> {
  const scale = SCALES.small!;
  log(`  making a PostgreSQL primary of its own, seeded at the ${scale.name} scale`);
  const primary = await createCluster();
  try {
    const url = withDatabase(primary.url, 'vicinity_bench');
    const admin = new pg.Client({ connectionString: primary.url });
    await admin.connect();
    await admin.query('create database vicinity_bench');
    await admin.end();
    await seedDatabase(url, scale, (line) => log(`  ${line}`), { withoutTextSearch: true });
    log('  pg_basebackup into a streaming replica, then waiting for it to replay');
    const replica = await addStreamingReplica(primary);
    try {
      await waitForReplay(primary.url, replica.url);
      const first = await startServer('bench/server.ts', { ...env, DATABASE_URL: url, PORT: String(await freePort()) });
      try {
        await httpLoad(first.url, paths, 10, 2);
        return await replicaAgainstPrimary(group, {
          first,
          env: { ...env, DATABASE_URL: url },
          replicaUrl: withDatabase(replica.url, 'vicinity_bench'),
          paths,
          roundSeconds,
          databases: { primary: primary.pid(), replica: replica.pid() },
          where: `on a primary and a pg_basebackup streaming replica of the benchmark's own, ${scale.name}-scale data without the text-search indexes`,
        });
      } finally {
        await first.stop();
      }
    } finally {
      replica.remove();
    }
  } finally {
    primary.remove();
  }
}
