/**
 * The server as the benchmark runs it: the production app from buildApp(), plus one bare route
 * returning a fixed small JSON — the HTTP layer's own ceiling, measured in the same process — and
 * one that reports the time garbage collection paused it.
 */
import { PerformanceObserver } from 'node:perf_hooks';
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

// Garbage collection stops the server's thread: its pauses since the last ask, then counting anew.
let gc = { pauses: 0, totalMs: 0, longestMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc = {
      pauses: gc.pauses + 1,
      totalMs: gc.totalMs + entry.duration,
      longestMs: Math.max(gc.longestMs, entry.duration),
    };
  }
}).observe({ entryTypes: ['gc'] });
app.get('/bench/gc', { schema: { hide: true } }, async () => {
  const since = gc;
  gc = { pauses: 0, totalMs: 0, longestMs: 0 };
  return since;
});
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
