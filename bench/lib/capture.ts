/**
 * Runs a feature's own query functions on a connection that records every SQL statement they
 * send, then saves EXPLAIN (ANALYZE, BUFFERS) for each: the plans behind an endpoint's figure.
 */
import pg from 'pg';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { savePlan } from './plans.js';

export async function savePlansOf(
  url: string,
  dir: string,
  name: string,
  work: (db: Kysely<Database>) => Promise<unknown>,
): Promise<void> {
  const captured: CompiledQuery[] = [];
  // The same session settings as the server's own pool (JIT off), so the plans are the server's.
  const pool = new pg.Pool({ connectionString: url, max: 1, options: '-c jit=off' });
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    await work(db);
    for (const [index, query] of captured.entries()) {
      if (/^\s*select/i.test(query.sql) || /^\s*with/i.test(query.sql)) {
        await savePlan(db as Kysely<never>, query, dir, captured.length > 1 ? `${name}-${index + 1}` : name);
      }
    }
  } finally {
    await db.destroy();
  }
}
