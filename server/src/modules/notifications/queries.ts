/**
 * The SQL of notifications: the fan-out that writes them (one statement for everyone a change
 * reaches), the inbox, the live stream's reads, settings, and what the email and reminder jobs
 * read. Migration 0040 explains the tables.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { NotificationKind, NotificationSubjectType } from '../../db/tables/notifications.js';
import { latSql, lngSql } from '../../geo/point.js';
import { enqueueJobsSql, wakeWorkers } from '../../jobs/queue.js';
import { viewerMaySql } from '../../policy/group-roles.js';
import { notBlockedSql } from '../../policy/moderation.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';
import { SAFETY_KINDS } from '../../db/tables/notifications.js';
import { DEFAULT_EMAIL, DEFAULT_IN_APP, EMAIL_DELAY_SECONDS } from './settings.js';
import type { StoredNotification } from './text.js';

type Db = Kysely<Database>;

/** Where processes hear which people have news: a comma-separated list of user ids. */
export const NOTIFICATIONS_CHANNEL = 'vicinity_notifications';

/** User ids per message, so that a payload stays well under PostgreSQL's 8000 bytes. */
const IDS_PER_MESSAGE = 500;

export const EMAIL_JOB = 'notification_email';
export const REMINDER_JOB = 'event_reminder';
/** Attempts at sending one email: with the queue's growing pauses, two and a half to three hours in all. */
export const EMAIL_ATTEMPTS = 12;

const textArray = (values: readonly string[]) => sql<string[]>`${`{${values.join(',')}}`}::text[]`;

/** Whether the notification's person may see it now: group content only while they may see the group's. */
const visibleSql = sql<boolean>`(not n.members_only or ${groupContentVisibleSql('n.group_id', { viewerColumn: 'n.user_id' })})`;

export interface FanOut {
  kind: NotificationKind;
  /** A query whose column `user_id` lists the people to tell (before preferences and privacy). */
  recipients: RawBuilder<unknown>;
  /** Who caused it; never told about their own doing. */
  actorId: number | null;
  subjectType: NotificationSubjectType;
  eventId?: number | null;
  postId?: number | null;
  groupId?: number | null;
  /** For subjectType 'moderation': the moderation action it tells of. */
  moderationActionId?: number | null;
  /** Content of the group `groupId`: told only to those who may see that group's content. */
  membersOnly: boolean;
  data: Record<string, unknown>;
  collapseKey: string;
  /**
   * 'merge': a new one folds into an unread one with the same key (count + 1); 'once': nobody is
   * ever told twice under one key (a reminder job that runs again).
   */
  collapse: 'merge' | 'once';
  /** On merge, combine `data.changes` field by field (a meetup changed twice). */
  mergeChanges?: boolean;
  /** Whether this server sends email at all. */
  emailOn: boolean;
  /** Further conditions on the recipient `u` (a preference column of `s`). */
  where?: RawBuilder<boolean>;
}

export interface FanOutResult {
  written: number;
  emails: number;
}

/**
 * Writes the notification for everyone `recipients` names, in one statement:
 *
 * 1. the recipients' `users` rows are locked in id order (FOR NO KEY UPDATE), so that for each
 *    person notifications are committed in the order of their ids (see migration 0040) and two
 *    fan-outs to the same people wait for each other rather than deadlock;
 * 2. their preferences decide in-app and email; the actor and those who may not see the
 *    content are left out;
 * 3. one row each is inserted, or folded into an unread one with the same collapse key, which
 *    takes a new id so that live clients get it again;
 * 4. an email job per row that wants one (the outbox: it exists only if this commits);
 * 5. pg_notify names the people with news, in batches, for every process's live streams.
 */
export async function fanOut(trx: Db, f: FanOut): Promise<FanOutResult> {
  const kind = sql`${f.kind}::text`;
  const groupId = f.groupId ?? null;
  const conditions: RawBuilder<boolean>[] = [sql<boolean>`u.id is distinct from ${f.actorId}::bigint`];
  if (f.membersOnly) conditions.push(groupContentVisibleSql('target.group_id', { viewerColumn: 'u.id' }));
  if (f.collapse === 'once') {
    conditions.push(sql<boolean>`not exists (select 1 from notifications x
      where x.user_id = u.id and x.collapse_key = ${f.collapseKey})`);
  }
  if (f.where) conditions.push(f.where);
  const data = f.mergeChanges
    ? sql`excluded.data || jsonb_build_object('changes',
        notification_merge_changes(notifications.data -> 'changes', excluded.data -> 'changes'))`
    : sql`excluded.data`;
  const onConflict =
    f.collapse === 'once'
      ? sql`on conflict (user_id, collapse_key) where read_at is null do nothing`
      : sql`on conflict (user_id, collapse_key) where read_at is null do update set
          id = nextval('notifications_id_seq'), count = notifications.count + 1, actor_id = excluded.actor_id,
          data = ${data}, in_app = excluded.in_app, email = excluded.email, emailed_at = null, updated_at = now()`;
  const emailRows = sql`select jsonb_build_object('id', w.id) as payload, ${'notification-email:'} || w.id as key,
      now() + make_interval(secs => ${EMAIL_DELAY_SECONDS[f.kind]}::float8) as run_at
    from written w where w.email`;

  // Each row's foreign keys are checked by a query PostgreSQL plans once and keeps; with the
  // server's force_custom_plan (db/postgres.ts) it would plan them again for every row, which
  // tripled the cost of a large fan-out (docs/performance.md). Until the transaction ends.
  await sql`set local plan_cache_mode = auto`.execute(trx);
  // Safety notices are shown in the app whatever the settings say (SAFETY_KINDS).
  const inApp = SAFETY_KINDS.includes(f.kind)
    ? sql`true`
    : sql`${kind} = any(coalesce(s.in_app, ${textArray(DEFAULT_IN_APP)}))`;
  const { rows } = await sql<FanOutResult>`
    with recipients as materialized (
      select u.id as user_id,
        ${inApp} as in_app,
        ${f.emailOn}::boolean and ${kind} = any(coalesce(s.email, ${textArray(DEFAULT_EMAIL)})) as email
      from users u
      cross join (select ${groupId}::bigint as group_id) target
      left join notification_settings s on s.user_id = u.id
      where u.id in (${f.recipients}) and ${sql.join(conditions, sql` and `)}
      order by u.id
      for no key update of u
    ),
    written as (
      insert into notifications (user_id, kind, subject_type, event_id, post_id, group_id, moderation_action_id,
        members_only, actor_id, data, collapse_key, in_app, email)
      select r.user_id, ${kind}, ${f.subjectType}::text, ${f.eventId ?? null}::bigint, ${f.postId ?? null}::bigint,
        ${groupId}::bigint, ${f.moderationActionId ?? null}::bigint, ${f.membersOnly}::boolean, ${f.actorId}::bigint, ${JSON.stringify(f.data)}::jsonb,
        ${f.collapseKey}::text, r.in_app, r.email
      from recipients r
      where r.in_app or r.email
      ${onConflict}
      returning id, user_id, in_app, email
    ),
    emails as (${enqueueJobsSql(EMAIL_JOB, emailRows, EMAIL_ATTEMPTS)}),
    live as (
      select pg_notify(${NOTIFICATIONS_CHANNEL}::text, string_agg(b.user_id::text, ',')) as sent
      from (select w.user_id, (row_number() over (order by w.user_id) - 1) / ${IDS_PER_MESSAGE}::int as batch
        from written w where w.in_app) b
      group by b.batch
    )
    select (select count(*)::int from written) as written, (select count(*)::int from emails) as emails,
      (select count(*)::int from live) as batches`.execute(trx);
  const result = rows[0]!;
  if (result.emails > 0) await wakeWorkers(trx);
  return { written: result.written, emails: result.emails };
}

// --- What fan-outs need to know about what changed ---------------------------------------------

/** A meetup as notifications describe it. */
export interface EventFacts {
  id: number;
  title: string;
  status: 'scheduled' | 'cancelled';
  starts_at: Date;
  time_zone: string;
  place_id: number | null;
  place_name: string | null;
  lat: number;
  lng: number;
  capacity: number | null;
  group_id: number | null;
  group_name: string | null;
  group_visibility: 'public' | 'private' | null;
  organizer_id: number | null;
}

export async function findEventFacts(db: Db, ids: number[]): Promise<EventFacts[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('events as e')
    .leftJoin('places as p', 'p.id', 'e.place_id')
    .leftJoin('groups as g', 'g.id', 'e.group_id')
    .select([
      'e.id',
      'e.title',
      'e.status',
      'e.starts_at',
      'e.time_zone',
      'e.place_id',
      // Notifications reach people who are not going: an approximate meetup is told at its area only.
      sql<string | null>`case when e.location_privacy = 'approximate' then null else p.name end`.as('place_name'),
      latSql('e.public_location').as('lat'),
      lngSql('e.public_location').as('lng'),
      'e.capacity',
      'e.group_id',
      'g.name as group_name',
      'g.visibility as group_visibility',
      'e.organizer_id',
    ])
    .where('e.id', 'in', ids)
    .orderBy('e.starts_at')
    .orderBy('e.id')
    .execute();
}

/** Everyone with an answer that holds a seat or a place in line. */
export function attendeesSql(eventId: number, statuses: Array<'going' | 'waitlisted'>): RawBuilder<unknown> {
  return sql`select r.user_id from event_rsvps r where r.event_id = ${eventId}::bigint
    and r.status in (${sql.join(statuses.map((status) => sql`${status}`))})`;
}

export function usersSql(ids: number[]): RawBuilder<unknown> {
  return sql`select unnest(${ids}::bigint[]) as user_id`;
}

/** Recipients and these people besides, each once. */
export function withUsersSql(recipients: RawBuilder<unknown>, ids: number[]): RawBuilder<unknown> {
  return sql`${recipients} union select unnest(${ids}::bigint[])`;
}

/** The members of a group. */
export function membersSql(groupId: number): RawBuilder<unknown> {
  return sql`select gm.user_id from group_members gm where gm.group_id = ${groupId}::bigint`;
}

/** Those who answer the group's join requests (policy/group-roles.ts says which roles). */
export function gatekeepersSql(groupId: number): RawBuilder<unknown> {
  return sql`select gm.user_id from group_members gm where gm.group_id = ${groupId}::bigint
    and ${viewerMaySql('gm.group_id', { viewerColumn: 'gm.user_id' }, 'answer_join_requests')}`;
}

/**
 * People who asked to hear of new meetups within their radius of home, and whose home is that
 * close to the event; members of `exceptGroupId` hear of it as their group's meetup instead.
 */
export function nearbySql(eventId: number, exceptGroupId: number | null): RawBuilder<unknown> {
  return sql`select s.user_id from notification_settings s
    join users h on h.id = s.user_id
    join events e on e.id = ${eventId}::bigint
    where s.nearby_radius is not null and h.home_location is not null
      and st_dwithin(h.home_location, e.public_location, s.nearby_radius)
      and not exists (select 1 from group_members gm where gm.group_id = ${exceptGroupId}::bigint
        and gm.user_id = s.user_id)
      and ${notBlockedSql('e.organizer_id', { viewerColumn: 's.user_id' })}`;
}

/** Leaves out people who turned this reminder off. */
export function reminderWantedSql(which: 'day' | '2h'): RawBuilder<boolean> {
  return which === 'day'
    ? sql<boolean>`coalesce(s.reminder_day_before, true)`
    : sql<boolean>`coalesce(s.reminder_two_hours, true)`;
}

/**
 * Who a new comment answers, and about what (a post, or a meetup whose top-level comments go to
 * its organizer); undefined when there is no such comment.
 */
export async function findReplyFacts(db: Db, commentId: number) {
  return db
    .selectFrom('comments as c')
    .leftJoin('posts as p', 'p.id', 'c.post_id')
    .leftJoin('events as e', 'e.id', 'c.event_id')
    .leftJoin('comments as parent', 'parent.id', 'c.parent_id')
    .select([
      'c.post_id',
      'c.event_id',
      'c.author_id',
      sql<string>`coalesce(p.title, e.title)`.as('title'),
      sql<number | null>`coalesce(p.group_id, e.group_id)`.as('group_id'),
      sql<number | null>`case when c.parent_id is null then coalesce(p.author_id, e.organizer_id)
        else parent.author_id end`.as('recipient_id'),
      sql<'post' | 'event' | 'comment'>`case when c.parent_id is not null then 'comment'
        when c.post_id is not null then 'post' else 'event' end`.as('target'),
    ])
    .where('c.id', '=', commentId)
    .executeTakeFirst();
}

export async function findGroupName(db: Db, groupId: number): Promise<string | undefined> {
  const row = await db.selectFrom('groups').select('name').where('id', '=', groupId).executeTakeFirst();
  return row?.name;
}

// --- Reminders ----------------------------------------------------------------------------------

const REMINDERS = [
  { which: 'day', before: '24 hours' },
  { which: '2h', before: '2 hours' },
] as const;

export const reminderKey = (eventId: number, which: 'day' | '2h') => `event-reminder:${eventId}:${which}`;

/**
 * (Re)schedules the day-before and two-hours-before reminders of scheduled meetups: a job per
 * reminder still ahead (the key replaces an earlier one), none for a time already past.
 */
export async function scheduleReminderJobs(trx: Db, eventIds: number[]): Promise<void> {
  if (eventIds.length === 0) return;
  const wanted = sql`select jsonb_build_object('event', e.id, 'which', r.which, 'startsAt', e.starts_at) as payload,
      'event-reminder:' || e.id || ':' || r.which as key, e.starts_at - r.before::interval as run_at
    from events e
    cross join (values ${sql.join(REMINDERS.map((r) => sql`(${r.which}::text, ${r.before}::text)`))}) as r(which, before)
    where e.id = any(${eventIds}::bigint[]) and e.status = 'scheduled' and e.starts_at - r.before::interval > now()`;
  await enqueueJobsSql(REMINDER_JOB, wanted).execute(trx);
  // Reminders whose moment has passed (a meetup moved to tomorrow morning has no day-before one).
  await sql`delete from jobs where key in (
      select 'event-reminder:' || e.id || ':' || r.which
      from events e
      cross join (values ${sql.join(REMINDERS.map((r) => sql`(${r.which}::text, ${r.before}::text)`))}) as r(which, before)
      where e.id = any(${eventIds}::bigint[]) and (e.status <> 'scheduled' or e.starts_at - r.before::interval <= now()))`.execute(
    trx,
  );
}

export async function deleteReminderJobs(trx: Db, eventId: number): Promise<void> {
  await trx
    .deleteFrom('jobs')
    .where(
      'key',
      'in',
      REMINDERS.map((r) => reminderKey(eventId, r.which)),
    )
    .execute();
}

// --- The inbox ----------------------------------------------------------------------------------

function inboxColumns(db: Db) {
  return db
    .selectFrom('notifications as n')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .select([
      'n.id',
      'n.user_id',
      'n.kind',
      'n.subject_type',
      'n.event_id',
      'n.post_id',
      'n.group_id',
      'n.moderation_action_id',
      'n.data',
      'n.count',
      'n.updated_at',
      'n.read_at',
      'a.display_name as actor_name',
    ])
    .where(sql<boolean>`n.in_app`)
    .where(visibleSql);
}

export type InboxRow = StoredNotification & { user_id: number; updated_at: Date; read_at: Date | null };

/** A page of the person's notifications, newest first, older than `before` when given. */
export async function findInboxPage(db: Db, userId: number, before: number | null, limit: number) {
  let select = inboxColumns(db).where('n.user_id', '=', userId);
  if (before !== null) select = select.where('n.id', '<', before);
  const rows: InboxRow[] = await select
    .orderBy('n.id', 'desc')
    .limit(limit + 1)
    .execute();
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

/**
 * For live streams: each person's notifications after the id given for them, oldest first, at
 * most `limit` per person (the stream asks again for the rest).
 */
export async function findNewerThan(db: Db, after: Map<number, number>, limit: number): Promise<InboxRow[]> {
  if (after.size === 0) return [];
  const { rows } = await sql<InboxRow>`
    select n.* from unnest(${[...after.keys()]}::bigint[], ${[...after.values()]}::bigint[]) as c(user_id, after)
    cross join lateral (${inboxColumns(db)
      .where('n.user_id', '=', sql<number>`c.user_id`)
      .where('n.id', '>', sql<number>`c.after`)
      .orderBy('n.id')
      .limit(limit)}) n
    order by n.user_id, n.id`.execute(db);
  return rows;
}

/** Each person's unread count. */
export async function countUnread(db: Db, userIds: number[]): Promise<Map<number, number>> {
  const counts = new Map(userIds.map((id) => [id, 0]));
  if (userIds.length === 0) return counts;
  const rows = await db
    .selectFrom('notifications as n')
    .select(['n.user_id', sql<number>`count(*)::int`.as('unread')])
    .where('n.user_id', 'in', userIds)
    .where(sql<boolean>`n.in_app`)
    .where('n.read_at', 'is', null)
    .where(visibleSql)
    .groupBy('n.user_id')
    .execute();
  for (const row of rows) counts.set(row.user_id, row.unread);
  return counts;
}

/** The newest id among the person's notifications (0 for none): where a fresh stream starts. */
export async function findLatestId(db: Db, userId: number): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`coalesce(max(id), 0)::int8`.as('id'))
    .where('user_id', '=', userId)
    .where(sql<boolean>`in_app`)
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Marks some (or all) of the person's notifications read, and tells their other open pages. */
export async function markRead(trx: Db, userId: number, ids: number[] | 'all'): Promise<void> {
  let update = trx
    .updateTable('notifications')
    .set({ read_at: sql<Date>`now()` })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids !== 'all') update = update.where('id', 'in', ids);
  await update.execute();
  await sql`select pg_notify(${NOTIFICATIONS_CHANNEL}::text, ${String(userId)}::text)`.execute(trx);
}

// --- Settings -----------------------------------------------------------------------------------

export async function findSettings(db: Db, userId: number) {
  return db
    .selectFrom('users as u')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select([
      'u.email as address',
      sql<boolean>`u.home_location is not null`.as('home_set'),
      's.in_app',
      's.email',
      's.reminder_day_before',
      's.reminder_two_hours',
      's.nearby_radius',
      sql<string | null>`to_char(s.quiet_start, 'HH24:MI')`.as('quiet_start'),
      sql<string | null>`to_char(s.quiet_end, 'HH24:MI')`.as('quiet_end'),
      's.time_zone',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirst();
}

export interface StoredSettings {
  inApp: string[];
  email: string[];
  reminderDayBefore: boolean;
  reminderTwoHours: boolean;
  nearbyRadius: number | null;
  quietStart: string | null;
  quietEnd: string | null;
  timeZone: string;
}

export async function saveSettings(db: Db, userId: number, settings: StoredSettings): Promise<void> {
  const values = {
    in_app: settings.inApp,
    email: settings.email,
    reminder_day_before: settings.reminderDayBefore,
    reminder_two_hours: settings.reminderTwoHours,
    nearby_radius: settings.nearbyRadius,
    quiet_start: settings.quietStart,
    quiet_end: settings.quietEnd,
    time_zone: settings.timeZone,
    updated_at: new Date(),
  };
  await db
    .insertInto('notification_settings')
    .values({ user_id: userId, ...values })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet(values))
    .execute();
}

/** Stops emails of one kind (or all) for the person: one-click unsubscribe. */
export async function stopEmails(db: Db, userId: number, kind: NotificationKind | 'all'): Promise<void> {
  const remaining =
    kind === 'all'
      ? sql<string[]>`'{}'::text[]`
      : sql<string[]>`array_remove(coalesce(notification_settings.email, ${textArray(DEFAULT_EMAIL)}), ${kind}::text)`;
  const fresh =
    kind === 'all'
      ? sql<string[]>`'{}'::text[]`
      : sql<string[]>`array_remove(${textArray(DEFAULT_EMAIL)}, ${kind}::text)`;
  await sql`insert into notification_settings (user_id, email) values (${userId}::bigint, ${fresh})
    on conflict (user_id) do update set email = ${remaining}, updated_at = now()`.execute(db);
}

export async function findEmailAddress(db: Db, userId: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return row?.email;
}

// --- Emails -------------------------------------------------------------------------------------

/** Everything one email needs; undefined when the notification is gone (collapsed into a newer one). */
export async function findEmailToSend(db: Db, id: number) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('users as u', 'u.id', 'n.user_id')
    .leftJoin('users as a', 'a.id', 'n.actor_id')
    .leftJoin('notification_settings as s', 's.user_id', 'n.user_id')
    .leftJoin('events as e', 'e.id', 'n.event_id')
    .select([
      'n.id',
      'n.user_id',
      'n.kind',
      'n.subject_type',
      'n.event_id',
      'n.post_id',
      'n.group_id',
      'n.moderation_action_id',
      'n.data',
      'n.count',
      'n.read_at',
      'n.emailed_at',
      'a.display_name as actor_name',
      'u.email as address',
      'u.display_name as name',
      visibleSql.as('visible'),
      sql<boolean>`n.kind = any(coalesce(s.email, ${textArray(DEFAULT_EMAIL)}))`.as('wanted'),
      sql<string | null>`to_char(s.quiet_start, 'HH24:MI')`.as('quiet_start'),
      sql<string | null>`to_char(s.quiet_end, 'HH24:MI')`.as('quiet_end'),
      's.time_zone',
      'e.starts_at',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst();
}

export async function markEmailed(db: Db, id: number): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ emailed_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}
