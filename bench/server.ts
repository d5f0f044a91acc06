/**
 * The server as the benchmark runs it: the production app from buildApp(), plus one bare route
 * returning a fixed small JSON — the HTTP layer's own ceiling, measured in the same process — and
 * one that reports the time garbage collection paused it.
 */
import v8 from 'node:v8';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/config/index.js';
import { configureV8ForServing } from '../server/src/config/v8.js';
import { databaseTarget, openDatabase } from '../server/src/db/index.js';

configureV8ForServing();
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
// V8's GC profiler, not a PerformanceObserver of 'gc' entries: with the observer the server kept
// about 3 MB more alive through every young-generation collection (`node --trace-gc-nvp`), so
// the figure would have measured the observer.
let profiler = new v8.GCProfiler();
profiler.start();
app.get('/bench/gc', { schema: { hide: true } }, async () => {
  const pauses = profiler.stop()?.statistics ?? [];
  profiler = new v8.GCProfiler();
  profiler.start();
  const costs = pauses.map((pause) => pause.cost / 1000);
  return { pauses: costs.length, totalMs: costs.reduce((a, b) => a + b, 0), longestMs: Math.max(0, ...costs) };
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
