/**
 * A real PostgreSQL + PostGIS server, reached through a pooled `pg` client.
 */
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './schema.js';

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

export function openPostgres(connectionString: string, poolSize = 10): { db: Kysely<Database>; pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    types,
    connectionTimeoutMillis: 5000,
    // PostGIS functions carry high planner costs, which push short queries over jit_above_cost:
    // compiling them took longer than running them (over a second against milliseconds).
    options: '-c jit=off',
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, pool };
}
