import { sql, type Kysely } from 'kysely';

/**
 * Notifications: what people are told when something changes for them (server/src/modules/notifications).
 *
 * A notification is written in the transaction of the change that causes it, one row per person,
 * by one statement however many people it reaches. Rows are ordered per person by `id`, which the
 * live stream uses as its event id: whoever writes notifications for a person first locks that
 * person's `users` row, so for each person ids are committed in increasing order and a client
 * that resumes after id N misses nothing.
 *
 * Similar notifications collapse: while one with the same `collapse_key` is unread, a new one
 * updates it (count + 1, a new id, so it comes again on the stream) instead of adding a row.
 *
 * `members_only` marks content of the group `group_id` (a private group's meetup): it is shown
 * only while the person may see that group's content. The references cascade, so deleting a
 * meetup, post, group or account deletes what was said about it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table notifications (
    id bigserial primary key,
    user_id bigint not null references users (id) on delete cascade,
    kind text not null check (kind in ('waitlist_promoted', 'event_changed', 'event_cancelled', 'reminder', 'reply',
      'join_request', 'join_approved', 'join_declined', 'group_event', 'nearby_event')),
    subject_type text not null check (subject_type in ('event', 'post', 'group')),
    event_id bigint references events (id) on delete cascade,
    post_id bigint references posts (id) on delete cascade,
    group_id bigint references groups (id) on delete cascade,
    members_only boolean not null default false,
    -- Who caused it; no reference, so writing 5,000 rows checks no key 5,000 times. Account ids
    -- are never reused, and a deleted actor reads as "Someone".
    actor_id bigint,
    data jsonb not null default '{}',
    count integer not null default 1,
    collapse_key text not null,
    in_app boolean not null,
    email boolean not null,
    emailed_at timestamptz,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    read_at timestamptz,
    check (subject_type <> 'event' or event_id is not null),
    check (subject_type <> 'post' or post_id is not null),
    check (subject_type <> 'group' or group_id is not null),
    check (not members_only or group_id is not null)
  )`.execute(db);
  // The inbox, newest first. Each index is written for each of the thousands of rows a fan-out
  // writes, so there are as few as the reads need.
  await sql`create index notifications_inbox on notifications (user_id, id desc) where in_app`.execute(db);
  // At most one unread notification per person and collapse key (every row has one): the target
  // of ON CONFLICT, and the way to a person's unread ones for the bell's count.
  await sql`create unique index notifications_collapse on notifications (user_id, collapse_key)
    where read_at is null`.execute(db);
  // For the cascades.
  await sql`create index notifications_event on notifications (event_id) where event_id is not null`.execute(db);
  await sql`create index notifications_post on notifications (post_id) where post_id is not null`.execute(db);
  await sql`create index notifications_group on notifications (group_id) where group_id is not null`.execute(db);

  // Merges what changed about a meetup when a second change collapses into an unread first one:
  // each field keeps its first "from" and takes the latest "to".
  await sql`create function notification_merge_changes(old jsonb, new jsonb) returns jsonb
    language sql immutable as $$
      select coalesce(jsonb_object_agg(k, jsonb_build_object(
          'from', coalesce(old -> k -> 'from', new -> k -> 'from'),
          'to', coalesce(new -> k -> 'to', old -> k -> 'to'))), '{}'::jsonb)
      from jsonb_object_keys(coalesce(old, '{}'::jsonb) || coalesce(new, '{}'::jsonb)) as k
    $$`.execute(db);

  // What each person wants to be told, and how. No row means the defaults (see the module's
  // settings.ts); null kind lists likewise mean the defaults for those lists.
  await sql`create table notification_settings (
    user_id bigint primary key references users (id) on delete cascade,
    in_app text[],
    email text[],
    reminder_day_before boolean not null default true,
    reminder_two_hours boolean not null default true,
    nearby_radius integer check (nearby_radius between 100 and 50000),
    quiet_start time,
    quiet_end time,
    time_zone text not null default 'UTC',
    updated_at timestamptz not null default now(),
    check ((quiet_start is null) = (quiet_end is null))
  )`.execute(db);
  // The few people who asked to hear of new meetups near home.
  await sql`create index notification_settings_nearby on notification_settings (user_id)
    where nearby_radius is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists notification_settings`.execute(db);
  await sql`drop function if exists notification_merge_changes(jsonb, jsonb)`.execute(db);
  await sql`drop table if exists notifications`.execute(db);
}
