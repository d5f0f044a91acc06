import { sql, type Kysely } from 'kysely';

/**
 * Sessions that can end, and what guards signing in.
 * - sessions: one row per sign-in (a device); a token names its session (`sid`), and is good only
 *   while the session is neither revoked nor expired. Signing out, signing out everywhere, a
 *   password change and a password reset revoke them.
 * - password_resets: a reset link, usable once and briefly. The link carries the row's id signed
 *   with the server's secret, so the table alone is not enough to reset anyone's password.
 * - login_failures: failed sign-ins per email address (whether an account has it or not), for the
 *   per-account limit with growing pauses; a successful sign-in clears it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table sessions (
    id uuid primary key,
    user_id bigint not null references users (id) on delete cascade,
    user_agent text not null default '',
    created_at timestamptz not null default now(),
    last_seen_at timestamptz not null default now(),
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`.execute(db);
  await sql`create index sessions_user on sessions (user_id, created_at desc)`.execute(db);
  await sql`create table password_resets (
    id uuid primary key,
    user_id bigint not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
  )`.execute(db);
  await sql`create index password_resets_user on password_resets (user_id)`.execute(db);
  await sql`create table login_failures (
    email text primary key,
    failures int not null,
    last_failure_at timestamptz not null,
    locked_until timestamptz
  )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists login_failures`.execute(db);
  await sql`drop table if exists password_resets`.execute(db);
  await sql`drop table if exists sessions`.execute(db);
}
