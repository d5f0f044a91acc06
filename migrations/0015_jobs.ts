import { sql, type Kysely } from 'kysely';

/**
 * Work to do later or outside the request: sending an email, a reminder at a set time, a
 * meetup's automatic cancellation, cleaning up. A job is written in the same transaction as the
 * change that calls for it (an outbox), so a committed change always gets its job and a rolled
 * back one never does. Any server process may claim a due job (FOR UPDATE SKIP LOCKED); a claim
 * is a lease, so a job whose process died runs again once the lease ends. Done jobs are deleted;
 * jobs that kept failing stay with status 'failed' and their last error, for admins to see.
 *
 * `key` names a job that must exist at most once (a meetup's reminder): writing the same key
 * again reschedules it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table jobs (
    id bigserial primary key,
    kind text not null,
    payload jsonb not null default '{}',
    key text unique,
    run_at timestamptz not null default now(),
    attempts int not null default 0,
    max_attempts int not null default 8,
    status text not null default 'pending' check (status in ('pending', 'failed')),
    locked_until timestamptz,
    locked_by text,
    last_error text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index jobs_due on jobs (run_at, id) where status = 'pending'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists jobs`.execute(db);
}
