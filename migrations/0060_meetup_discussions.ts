import { sql, type Kysely } from 'kysely';

/**
 * One discussion model for posts and meetups: a comment belongs to exactly one post or one
 * meetup (`event_id`). A recurring series has one discussion per occurrence, like its RSVPs.
 * The reply rule stays in the database: a parent must be a comment of the same post, or of the
 * same meetup (one composite key per side; MATCH SIMPLE skips the side whose column is null).
 *
 * A meetup's organizers can pin one of its comments and lock the discussion (no new replies).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table comments alter column post_id drop not null`.execute(db);
  await sql`alter table comments add column event_id bigint references events(id) on delete cascade`.execute(db);
  await sql`alter table comments add constraint comments_one_thread_check
    check (num_nonnulls(post_id, event_id) = 1)`.execute(db);
  await sql`alter table comments add constraint comments_id_event_key unique (id, event_id)`.execute(db);
  await sql`alter table comments add constraint comments_parent_event_fkey
    foreign key (parent_id, event_id) references comments (id, event_id) on delete cascade`.execute(db);
  await sql`create index comments_event_roots_idx on comments (event_id, created_at, id)
    where parent_id is null and event_id is not null`.execute(db);
  await sql`create index comments_event_idx on comments (event_id) where event_id is not null`.execute(db);

  await sql`alter table events add column discussion_locked boolean not null default false`.execute(db);
  await sql`alter table events add column pinned_comment_id bigint
    references comments(id) on delete set null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table events drop column if exists pinned_comment_id`.execute(db);
  await sql`alter table events drop column if exists discussion_locked`.execute(db);
  await sql`delete from comments where event_id is not null`.execute(db);
  await sql`alter table comments drop column if exists event_id`.execute(db);
  await sql`alter table comments alter column post_id set not null`.execute(db);
}
