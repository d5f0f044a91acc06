/**
 * The server as the benchmark runs it: the production app from buildApp(), plus one bare route
 * returning a fixed small JSON — the HTTP layer's own ceiling, measured in the same process — and
 * two that report what kept its thread from answering: garbage collection, and anything at all.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
// more alive through every young-generation collection (`node --trace-gc-nvp`), so the figure
// would have measured the observer.
let profiler = new v8.GCProfiler();
profiler.start();
app.get('/bench/gc', { schema: { hide: true } }, async () => {
  const pauses = profiler.stop()?.statistics ?? [];
  profiler = new v8.GCProfiler();
  profiler.start();
  const costs = pauses.map((pause) => pause.cost / 1000);
  return { pauses: costs.length, totalMs: costs.reduce((a, b) => a + b, 0), longestMs: Math.max(0, ...costs) };
});
// How late the server's thread came back to its event loop: a timer due every LOOP_TICK_MS that
// fires late by whatever held the thread meanwhile. A route that needs no database waits that
// long, so it shows whether a queue for the database stalls everything else.
const LOOP_TICK_MS = 5;
let loop = monitorEventLoopDelay({ resolution: LOOP_TICK_MS });
loop.enable();
app.get('/bench/loop', { schema: { hide: true } }, async () => {
  loop.disable();
  // The histogram holds the times between ticks (ns): the delay is what exceeds the tick.
  const lateMs = (ns: number) => (loop.count === 0 ? 0 : Math.max(0, ns / 1e6 - LOOP_TICK_MS));
  const delay = { p50Ms: lateMs(loop.percentile(50)), p99Ms: lateMs(loop.percentile(99)), longestMs: lateMs(loop.max) };
  loop = monitorEventLoopDelay({ resolution: LOOP_TICK_MS });
  loop.enable();
  return delay;
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
