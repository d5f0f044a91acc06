/**
 * The server as the benchmark runs it: the production app from buildApp(), plus one bare route
 * returning a fixed small JSON — the HTTP layer's own ceiling, measured in the same process.
 */
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config/index.js';
import { databaseTarget, openDatabase } from '../server/src/db/index.js';

const config = loadConfig();
const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 16);
const target = databaseTarget(config);
const database = await openDatabase('url' in target ? { ...target, poolSize } : target);
const app = await buildApp({
  config: { ...config, jwtSecret: process.env.JWT_SECRET ?? 'benchmark-secret-benchmark-secret-123456' },
  database,
  web: false,
});
app.get('/bench/bare', { schema: { hide: true } }, async () => ({ status: 'ok', service: 'vicinity' }));
const address = await app.listen({ port: config.port, host: '127.0.0.1' });
console.log(`bench server listening on ${address}`);
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0)),
);
