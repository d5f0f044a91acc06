/**
 * The embedded database (PGlite on a thread of the server process): start times, a radius query
 * at 100,000 places, how latency holds when 100 clients queue on it instead of 10, and what a
 * radius page costs in a small statement and in a large one, which bounds how well it can hold.
 * Beside the latency, two references from the same run: the bare route under the same two loads
 * (what queueing alone does, with no database) and how late the event loop ran meanwhile (whether
 * the queue for the database held up anything else).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import type { LatLng } from '../../server/src/geo/point.js';
import { openDatabase } from '../../server/src/db/index.js';
import { findRadiusPages, radiusQuery as radiusQuerySql, type RadiusAsk } from '../../server/src/items/radius-query.js';
import { createItemRegistry } from '../../server/src/app.js';
import { queryPoints } from '../lib/geography.js';
import { httpLoad, type LoadResult } from '../lib/load.js';
import { openLoopLoad } from '../lib/open-loop.js';
import { savePlan } from '../lib/plans.js';
import { percent, startCpuWatch } from '../lib/machine.js';
import { loopDelay } from '../lib/probes.js';
import { freePort } from '../../tools/ports.js';
import type { Figure } from '../lib/report.js';
import { clusteredPointsSql } from '../lib/seed.js';
import { startServer } from '../lib/server.js';
import { firstPassNote, timeSerial, timeTwice } from '../lib/stats.js';
import { arrivalRates, busyMachine, capacityOf, verdictOf } from '../lib/targets.js';

const registry = createItemRegistry();

const MAIN = 'server/src/main.ts';
const BENCH_SERVER = 'bench/server.ts';
const LISTENING = /listening on (http:\/\/[\w.:]+)/;

/**
 * Statement sizes for the page cost below: 10 clients that never pause keep about 5 pages waiting
 * while the other 5 are answered, and 64 is the most pages one statement takes (items/radius-batcher.ts).
 */
const SMALL_STATEMENT = 5;
const LARGE_STATEMENT = 64;

/** What every embedded measure asks for: the 50 nearest places within 5 km, first page. */
const RADIUS_METRES = 5000;
const PAGE = { kinds: ['place' as const], limit: 50, after: null };

export async function measureEmbedded(
  rows: number,
  seconds: number,
  planDir: string,
  log: (line: string) => void,
): Promise<Figure[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vicinity-bench-embedded-'));
  const env = async () => ({ DATA_DIR: dataDir, SEED: 'none', PORT: String(await freePort()), DATABASE_URL: '' });
  try {
    log('  cold start (new data directory: initdb, PostGIS, migrations)');
    const cold = await startServer(MAIN, await env(), LISTENING);
    await cold.stop();

    log(`  seeding ${rows} places into PGlite`);
    const handle = await openDatabase({ dataDir: path.join(dataDir, 'pgdata') });
    await sql`select setseed(0.4242)`.execute(handle.db);
    // As for the server benchmark: triggers off for the bulk load, derived tables filled once.
    await sql`set session_replication_role = replica`.execute(handle.db);
    await sql
      .raw(
        `insert into places (name, kind, location, public_location)
         select 'Place ' || p.n, 'cafe', ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography,
                ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography
         from (${clusteredPointsSql(rows)}) p`,
      )
      .execute(handle.db);
    await sql`reset session_replication_role`.execute(handle.db);
    await sql`select map_cells_rebuild()`.execute(handle.db);
    await sql`select nearby_items_rebuild()`.execute(handle.db);
    await sql`analyze places`.execute(handle.db);
    const points = queryPoints(300);
    const radiusQuery = (point: LatLng) =>
      radiusQuerySql(handle.db, registry, { ...PAGE, point, radius: RADIUS_METRES, viewerId: null })!;
    const { first: radiusFirst, cached: radius } = await timeTwice(
      (i) => radiusQuery(points[i % points.length]!).execute(),
      200,
    );
    await savePlan(
      handle.db as Kysely<never>,
      radiusQuery(points[0]!).compile(),
      planDir,
      'embedded-radius-5-km-places',
    );
    const pageInSmall = await pageCostInStatementsOf(handle.db, points, SMALL_STATEMENT);
    const pageInLarge = await pageCostInStatementsOf(handle.db, points, LARGE_STATEMENT);
    await handle.close();

    log('  warm start (existing data directory)');
    const warm = await startServer(MAIN, await env(), LISTENING);
    await warm.stop();

    // The loads run on the benchmark's server: the same app on the same data directory, beside the
    // bare route and the event-loop probe.
    const server = await startServer(BENCH_SERVER, await env());
    const paths = points.map(
      (p) =>
        `/api/nearby?lat=${p.lat.toFixed(6)}&lng=${p.lng.toFixed(6)}&radius=${RADIUS_METRES}&limit=${PAGE.limit}&kinds=place`,
    );
    await httpLoad(server.url, paths, 10, 2);
    await loopDelay(server);
    const ten = await httpLoad(server.url, paths, 10, seconds);
    const loopAtTen = await loopDelay(server);
    const hundred = await httpLoad(server.url, paths, 100, seconds);
    const loopAtHundred = await loopDelay(server);
    const rss = server.rssMiB();
    const group = `Embedded PGlite, ${rows.toLocaleString('en')} places`;
    // The target: at a fixed arrival rate (open loop) of 50% and 80% of the capacity just measured
    // (lib/targets.ts), p99 under 50 and 150 ms, with what else the machine did meanwhile.
    const capacity = capacityOf([ten.rps, hundred.rps]);
    const openLoop: Figure[] = [];
    for (const { share, p99Ms, rps } of arrivalRates(capacity)) {
      const cpu = startCpuWatch(['self', server.child.pid!]);
      const load = await openLoopLoad(server.url, paths, rps, Math.max(seconds, 5));
      const shares = cpu();
      const verdict = verdictOf(load, p99Ms, busyMachine({ generatorLagMs: load.generatorLagMs, cpu: shares }, p99Ms));
      openLoop.push({
        group,
        name: `GET /api/nearby, open loop at ${share * 100}% of capacity`,
        unit: 'ms',
        p50: load.p50,
        p99: load.p99,
        baseline: { name: 'capacity (best closed-loop throughput, this run)', value: capacity },
        unreliable: verdict.unreliable,
        note:
          `${verdict.text}; ${load.targetRps.toFixed(0)} req/s asked, ${load.achievedRps.toFixed(0)} answered, ${load.errors} errors; ` +
          `load generator late by ${load.generatorLagMs.toFixed(1)} ms (p99); machine CPU busy ${percent(shares.busy)}, ` +
          `other work ${percent(shares.others)}, steal ${percent(shares.steal)}`,
      });
    }
    const bareTen = await httpLoad(server.url, ['/bench/bare'], 10, seconds);
    const bareHundred = await httpLoad(server.url, ['/bench/bare'], 100, seconds);
    await server.stop();

    return [
      { group, name: 'cold start (first run, empty data dir)', unit: 's', value: cold.startedInMs / 1000 },
      { group, name: 'warm start (existing data dir)', unit: 's', value: warm.startedInMs / 1000 },
      {
        group,
        name: 'radius query SQL (5 km, 50 nearest)',
        unit: 'ms',
        p50: radius.p50,
        p99: radius.p99,
        note: firstPassNote(radiusFirst),
      },
      growthFigure(
        group,
        'GET /api/nearby, 100 vs 10 connections',
        { hundred, ten },
        `${hundred.rps.toFixed(0)} vs ${ten.rps.toFixed(0)} req/s; ${hundred.errors + hundred.non2xx} errors/non-2xx; RSS ${rss.toFixed(0)} MiB`,
      ),
      growthFigure(
        group,
        'the bare route (no database), 100 vs 10 connections',
        { hundred: bareHundred, ten: bareTen },
        `${bareHundred.rps.toFixed(0)} vs ${bareTen.rps.toFixed(0)} req/s: what queueing alone does to clients that never pause`,
      ),
      ...openLoop,
      {
        group,
        name: 'event-loop delay under /api/nearby, 100 connections',
        unit: 'ms',
        p50: loopAtHundred.p50Ms,
        p99: loopAtHundred.p99Ms,
        baseline: { name: "the requests' own p99", value: hundred.p99 },
        ratio: loopAtHundred.p99Ms / hundred.p99,
        ratioMeaning: "of the requests' p99",
        note: `longest ${loopAtHundred.longestMs.toFixed(1)} ms; at 10 connections p99 ${loopAtTen.p99Ms.toFixed(1)} ms`,
      },
      {
        group,
        name: `a radius page in a statement of ${LARGE_STATEMENT}`,
        unit: 'ms',
        value: pageInLarge,
        baseline: { name: `in a statement of ${SMALL_STATEMENT}`, value: pageInSmall },
        ratio: pageInLarge / pageInSmall,
        ratioMeaning: 'of the cost per page',
        note: `10 × the ratio: ${((10 * pageInLarge) / pageInSmall).toFixed(1)}, the least ratio of mean waits, 100 clients against 10`,
      },
    ];
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** How far a load's latency grew from 10 connections to 100, its p99s as the ratio. */
function growthFigure(
  group: string,
  name: string,
  { hundred, ten }: { hundred: LoadResult; ten: LoadResult },
  note: string,
): Figure {
  return {
    group,
    name,
    unit: 'ms',
    p50: hundred.p50,
    p99: hundred.p99,
    baseline: { name: '10 connections', p50: ten.p50, p99: ten.p99 },
    ratio: hundred.p99 / ten.p99,
    ratioMeaning: 'p99 at 100 / p99 at 10',
    note,
  };
}

/**
 * What one radius page costs the embedded database (ms) in statements of `size` pages, the p50
 * of statements over the query points. The database answers one statement at a time, so with
 * clients that never pause each waits the number of clients divided by the throughput: 100
 * clients wait less than ten times as long as 10 only as far as the pages of their larger
 * statements cost less.
 */
async function pageCostInStatementsOf(db: Kysely<Database>, points: LatLng[], size: number): Promise<number> {
  const asks = (i: number): RadiusAsk[] =>
    Array.from({ length: size }, (_, j) => ({
      point: points[(i * size + j) % points.length]!,
      radius: RADIUS_METRES,
      viewerId: null,
    }));
  const timing = await timeSerial((i) => findRadiusPages(db, registry, PAGE, asks(i)), Math.ceil(3000 / size));
  return timing.p50 / size;
}
