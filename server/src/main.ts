/** Entry point: read the config, open and migrate the database, seed the demo, listen. */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';
import { resolveJwtSecret } from './config/secret.js';
import { configureV8ForServing } from './config/v8.js';
import { databaseTarget, openDatabase, postgisVersion, type DatabaseHandle } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoIfEmpty } from './seed/index.js';

let database: DatabaseHandle | undefined;
let app: FastifyInstance | undefined;

let shutdownTimeoutMs = 10_000;

/**
 * Draining: Fastify's close stops listening, answers requests that arrive on open connections 503
 * with `Connection: close`, runs the preClose hooks (readiness turns 503, live streams end with their
 * retry hint) and waits for the requests in flight. Then the database closes and the process exits
 * 0; if that takes longer than SHUTDOWN_TIMEOUT_MS it exits 1 regardless.
 * Registered before the (possibly slow) first start so that a stop request is always clean.
 */
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => {
      console.error(`Requests still in flight after ${shutdownTimeoutMs} ms; exiting anyway.`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    void (async () => {
      await app?.close();
      await database?.close();
      process.exit(0);
    })();
  });
}

async function start(): Promise<void> {
  configureV8ForServing();
  const config = loadConfig();
  shutdownTimeoutMs = config.shutdownTimeoutMs;
  const { secret } = await resolveJwtSecret(config);
  if (!config.databaseUrl)
    console.log(`Opening the embedded database in ${config.dataDir} (the first start takes ~20 s)…`);
  database = await openDatabase(databaseTarget(config));
  await migrateToLatest(database.db);
  if (config.seed === 'demo') {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded) console.log(`Seeded the demo area: ${seeded}`);
  }
  app = await buildApp({ config: { ...config, jwtSecret: secret }, database });
  const address = await app.listen({ port: config.port, host: config.host });
  const postgis = await postgisVersion(database.db);
  const where = database.kind === 'embedded' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server';
  console.log(
    `Vicinity is listening on ${address.replace('127.0.0.1', 'localhost')} (database: ${where}, PostGIS ${postgis})`,
  );
}

try {
  await start();
} catch (error) {
  // One readable line for people; the details only when asked for.
  const reason =
    error instanceof ConfigError
      ? `Configuration error: ${error.message}`
      : `Could not start: ${(error as Error).message}`;
  console.error(reason);
  if (process.env.LOG_LEVEL === 'debug' || process.env.LOG_LEVEL === 'trace') console.error(error);
  await database?.close().catch(() => {});
  process.exit(1);
}
