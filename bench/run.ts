/**
 * `npm run bench`: seeds a PostGIS database at city-and-country scale and measures Vicinity's
 * hot paths, each beside a baseline measured in the same run. Prints one table, then each figure
 * beside the kept baseline of the same scale (bench/baseline/<scale>.json) when there is one, and
 * writes JSON (and the EXPLAIN ANALYZE plans) under bench/results/, which git ignores.
 *
 *   BENCH_SCALE=full|small|embedded   (default full)
 *   DATABASE_URL=postgres://…          server to create the benchmark database on
 *   BENCH_REUSE=1                      keep an already seeded database of the same scale
 *   BENCH_SECONDS=10                   duration of each load test
 *   BENCH_SEED_ONLY=1                  seed (or check) the database and stop
 *   BENCH_POOL_SIZE=16                 connection pool of the server under test
 *   BENCH_REPLICA_URL=postgres://…     a streaming replica of that server, for the replica comparison
 *                                      (without it the benchmark makes a primary and replica of its own)
 *
 * docs/performance.md says what each figure means; docs/configuration.md lists these variables.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../server/src/db/index.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { measureApi } from './measures/api.js';
import { measureEmbedded } from './measures/embedded.js';
import { measureText } from './measures/text.js';
import { measureWeb } from './measures/web.js';
import { measureNearbyHttp } from './measures/http.js';
import { measureScaleOut } from './measures/scale-out.js';
import { measureMedia } from './measures/media.js';
import { measureRadius } from './measures/radius.js';
import { measureNotifications } from './measures/notifications.js';
import { measureModeration } from './measures/moderation.js';
import { printBaselineComparison, printTable, type Figure, type Results } from './lib/report.js';
import { freePort } from '../tools/ports.js';
import { isSeededBy, seedDatabase, withDatabase, writeOut } from './lib/database.js';
import { SCALES, type Scale } from './lib/seed.js';
import { startServer } from './lib/server.js';

const scaleName = process.env.BENCH_SCALE ?? 'full';
const adminUrl = process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const seconds = Number(process.env.BENCH_SECONDS ?? (scaleName === 'small' ? 3 : 10));
const startedAt = Date.now();
/** Each line with the seconds since the run began, so the time each part takes can be read off. */
const log = (line: string) => console.log(`${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s  ${line}`);
const JWT_SECRET = 'benchmark-secret-benchmark-secret-123456';

async function prepareDatabase(scale: Scale): Promise<string> {
  const name = `vicinity_bench_${scale.name}`;
  const url = withDatabase(adminUrl, name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  if (exists && process.env.BENCH_REUSE === '1') {
    const probe = new pg.Client({ connectionString: url });
    await probe.connect();
    const seeded = await probe
      .query(`select 1 from pg_tables where tablename = 'bench_meta'`)
      .then(async (r) =>
        r.rowCount ? isSeededBy((await probe.query('select * from bench_meta')).rows[0], scale) : false,
      );
    await probe.end();
    if (seeded) {
      await admin.end();
      // A database seeded before a newer migration is brought up to date (migrations fill what they add).
      const handle = await openDatabase({ url });
      await migrateToLatest(handle.db);
      await handle.close();
      log(`Reusing the seeded database ${name}`);
      return url;
    }
  }
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.query(`create database "${name}"`);
  await admin.end();

  await seedDatabase(url, scale, log);
  return url;
}

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  const outDir = path.resolve('bench/results');
  const planDir = path.join(outDir, `${scaleName}-${stamp}-plans`);
  const figures: Figure[] = [];
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  log(`Vicinity benchmark — scale ${scaleName} — ${machine}`);

  if (scaleName === 'full' || scaleName === 'small') {
    const scale = SCALES[scaleName]!;
    const url = await prepareDatabase(scale);
    if (process.env.BENCH_SEED_ONLY === '1') return;
    const handle = await openDatabase({ url });
    try {
      log('Radius queries (SQL)…');
      figures.push(...(await measureRadius(handle.db, planDir, scaleName === 'full')));
      const serverEnv = { DATABASE_URL: url, JWT_SECRET };
      const server = await startServer('bench/server.ts', { ...serverEnv, PORT: String(await freePort()) });
      try {
        log('Feed, map, thread and RSVP latency…');
        figures.push(...(await measureApi(server, handle.db, { url, dir: planDir }, JWT_SECRET, scaleName === 'full')));
        log('HTTP load…');
        const http = await measureNearbyHttp(server, handle.db, url, seconds);
        figures.push(...http.figures);
        figures.push({
          group: 'Server',
          name: 'peak RSS under the /api/nearby load',
          unit: 'MiB',
          value: http.peakRssMiB,
        });
        log('One process against two, and with a read replica…');
        figures.push(...(await measureScaleOut(server, serverEnv, seconds, process.env.BENCH_REPLICA_URL, log)));
      } finally {
        await server.stop();
      }
      log('Photos…');
      figures.push(...(await measureMedia(url, handle.db, JWT_SECRET, seconds, scaleName === 'full' ? 20 : 8, log)));
      // Let the server write out what the runs above dirtied, and the kernel flush it to disk,
      // now rather than during the embedded measures: PGlite writes to the same disk from the
      // server's own thread, so a flush behind it stalls every request.
      await writeOut((text) => sql.raw(text).execute(handle.db));
    } finally {
      await handle.close();
    }
    log('Notifications: a cancelled meetup with 5,000 going, 1,000 live streams…');
    figures.push(...(await measureNotifications(adminUrl, log)));
    log('Moderation: the queue at 10,000 open reports, the feed with 1,000 blocks…');
    figures.push(...(await measureModeration(adminUrl, log)));
  }
  if (scaleName === 'full' || scaleName === 'embedded') {
    log('Embedded database…');
    figures.push(...(await measureEmbedded(100_000, seconds, planDir, log)));
  }
  log('Server work on long posts…');
  figures.push(...(await measureText()));
  log('Web app…');
  // A quick check times fewer page loads; with 10 or 20, the p99 is the slowest of them.
  figures.push(
    ...(await measureWeb(log, { loads: scaleName === 'small' ? 10 : 20, reuse: process.env.BENCH_REUSE === '1' })),
  );

  const table = printTable(figures);
  console.log(`\n${table}\n`);
  const baselineFile = path.resolve(`bench/baseline/${scaleName}.json`);
  const baseline = await readFile(baselineFile, 'utf8').then(
    (text) => JSON.parse(text) as Results,
    () => undefined,
  );
  if (baseline) console.log(`${printBaselineComparison(figures, baseline)}\n`);
  else console.log(`No baseline for scale ${scaleName} (${path.relative(process.cwd(), baselineFile)}).\n`);
  await mkdir(outDir, { recursive: true });
  const file = path.join(outDir, `${scaleName}-${stamp}.json`);
  await writeFile(
    file,
    `${JSON.stringify({ scale: scaleName, machine, date: new Date().toISOString(), seconds, figures }, null, 2)}\n`,
  );
  log(`Results: ${path.relative(process.cwd(), file)}; plans: ${path.relative(process.cwd(), planDir)}/`);
}

await main();
