/**
 * A real PostgreSQL + PostGIS server, reached through a pooled `pg` client.
 */
import pg from 'pg';
import {
  Kysely,
  PostgresDialect,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import type { Database } from './schema.js';
import { isStalePreparedStatement } from './errors.js';
import { PreparedStatements } from './prepared-statements.js';

const INT8_OID = 20;

/**
 * PGlite returns int8 (ids, count(*)) as JS numbers while `pg` returns strings. Parsing them as
 * numbers here gives both databases the same row shapes; our ids stay far below 2^53.
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** What the pool is doing, for /metrics. */
export interface PoolStats {
  /** Connections open, idle among them, and callers waiting for one. */
  total: number;
  idle: number;
  waiting: number;
  max: number;
  /** Connections handed out since the start, and the seconds callers waited for them in all. */
  acquired: number;
  waitSeconds: number;
}

export function openPostgres(
  connectionString: string,
  poolSize = 10,
): { db: Kysely<Database>; pool: pg.Pool; queryPool: PostgresPool; stats: () => PoolStats } {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types,
    connectionTimeoutMillis: 5000,
    // PostGIS functions carry high planner costs, which push short queries over jit_above_cost:
    // compiling them took longer than running them (over a second against milliseconds).
    // Statements are prepared (see prepared-statements.ts) but planned for each call's own values:
    // a plan made once for any values could suit a 1 km radius and not a 50 km one.
    options: '-c jit=off -c plan_cache_mode=force_custom_plan',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const waits = { acquired: 0, waitSeconds: 0 };
  const queryPool = withCallbackQueries(pool, waits);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: queryPool }) });
  const stats = (): PoolStats => ({
    total: pool.totalCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: poolSize,
    ...waits,
  });
  return { db, pool, queryPool, stats };
}

const watched = new WeakSet<pg.PoolClient>();

/**
 * pg's pool listens for errors only on idle clients. A client in use whose connection the server
 * cuts (a restart, `admin_shutdown`, a network failure) emits `error` besides failing its query,
 * and an `error` nobody listens to ends the Node process. The query's own callback reports the
 * failure; the pool drops the broken client when it is released.
 */
function watchErrors(client: pg.PoolClient): void {
  if (watched.has(client)) return;
  watched.add(client);
  client.on('error', () => {});
}

/**
 * The pool as Kysely uses it, except that each query goes through pg's callback API, answered by
 * a promise of our own, instead of the promise pg's client.query makes.
 *
 * Why: under a heavy /api/nearby load, results awaited through pg's own promise outlived two
 * young-generation collections, so each collection promoted the pages' text to the old
 * generation and garbage collection paused the server far longer; through the callback almost
 * nothing is promoted (`node --trace-gc-nvp`; figures in docs/performance.md). pg alone shows the
 * same, without Kysely or the server.
 */
function withCallbackQueries(pool: pg.Pool, waits: { acquired: number; waitSeconds: number }): PostgresPool {
  const adapted = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const adapt = (client: pg.PoolClient): PostgresPoolClient => {
    let adapter = adapted.get(client);
    if (!adapter) {
      adapter = { query: callbackQuery(client), release: (destroy) => client.release(destroy) };
      adapted.set(client, adapter);
    }
    return adapter;
  };
  return {
    connect: async () => {
      const asked = performance.now();
      const client = await pool.connect();
      watchErrors(client);
      waits.acquired += 1;
      waits.waitSeconds += (performance.now() - asked) / 1000;
      return adapt(client);
    },
    end: () => pool.end(),
  };
}

function callbackQuery(client: pg.PoolClient): PostgresPoolClient['query'] {
  const prepared = new PreparedStatements();
  function query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>>;
  function query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  function query(
    text: string | PostgresCursor<unknown>,
    values: readonly unknown[] = [],
  ): Promise<PostgresQueryResult<unknown>> | PostgresCursor<unknown> {
    // Kysely passes a cursor only to stream, which needs its `cursor` option; it is not set here.
    if (typeof text !== 'string') throw new Error('Streaming queries are not configured.');
    // Without values, pg sends the text as a simple query, which may hold several statements
    // (migrations do); a prepared statement may not, so only statements with values are named.
    const name = values.length > 0 ? prepared.nameOf(text) : undefined;
    return new Promise((resolve, reject) => {
      const send = (statementName: string | undefined) =>
        client.query(
          { name: statementName, text, values: [...values] },
          (error: Error | null, result: pg.QueryResult) => {
            if (!error) return resolve(result as PostgresQueryResult<unknown>);
            if (statementName !== undefined && isStalePreparedStatement(error)) {
              // A migration changed a table under it. Sent anew, it is parsed against the tables as
              // they are: at once outside a transaction, next time inside one (it has failed).
              prepared.retire(text);
              if (client.getTransactionStatus() === 'I') return send(undefined);
            }
            reject(error);
          },
        );
      send(name);
    });
  }
  return query;
}
