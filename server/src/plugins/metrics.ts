/**
 * `/metrics` in Prometheus' text format (prom-client): requests per route (count and latency),
 * the database pool (connections in use, callers waiting, time spent waiting), the admission
 * line, jobs waiting (the notification outbox among them), and Node's own figures (event-loop
 * delay, memory, garbage collection). Each app has a registry of its own.
 *
 * Off unless METRICS_TOKEN is set; then a scrape must send `Authorization: Bearer <token>`. The
 * figures say how busy the service is and which routes people use, which is not for everyone.
 */
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DatabaseHandle } from '../db/index.js';
import { countJobBacklog } from '../jobs/queries.js';
import { AppError } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a gauge read at each scrape: plugins and features add their own figures. */
    addMetric(name: string, help: string, read: () => number): void;
  }
}

export interface MetricsOptions {
  /** Null: /metrics is off (404). */
  token: string | null;
  database: DatabaseHandle;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export default fp<MetricsOptions>(
  async function metrics(app, { token, database }) {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });

    const requests = new Counter({
      name: 'vicinity_http_requests_total',
      help: 'HTTP requests answered, by route (its pattern) and status.',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    });
    const latency = new Histogram({
      name: 'vicinity_http_request_duration_seconds',
      help: 'Time from receiving a request to the end of its answer, admission wait included, by route.',
      labelNames: ['method', 'route'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    });
    app.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions.url ?? 'unmatched';
      requests.inc({ method: request.method, route, status: String(reply.statusCode) });
      latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      done();
    });

    app.decorate('addMetric', (name, help, read) => {
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    });

    app.addMetric('vicinity_admission_in_flight', 'API requests being served now.', () => app.admission.inFlight);
    app.addMetric(
      'vicinity_admission_queued',
      'API requests waiting in the admission line now.',
      () => app.admission.queued,
    );

    const poolStats = database.poolStats;
    if (poolStats) {
      new Gauge({
        name: 'vicinity_db_pool_connections',
        help: 'Connections of the primary database pool: open, idle, in use, and the most it opens.',
        labelNames: ['state'] as const,
        registers: [registry],
        collect() {
          const stats = poolStats();
          this.set({ state: 'open' }, stats.total);
          this.set({ state: 'idle' }, stats.idle);
          this.set({ state: 'in_use' }, stats.total - stats.idle);
          this.set({ state: 'max' }, stats.max);
        },
      });
      new Gauge({
        name: 'vicinity_db_pool_waiting',
        help: 'Queries waiting for a connection of the primary pool now.',
        registers: [registry],
        collect() {
          this.set(poolStats().waiting);
        },
      });
      new Counter({
        name: 'vicinity_db_pool_acquired_total',
        help: 'Connections handed out by the primary pool.',
        registers: [registry],
        collect() {
          this.reset();
          this.inc(poolStats().acquired);
        },
      });
      new Counter({
        name: 'vicinity_db_pool_wait_seconds_total',
        help: 'Seconds spent waiting for a connection of the primary pool, in all (divide by acquired for the mean).',
        registers: [registry],
        collect() {
          this.reset();
          this.inc(poolStats().waitSeconds);
        },
      });
    }

    const replicas = database.replicas;
    if (replicas) {
      new Gauge({
        name: 'vicinity_db_replica_lag_seconds',
        help: 'Replay lag of each read replica behind the primary (0: caught up; absent while unknown).',
        labelNames: ['replica'] as const,
        registers: [registry],
        collect() {
          this.reset();
          for (const replica of replicas.status()) {
            if (replica.lagMs !== null) this.set({ replica: replica.name }, replica.lagMs / 1000);
          }
        },
      });
      new Gauge({
        name: 'vicinity_db_replica_usable',
        help: 'Whether lag-tolerant reads go to each replica now (1) or it is skipped (0).',
        labelNames: ['replica'] as const,
        registers: [registry],
        collect() {
          for (const replica of replicas.status()) this.set({ replica: replica.name }, replica.usable ? 1 : 0);
        },
      });
    }

    // Read at each scrape; a database that does not answer leaves the last figures.
    const backlog = new Gauge({
      name: 'vicinity_jobs',
      help: 'Jobs in the queue by kind and state: due (waiting for a worker), scheduled (later), failed. Notification emails are kind notification_email.',
      labelNames: ['kind', 'state'] as const,
      registers: [registry],
      async collect() {
        try {
          const rows = await countJobBacklog(database.db);
          this.reset();
          for (const row of rows) {
            this.set({ kind: row.kind, state: 'due' }, row.due);
            this.set({ kind: row.kind, state: 'scheduled' }, row.scheduled);
            this.set({ kind: row.kind, state: 'failed' }, row.failed);
          }
        } catch (error) {
          app.log.debug({ err: error }, 'could not count jobs for /metrics');
        }
      },
    });
    void backlog;

    app.get('/metrics', { schema: { hide: true } }, async (request, reply) => {
      if (token === null) throw new AppError(404, 'not_found', 'Metrics are off: set METRICS_TOKEN to turn them on.');
      const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
      if (!sameSecret(given, token)) {
        reply.header('www-authenticate', 'Bearer realm="metrics"');
        throw new AppError(401, 'unauthorized', 'Send the metrics token as a Bearer token.');
      }
      const text = await registry.metrics();
      return reply.type(registry.contentType).send(text);
    });
  },
  { name: 'metrics', dependencies: ['admission'] },
);
