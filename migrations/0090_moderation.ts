import { sql, type Kysely } from 'kysely';

/**
 * Moderation and safety: site admins and suspensions on accounts, group rules and held terms,
 * reports, the content moderators removed or the automatic first line held, group bans, blocks
 * between people, and the log of every moderation action.
 *
 * `moderated_content` holds a row only while a post, comment or meetup is removed or held; the
 * shared queries leave out what it names (policy/moderation.ts), so restoring deletes the row and
 * nothing else changes. The log keeps the action and its reason, never the content's text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column is_admin boolean not null default false`.execute(db);
  // 'infinity' for a suspension without an end.
  await sql`alter table users add column suspended_until timestamptz`.execute(db);
  await sql`alter table groups add column rules text not null default ''`.execute(db);
  await sql`alter table groups add column held_terms text[] not null default '{}'`.execute(db);
  await sql`alter table posts add column discussion_locked boolean not null default false`.execute(db);

  await sql`create table blocks (
    blocker_id bigint not null references users (id) on delete cascade,
    blocked_id bigint not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    primary key (blocker_id, blocked_id),
    check (blocker_id <> blocked_id)
  )`.execute(db);
  await sql`create index blocks_blocked on blocks (blocked_id, blocker_id)`.execute(db);

  await sql`create table moderated_content (
    subject_type text not null check (subject_type in ('post', 'comment', 'event')),
    subject_id bigint not null,
    state text not null check (state in ('removed', 'held')),
    reason text not null,
    group_id bigint references groups (id) on delete cascade,
    author_id bigint references users (id) on delete set null,
    created_at timestamptz not null default now(),
    primary key (subject_type, subject_id)
  )`.execute(db);
  await sql`create index moderated_content_held on moderated_content (group_id, created_at) where state = 'held'`.execute(
    db,
  );

  await sql`create table reports (
    id bigserial primary key,
    reporter_id bigint not null references users (id) on delete cascade,
    subject_type text not null check (subject_type in ('post', 'comment', 'event', 'group', 'place', 'user')),
    subject_id bigint not null,
    -- The group whose moderators see it; null: site admins only.
    group_id bigint references groups (id) on delete cascade,
    reason text not null check (reason in ('spam', 'harassment', 'hate', 'violence', 'sexual', 'private_information',
      'misleading', 'off_topic', 'other')),
    note text,
    status text not null default 'open' check (status in ('open', 'actioned', 'dismissed')),
    outcome text,
    created_at timestamptz not null default now(),
    closed_at timestamptz
  )`.execute(db);
  await sql`create unique index reports_one_open on reports (reporter_id, subject_type, subject_id)
    where status = 'open'`.execute(db);
  await sql`create index reports_open_subject on reports (subject_type, subject_id, created_at) where status = 'open'`.execute(
    db,
  );
  await sql`create index reports_open_group on reports (group_id, created_at) where status = 'open'`.execute(db);

  await sql`create table group_bans (
    group_id bigint not null references groups (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    until timestamptz not null,
    reason text not null,
    created_at timestamptz not null default now(),
    primary key (group_id, user_id)
  )`.execute(db);

  await sql`create table moderation_actions (
    id bigserial primary key,
    action text not null check (action in ('remove', 'restore', 'dismiss', 'lock', 'unlock', 'ban_from_group',
      'suspend', 'warn', 'hold', 'release')),
    subject_type text not null check (subject_type in ('post', 'comment', 'event', 'group', 'place', 'user')),
    subject_id bigint not null,
    group_id bigint references groups (id) on delete set null,
    target_user_id bigint references users (id) on delete set null,
    actor_id bigint references users (id) on delete set null,
    actor_role text not null check (actor_role in ('admin', 'group_moderator', 'automatic')),
    reason text not null,
    until timestamptz,
    created_at timestamptz not null default now()
  )`.execute(db);
  await sql`create index moderation_actions_log on moderation_actions (id desc)`.execute(db);
  await sql`create index moderation_actions_group_log on moderation_actions (group_id, id desc)`.execute(db);
  await sql`create index moderation_actions_target on moderation_actions (target_user_id, action)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists moderation_actions`.execute(db);
  await sql`drop table if exists group_bans`.execute(db);
  await sql`drop table if exists reports`.execute(db);
  await sql`drop table if exists moderated_content`.execute(db);
  await sql`drop table if exists blocks`.execute(db);
  await sql`alter table posts drop column if exists discussion_locked`.execute(db);
  await sql`alter table groups drop column if exists held_terms`.execute(db);
  await sql`alter table groups drop column if exists rules`.execute(db);
  await sql`alter table users drop column if exists suspended_until`.execute(db);
  await sql`alter table users drop column if exists is_admin`.execute(db);
}
