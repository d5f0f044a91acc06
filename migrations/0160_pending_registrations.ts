import { sql, type Kysely } from 'kysely';

/**
 * Registrations waiting for their email to be confirmed (when the server sends email): the account
 * is made only once the link in the email is opened, so registering answers the same whether an
 * account has the address or not. The link carries the row's id signed with the server's secret.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table pending_registrations (
    id uuid primary key,
    email text not null,
    display_name text not null,
    password_hash text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
  )`.execute(db);
  await sql`create index pending_registrations_expires on pending_registrations (expires_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists pending_registrations`.execute(db);
}
