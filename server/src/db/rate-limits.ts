/**
 * Rate-limit counters in PostgreSQL (migration 0070), so that a limit holds across every server
 * process: attempts through any of them count together. One statement counts a hit and answers
 * the count and the time left, atomically under concurrent hits on the same key.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface Hit {
  /** Hits in the current window, this one included. */
  hits: number;
  /** Milliseconds until the window ends and the count starts again. */
  ttlMs: number;
}

/** Counts one hit on `key`; a window that has ended starts again with this hit. */
export async function countHit(db: Db, key: string, windowMs: number): Promise<Hit> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    insert into rate_limit_counters as c (key, hits, window_ends_at)
    values (${key}, 1, now() + ${windowMs} * interval '1 millisecond')
    on conflict (key) do update set
      hits = case when c.window_ends_at <= now() then 1 else c.hits + 1 end,
      window_ends_at = case when c.window_ends_at <= now() then excluded.window_ends_at else c.window_ends_at end
    returning hits, ceil(extract(epoch from window_ends_at - now()) * 1000)::int as ttl_ms`.execute(db);
  const row = rows[0]!;
  return { hits: row.hits, ttlMs: Math.max(0, row.ttl_ms) };
}

/** Reads the count on `key` without counting. */
export async function readHits(db: Db, key: string): Promise<Hit> {
  const { rows } = await sql<{ hits: number; ttl_ms: number }>`
    select hits, ceil(extract(epoch from window_ends_at - now()) * 1000)::int as ttl_ms
    from rate_limit_counters where key = ${key} and window_ends_at > now()`.execute(db);
  const row = rows[0];
  return row ? { hits: row.hits, ttlMs: Math.max(0, row.ttl_ms) } : { hits: 0, ttlMs: 0 };
}

/** Deletes counters whose window has ended (any process may; each does now and then). */
export async function deleteEndedWindows(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('rate_limit_counters')
    .where('window_ends_at', '<', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
