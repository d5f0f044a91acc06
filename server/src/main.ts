/** Entry point: read the config, open and migrate the database, seed the demo, listen. */
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config/index.js';
import { resolveJwtSecret } from './config/secret.js';
import { configureV8ForServing } from './config/v8.js';
import { databaseTarget, openDatabase, postgisVersion, type DatabaseHandle } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { serveBackupRequests } from './db/backup.js';
import { seedDemoIfEmpty } from './seed/index.js';

let database: DatabaseHandle | undefined;
let app: FastifyInstance | undefined;
let stopServingBackups: (() => Promise<void>) | undefined;

let shutdownTimeoutMs = 10_000;

/**
 * Draining, on SIGTERM or SIGINT:
 * 1. `/api/health/ready` turns 503 and the listening socket closes: new connections are refused, so
 *    a load balancer sends them to another process. Connections already accepted are left open for
 *    a moment, so that requests on their way in are received and served rather than cut off.
 * 2. Fastify's close: live streams end (their retry hint sends browsers elsewhere), idle
 *    connections close, requests in flight finish.
 * 3. The database closes and the process exits 0; if all this takes longer than
 *    SHUTDOWN_TIMEOUT_MS it exits 1 regardless.
 * Registered before the (possibly slow) first start so that a stop request is always clean.
 */
const ACCEPTED_GRACE_MS = 1000;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    setTimeout(() => {
      console.error(`Requests still in flight after ${shutdownTimeoutMs} ms; exiting anyway.`);
      process.exit(1);
    }, shutdownTimeoutMs).unref();
    void (async () => {
      if (app?.server.listening) {
        app.draining = true;
        // net.Server's own close: stops accepting without closing the connections already accepted
        // (http.Server's close would also drop those whose request has not arrived yet).
        net.Server.prototype.close.call(app.server);
        await new Promise((resolve) => setTimeout(resolve, Math.min(ACCEPTED_GRACE_MS, shutdownTimeoutMs / 2)));
      }
      await app?.close();
      await stopServingBackups?.();
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
  // `npm run backup` asks this process for a consistent copy of the embedded database (db/backup.ts).
  if (database.kind === 'embedded') {
    stopServingBackups = await serveBackupRequests(config.dataDir, database, (line) => console.log(line));
  }
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
