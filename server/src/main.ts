/** Entry point: read the config, open and migrate the database, seed the demo, listen. */
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config/index.js';
import { resolveJwtSecret } from './config/secret.js';
import { databaseTarget, openDatabase, postgisVersion } from './db/index.js';
import { migrateToLatest } from './db/migrate.js';
import { seedDemoIfEmpty } from './seed/index.js';

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuration error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const { secret } = await resolveJwtSecret(config);
if (!config.databaseUrl) console.log(`Opening the embedded database in ${config.dataDir} (the first start takes ~20 s)…`);
const database = await openDatabase(databaseTarget(config));
await migrateToLatest(database.db);
if (config.seed === 'demo') {
  const seeded = await seedDemoIfEmpty(database.db);
  if (seeded) console.log(`Seeded the demo area: ${seeded}`);
}

const app = await buildApp({ config: { ...config, jwtSecret: secret }, database });
const address = await app.listen({ port: config.port, host: config.host });
const postgis = await postgisVersion(database.db);
const where = database.kind === 'embedded' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL server';
console.log(`Vicinity is listening on ${address.replace('127.0.0.1', 'localhost')} (database: ${where}, PostGIS ${postgis})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      await app.close();
      await database.close();
      process.exit(0);
    })();
  });
}
