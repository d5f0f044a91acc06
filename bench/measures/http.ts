/**
 * `GET /api/nearby` under load, beside two ceilings measured in the same run: a bare Fastify
 * route in the same server build (the HTTP layer's limit) and pgbench running one request's SQL
 * at the same concurrency (the database's limit for a statement per request).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { radiusPageQuery } from '../../server/src/items/radius-query.js';
import { createItemRegistry } from '../../server/src/app.js';
import { queryPoints } from '../lib/geography.js';
import { httpLoad, pgbench, type LoadResult } from '../lib/load.js';
import { gcPauses } from '../lib/probes.js';
import { withSpread, type Figure } from '../lib/report.js';
import { median, ROUNDS, spreadOf, trustedRatio } from '../lib/repeat.js';
import type { RunningServer } from '../lib/server.js';

/** pgbench needs one PostgreSQL connection per client: stay under max_connections (100 on Debian). */
async function pgbenchClientLimit(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ max: number; used: number }>`
    select current_setting('max_connections')::int as max, (select count(*)::int from pg_stat_activity) as used`.execute(
    db,
  );
  return Math.max(1, rows[0]!.max - rows[0]!.used - 10);
}

const SENTINEL = { lat: 11.111111, lng: 22.222222 };

/** What browsers send: the server compresses answers for them (server/src/plugins/compression.ts). */
const AS_BROWSERS_ASK = { 'accept-encoding': 'br, gzip' };

/** Bytes of one answer as sent, with and without the browsers' Accept-Encoding. */
async function answerBytes(url: string): Promise<{ plain: number; compressed: number; encoding: string }> {
  // fetch() itself asks for gzip unless told otherwise.
  const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
  const compressed = await fetch(url, { headers: AS_BROWSERS_ASK });
  await Promise.all([plain.arrayBuffer(), compressed.arrayBuffer()]);
  return {
    plain: Number(plain.headers.get('content-length')),
    compressed: Number(compressed.headers.get('content-length')),
    encoding: compressed.headers.get('content-encoding') ?? 'none',
  };
}

/** The SQL /api/nearby runs, with :lat/:lng in place of the point's parameters, other values inlined. */
export function nearbySqlForPgbench(db: Kysely<Database>, radius: number, limit: number): string {
  const registry = createItemRegistry();
  const compiled = radiusPageQuery(db, registry, {
    point: SENTINEL,
    radius,
    kinds: registry.kinds(),
    limit,
    after: null,
    viewerId: null,
  })!.compile(db);
  return compiled.sql.replace(/\$(\d+)/g, (_match, index: string) => {
    const value = compiled.parameters[Number(index) - 1];
    if (value === SENTINEL.lat) return ':lat';
    if (value === SENTINEL.lng) return ':lng';
    return typeof value === 'number' ? String(value) : `'${String(value).replace(/'/g, "''")}'`;
  });
}

export async function measureNearbyHttp(
  server: RunningServer,
  db: Kysely<Database>,
  databaseUrl: string,
  seconds: number,
): Promise<{ figures: Figure[]; peakRssMiB: number }> {
  const points = queryPoints(200, 11);
  const paths = points.map((p) => `/api/nearby?lat=${p.lat.toFixed(6)}&lng=${p.lng.toFixed(6)}&radius=5000&limit=50`);
  const check = await fetch(`${server.url}${paths[0]}`);
  if (!check.ok) throw new Error(`/api/nearby answered ${check.status}: ${await check.text()}`);
  await httpLoad(server.url, paths, 50, 3); // warm caches and JIT

  const figures: Figure[] = [];
  let peakRssMiB = 0;
  const sampler = setInterval(() => (peakRssMiB = Math.max(peakRssMiB, server.rssMiB())), 250);
  const sqlText = nearbySqlForPgbench(db, 5000, 50);
  // Each baseline is measured ROUNDS times, interleaved with the figure it stands beside.
  const roundSeconds = Math.max(2, Math.ceil(seconds / ROUNDS));
  for (const connections of [50, 200]) {
    const group = `GET /api/nearby (5 km, 50 nearest), ${connections} connections`;
    let clients = Math.min(connections, await pgbenchClientLimit(db));
    const pgbenchClients: number[] = [];
    // On a server others share, their connections come and go: when it runs out, try with half.
    const pgbenchOnce = async (): Promise<number> => {
      for (;;) {
        try {
          const { tps } = await pgbench(databaseUrl, sqlText, points.slice(0, 40), clients, roundSeconds);
          pgbenchClients.push(clients);
          return tps;
        } catch (error) {
          if (clients <= 4 || !/too many clients/.test(String((error as { stderr?: string }).stderr))) throw error;
          clients = Math.floor(clients / 2);
        }
      }
    };
    const nearbyRuns: LoadResult[] = [];
    const bareRuns: LoadResult[] = [];
    const pgbenchRuns: number[] = [];
    await gcPauses(server);
    for (let round = 0; round < ROUNDS; round++) {
      nearbyRuns.push(await httpLoad(server.url, paths, connections, roundSeconds));
      bareRuns.push(await httpLoad(server.url, ['/bench/bare'], connections, roundSeconds));
      pgbenchRuns.push(await pgbenchOnce());
    }
    const gc = await gcPauses(server);
    const nearby: LoadResult = {
      rps: median(nearbyRuns.map((run) => run.rps)),
      p50: median(nearbyRuns.map((run) => run.p50)),
      p99: median(nearbyRuns.map((run) => run.p99)),
      errors: nearbyRuns.reduce((sum, run) => sum + run.errors, 0),
      non2xx: nearbyRuns.reduce((sum, run) => sum + run.non2xx, 0),
      requests: nearbyRuns.reduce((sum, run) => sum + run.requests, 0),
    };
    const bareRps = bareRuns.map((run) => run.rps);
    if (connections === 50)
      figures.push(
        withSpread(
          await compressedFigure(server, paths, { group, connections, plain: nearby }, seconds),
          nearbyRuns.map((run) => run.rps),
        ),
      );
    const versusDatabase = trustedRatio(nearby.rps / median(pgbenchRuns), pgbenchRuns);
    const versusBare = trustedRatio(nearby.rps / median(bareRps), bareRps);
    figures.push(
      {
        group,
        name: 'latency',
        unit: 'ms',
        p50: nearby.p50,
        p99: nearby.p99,
        note:
          `medians of ${ROUNDS} runs of ${roundSeconds} s (throughput spread ${(spreadOf(nearbyRuns.map((run) => run.rps)) * 100).toFixed(0)}%); ` +
          `${nearby.requests} requests, ${nearby.errors} errors, ${nearby.non2xx} non-2xx; ` +
          `GC paused the server ${gc.pauses} times, ${gc.totalMs.toFixed(0)} ms in all, longest ${gc.longestMs.toFixed(1)} ms`,
      },
      {
        group,
        name: "throughput vs pgbench (one request's SQL each)",
        unit: 'req/s',
        value: nearby.rps,
        baseline: {
          name: `pgbench -c ${Math.max(...pgbenchClients)}`,
          value: median(pgbenchRuns),
          runs: ROUNDS,
          spread: versusDatabase.spread,
        },
        ratio: versusDatabase.ratio,
        unreliable: versusDatabase.unreliable,
        ratioMeaning: 'of the database limit',
        note: [
          // The server answers requests that wait meanwhile together (SERVER_RADIUS_STATEMENTS).
          'pgbench runs one statement per request; the server, one per batch of waiting requests',
          `pgbench runs: ${pgbenchRuns.map((tps, i) => `${tps.toFixed(0)} tps (-c ${pgbenchClients[i]})`).join(', ')}`,
          ...(clients < connections ? [`pgbench capped at ${clients} clients (max_connections)`] : []),
        ].join('; '),
      },
      {
        group,
        name: 'throughput vs bare route',
        unit: 'req/s',
        value: nearby.rps,
        baseline: {
          name: 'bare Fastify route',
          value: median(bareRps),
          p50: median(bareRuns.map((run) => run.p50)),
          p99: median(bareRuns.map((run) => run.p99)),
          runs: ROUNDS,
          spread: versusBare.spread,
        },
        ratio: versusBare.ratio,
        unreliable: versusBare.unreliable,
        ratioMeaning: 'of the HTTP limit',
      },
    );
  }
  clearInterval(sampler);
  return { figures, peakRssMiB };
}

/** The same load from clients that accept compressed answers, against the plain load just run. */
async function compressedFigure(
  server: RunningServer,
  paths: string[],
  { group, connections, plain }: { group: string; connections: number; plain: LoadResult },
  seconds: number,
): Promise<Figure> {
  const bytes = await answerBytes(`${server.url}${paths[0]}`);
  const compressed = await httpLoad(server.url, paths, connections, seconds, AS_BROWSERS_ASK);
  return {
    group,
    name: 'compressed, as browsers ask (br, gzip)',
    unit: 'req/s',
    value: compressed.rps,
    baseline: { name: 'uncompressed, above', value: plain.rps },
    ratio: compressed.rps / plain.rps,
    ratioMeaning: 'of the uncompressed throughput',
    note:
      `p50 ${compressed.p50.toFixed(1)} / p99 ${compressed.p99.toFixed(1)} ms; ${compressed.errors + compressed.non2xx} errors; ` +
      `an answer ${(bytes.plain / 1024).toFixed(1)} kB, ${(bytes.compressed / 1024).toFixed(1)} kB as ${bytes.encoding}`,
  };
}
