import { sql, type Kysely } from 'kysely';

/**
 * One row naming this installation: a random id made once, when the database is created. Calendar
 * UIDs carry it when PUBLIC_URL is not set, so two servers' meetup 12 stay two entries in a
 * calendar app that subscribes to both.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table installation (
    id text primary key default replace(gen_random_uuid()::text, '-', ''),
    only_one boolean not null default true unique check (only_one),
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`insert into installation default values`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists installation`.execute(db);
}
