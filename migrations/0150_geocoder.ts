import { sql, type Kysely } from 'kysely';

/**
 * What the address search shares between server processes (server/src/modules/geocode):
 *
 * - geocoder_answers: answers (results and their attribution) of the Photon or Nominatim server, kept until `expires_at`, so a search
 *   someone made a minute ago on any process is answered without asking the service again (its usage
 *   policy asks for caching).
 * - geocoder_turns: for each service, the earliest moment its next request may be sent; a request
 *   takes the next free turn in one statement, which keeps the whole installation at the service's
 *   rate (Nominatim: one request per second).
 *
 * Both UNLOGGED, like rate_limit_counters: worth nothing after a crash (a cache starts empty, a turn
 * afresh), cheaper to write, not copied to replicas (only the primary reads them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unlogged table geocoder_answers (
    key text primary key,
    answer jsonb not null,
    expires_at timestamptz not null
  )`.execute(db);
  await sql`create index geocoder_answers_expires on geocoder_answers (expires_at)`.execute(db);
  await sql`create unlogged table geocoder_turns (
    service text primary key,
    next_at timestamptz not null
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists geocoder_turns`.execute(db);
  await sql`drop table if exists geocoder_answers`.execute(db);
}
