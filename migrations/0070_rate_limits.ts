import { sql, type Kysely } from 'kysely';

/**
 * Rate-limit counters every server process shares (server/src/db/rate-limits.ts): one row per
 * limited route and client address, counting hits until the window ends.
 *
 * UNLOGGED: the counters are written on every limited request and are worth nothing after a crash,
 * so they skip the write-ahead log. That makes them cheaper to write; PostgreSQL empties the table
 * after a crash (a limit then starts afresh) and does not copy it to streaming replicas (only the
 * primary reads it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unlogged table rate_limit_counters (
    key text primary key,
    hits int not null,
    window_ends_at timestamptz not null
  )`.execute(db);
  await sql`create index rate_limit_counters_window_ends on rate_limit_counters (window_ends_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists rate_limit_counters`.execute(db);
}
