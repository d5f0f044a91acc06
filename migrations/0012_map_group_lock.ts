import { sql, type Kysely } from 'kysely';

/**
 * The pyramid triggers ask whether an item's group is public and share-lock the group's row, so
 * that a visibility change and a write to the group's content take turns (migration 0007).
 *
 * They asked `where visibility = 'public' for share`. Under READ COMMITTED that condition is
 * checked on the row as the statement's snapshot sees it, before any lock: while another
 * transaction was turning a private group public, the writer saw it private, took no lock and
 * counted nothing, and the turn, which reads the writer's change as not yet made, did not count
 * it either. A post written meanwhile was left off the map, a meetup cancelled meanwhile stayed.
 * The row is now locked by its key alone, so the writer waits for the turn to end and then reads
 * the visibility it left.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function map_group_is_public_locked(group_id bigint) returns boolean language sql volatile as $$
      select group_id is null
          or coalesce((select g.visibility = 'public' from groups g where g.id = group_id for share), false)
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function map_group_is_public_locked(group_id bigint) returns boolean language sql volatile as $$
      select group_id is null
          or exists (select 1 from groups g where g.id = group_id and g.visibility = 'public' for share)
    $$`.execute(db);
}
