/** Every SQL statement of moderation: reports, the queue, actions and their log, held content, bans, rules. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type {
  ActorRole,
  ModeratedType,
  ModerationActionKind,
  ReportReason,
  ReportSubjectType,
} from '../../db/tables/moderation.js';
import { viewerMaySql } from '../../policy/group-roles.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';

type Db = Kysely<Database>;

export interface SubjectFacts {
  /** The group whose moderators decide (null: the site admins). */
  groupId: number | null;
  /** Who made it (the person themselves for a `user` subject). */
  authorId: number | null;
}

/**
 * The facts about a subject that moderation needs, when it exists and the viewer may see it
 * (content of a private group only for its members; the viewer null: no visibility check).
 */
export async function findSubject(
  db: Db,
  type: ReportSubjectType,
  id: number,
  viewerId: number | null | 'anyone',
): Promise<SubjectFacts | undefined> {
  const visible = (column: string) =>
    viewerId === 'anyone' ? sql<boolean>`true` : groupContentVisibleSql(column, viewerId);
  switch (type) {
    case 'post': {
      const row = await db
        .selectFrom('posts')
        .select(['group_id', 'author_id'])
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .where(visible('posts.group_id'))
        .executeTakeFirst();
      return row && { groupId: row.group_id, authorId: row.author_id };
    }
    case 'comment': {
      const row = await db
        .selectFrom('comments')
        .leftJoin('posts', 'posts.id', 'comments.post_id')
        .leftJoin('events', 'events.id', 'comments.event_id')
        .select([sql<number | null>`coalesce(posts.group_id, events.group_id)`.as('group_id'), 'comments.author_id'])
        .where('comments.id', '=', id)
        .where('comments.deleted_at', 'is', null)
        .where(visible('posts.group_id'))
        .where(visible('events.group_id'))
        .executeTakeFirst();
      return row && { groupId: row.group_id, authorId: row.author_id };
    }
    case 'event': {
      const row = await db
        .selectFrom('events')
        .select(['group_id', 'organizer_id'])
        .where('id', '=', id)
        .where(visible('events.group_id'))
        .executeTakeFirst();
      return row && { groupId: row.group_id, authorId: row.organizer_id };
    }
    case 'group': {
      const row = await db.selectFrom('groups').select(['created_by']).where('id', '=', id).executeTakeFirst();
      return row && { groupId: null, authorId: row.created_by };
    }
    case 'place': {
      const row = await db.selectFrom('places').select(['created_by']).where('id', '=', id).executeTakeFirst();
      return row && { groupId: null, authorId: row.created_by };
    }
    case 'user': {
      const row = await db.selectFrom('users').select(['id']).where('id', '=', id).executeTakeFirst();
      return row && { groupId: null, authorId: row.id };
    }
  }
}

export async function insertReport(
  db: Db,
  input: {
    reporterId: number;
    type: ReportSubjectType;
    id: number;
    groupId: number | null;
    reason: ReportReason;
    note: string | null;
  },
): Promise<number | undefined> {
  const row = await db
    .insertInto('reports')
    .values({
      reporter_id: input.reporterId,
      subject_type: input.type,
      subject_id: input.id,
      group_id: input.groupId,
      reason: input.reason,
      note: input.note,
    })
    .onConflict((conflict) =>
      conflict.columns(['reporter_id', 'subject_type', 'subject_id']).where('status', '=', 'open').doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

const reportColumns = [
  'id',
  'subject_type',
  'subject_id',
  'reason',
  'note',
  'status',
  'outcome',
  'created_at',
] as const;

export async function findReport(db: Db, id: number) {
  return db.selectFrom('reports').select(reportColumns).where('id', '=', id).executeTakeFirstOrThrow();
}

/** The person's own reports, newest first, with their outcome. */
export async function listReportsBy(db: Db, reporterId: number, limit: number) {
  return db
    .selectFrom('reports')
    .select(reportColumns)
    .where('reporter_id', '=', reporterId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export interface QueueRow {
  subject_type: ReportSubjectType;
  subject_id: number;
  group_id: number | null;
  group_name: string | null;
  reports: number;
  reasons: ReportReason[];
  notes: string[];
  since: Date;
  state: 'removed' | 'held' | null;
  mod_reason: string | null;
}

export interface QueuePosition {
  s: string;
  t: string;
  i: number;
}

/**
 * One page of the queue, oldest first: one row per subject with open reports (their count,
 * reasons and notes) and per held post or comment nobody reported, in the groups the person
 * moderates (everything for a site admin).
 */
export async function findQueuePage(
  db: Db,
  who: { id: number; isAdmin: boolean },
  options: { groupId?: number; after: QueuePosition | null; limit: number },
): Promise<QueueRow[]> {
  const scope = (column: string) =>
    sql<boolean>`(${who.isAdmin ? sql`true` : viewerMaySql(column, who.id, 'moderate_content')}
      and ${options.groupId === undefined ? sql`true` : sql`${sql.ref(column)} = ${options.groupId}::bigint`})`;
  const after = options.after
    ? sql`where (q.since, q.subject_type, q.subject_id) > (${options.after.s}::timestamptz, ${options.after.t}::text, ${options.after.i}::bigint)`
    : sql``;
  const { rows } = await sql<QueueRow>`
    with open_subjects as (
      select r.subject_type, r.subject_id, min(r.group_id) as group_id, count(*)::int as reports,
             array_agg(distinct r.reason) as reasons,
             coalesce(array_agg(r.note order by r.id) filter (where r.note is not null), '{}') as notes,
             min(r.created_at) as since
      from reports r
      where r.status = 'open' and ${scope('r.group_id')}
      group by r.subject_type, r.subject_id
    ), held as (
      select mc.subject_type, mc.subject_id, mc.group_id, 0, '{}'::text[], '{}'::text[], mc.created_at
      from moderated_content mc
      where mc.state = 'held' and ${scope('mc.group_id')}
        and not exists (select 1 from open_subjects o
          where o.subject_type = mc.subject_type and o.subject_id = mc.subject_id)
    )
    select q.*, g.name as group_name, mc.state, mc.reason as mod_reason
    from (select * from open_subjects union all select * from held) q
      left join groups g on g.id = q.group_id
      left join moderated_content mc on mc.subject_type = q.subject_type and mc.subject_id = q.subject_id
    ${after}
    order by q.since, q.subject_type, q.subject_id
    limit ${options.limit + 1}`.execute(db);
  return rows;
}

export interface ContentRow {
  title: string | null;
  text: string;
  author_id: number | null;
  author_name: string | null;
  url: string | null;
  post_id: number | null;
  event_id: number | null;
  parent_id: number | null;
}

/** The subject as its author wrote it (moderators see removed text), or undefined when gone. */
export async function findContent(db: Db, type: ReportSubjectType, id: number): Promise<ContentRow | undefined> {
  const author = (column: string) =>
    sql<string | null>`(select u.display_name from users u where u.id = ${sql.ref(column)})`;
  switch (type) {
    case 'post':
      return db
        .selectFrom('posts')
        .select([
          'title',
          'body as text',
          'author_id',
          author('posts.author_id').as('author_name'),
          sql<string>`'/posts/' || posts.id`.as('url'),
          sql<null>`null`.as('post_id'),
          sql<null>`null`.as('event_id'),
          sql<null>`null`.as('parent_id'),
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'comment':
      return db
        .selectFrom('comments')
        .select([
          sql<null>`null`.as('title'),
          'body as text',
          'author_id',
          author('comments.author_id').as('author_name'),
          sql<string>`case when comments.post_id is not null then '/posts/' || comments.post_id
            else '/events/' || comments.event_id end`.as('url'),
          'post_id',
          'event_id',
          'parent_id',
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'event':
      return db
        .selectFrom('events')
        .select([
          'title',
          'description as text',
          'organizer_id as author_id',
          author('events.organizer_id').as('author_name'),
          sql<string>`'/events/' || events.id`.as('url'),
          sql<null>`null`.as('post_id'),
          sql<null>`null`.as('event_id'),
          sql<null>`null`.as('parent_id'),
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'group':
      return db
        .selectFrom('groups')
        .select([
          'name as title',
          'description as text',
          'created_by as author_id',
          author('groups.created_by').as('author_name'),
          sql<string>`'/groups/' || groups.id`.as('url'),
          sql<null>`null`.as('post_id'),
          sql<null>`null`.as('event_id'),
          sql<null>`null`.as('parent_id'),
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'place':
      return db
        .selectFrom('places')
        .select([
          'name as title',
          'description as text',
          'created_by as author_id',
          author('places.created_by').as('author_name'),
          sql<string>`'/places/' || places.id`.as('url'),
          sql<null>`null`.as('post_id'),
          sql<null>`null`.as('event_id'),
          sql<null>`null`.as('parent_id'),
        ])
        .where('id', '=', id)
        .executeTakeFirst();
    case 'user':
      return db
        .selectFrom('users')
        .select([
          'display_name as title',
          'bio as text',
          'id as author_id',
          'display_name as author_name',
          sql<null>`null`.as('url'),
          sql<null>`null`.as('post_id'),
          sql<null>`null`.as('event_id'),
          sql<null>`null`.as('parent_id'),
        ])
        .where('id', '=', id)
        .executeTakeFirst();
  }
}

/** An author's record: earlier removals and warnings, suspension, account age. */
export async function findStanding(db: Db, userId: number) {
  return db
    .selectFrom('users')
    .select([
      sql<number>`(select count(*)::int from moderation_actions a where a.target_user_id = users.id and a.action = 'remove')`.as(
        'removals',
      ),
      sql<number>`(select count(*)::int from moderation_actions a where a.target_user_id = users.id and a.action = 'warn')`.as(
        'warnings',
      ),
      sql<boolean>`coalesce(users.suspended_until > now(), false)`.as('suspended'),
      sql<number>`floor(extract(epoch from now() - users.created_at) / 86400)::int`.as('age_days'),
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Sets the subject's state (removed or held), replacing one it had. */
export async function setModerated(
  db: Db,
  input: {
    type: ModeratedType;
    id: number;
    state: 'removed' | 'held';
    reason: string;
    groupId: number | null;
    authorId: number | null;
  },
): Promise<void> {
  await db
    .insertInto('moderated_content')
    .values({
      subject_type: input.type,
      subject_id: input.id,
      state: input.state,
      reason: input.reason,
      group_id: input.groupId,
      author_id: input.authorId,
    })
    .onConflict((conflict) =>
      conflict.columns(['subject_type', 'subject_id']).doUpdateSet({ state: input.state, reason: input.reason }),
    )
    .execute();
}

/** Publishes the subject again; answers the state it had (undefined: neither removed nor held). */
export async function clearModerated(db: Db, type: ModeratedType, id: number) {
  const row = await db
    .deleteFrom('moderated_content')
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .returning('state')
    .executeTakeFirst();
  return row?.state;
}

export async function moderatedState(db: Db, type: ModeratedType, id: number) {
  const row = await db
    .selectFrom('moderated_content')
    .select(['state', 'reason'])
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .executeTakeFirst();
  return row;
}

/** Closes the subject's open reports with an outcome; answers how many and who filed them. */
export async function closeReports(
  db: Db,
  type: ReportSubjectType,
  id: number,
  status: 'actioned' | 'dismissed',
  outcome: string,
): Promise<number[]> {
  const rows = await db
    .updateTable('reports')
    .set({ status, outcome, closed_at: new Date() })
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .where('status', '=', 'open')
    .returning('reporter_id')
    .execute();
  return rows.map((row) => row.reporter_id);
}

export async function insertAction(
  db: Db,
  input: {
    action: ModerationActionKind;
    type: ReportSubjectType;
    id: number;
    groupId: number | null;
    targetUserId: number | null;
    actorId: number | null;
    actorRole: ActorRole;
    reason: string;
    until: Date | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('moderation_actions')
    .values({
      action: input.action,
      subject_type: input.type,
      subject_id: input.id,
      group_id: input.groupId,
      target_user_id: input.targetUserId,
      actor_id: input.actorId,
      actor_role: input.actorRole,
      reason: input.reason,
      until: input.until,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface LogRow {
  id: number;
  created_at: Date;
  action: ModerationActionKind;
  subject_type: ReportSubjectType;
  subject_id: number;
  group_id: number | null;
  group_name: string | null;
  actor_role: ActorRole;
  reason: string;
  until: Date | null;
}

/**
 * The public log, newest first: actions about content the viewer may see the group of (a private
 * group's actions for its members only). Never the content's text: the log holds none.
 */
export async function findLogPage(
  db: Db,
  viewerId: number | null,
  options: { groupId?: number; beforeId: number | null; limit: number; ids?: number[] },
): Promise<LogRow[]> {
  let query = db
    .selectFrom('moderation_actions as a')
    .leftJoin('groups as g', 'g.id', 'a.group_id')
    .select([
      'a.id',
      'a.created_at',
      'a.action',
      'a.subject_type',
      'a.subject_id',
      'a.group_id',
      'g.name as group_name',
      'a.actor_role',
      'a.reason',
      'a.until',
    ])
    .where(groupContentVisibleSql('a.group_id', viewerId))
    .orderBy('a.id', 'desc')
    .limit(options.limit + 1);
  if (options.groupId !== undefined) query = query.where('a.group_id', '=', options.groupId);
  if (options.beforeId !== null) query = query.where('a.id', '<', options.beforeId);
  if (options.ids) query = query.where('a.id', 'in', options.ids);
  return query.execute();
}

export async function lockDiscussion(db: Db, type: 'post' | 'event', id: number, locked: boolean): Promise<void> {
  if (type === 'post') await db.updateTable('posts').set({ discussion_locked: locked }).where('id', '=', id).execute();
  else await db.updateTable('events').set({ discussion_locked: locked }).where('id', '=', id).execute();
}

/** The post or meetup a comment belongs to. */
export async function threadOfComment(db: Db, commentId: number) {
  return db.selectFrom('comments').select(['post_id', 'event_id']).where('id', '=', commentId).executeTakeFirst();
}

export async function banFromGroup(
  db: Db,
  input: { groupId: number; userId: number; until: Date; reason: string },
): Promise<void> {
  await db
    .insertInto('group_bans')
    .values({ group_id: input.groupId, user_id: input.userId, until: input.until, reason: input.reason })
    .onConflict((conflict) =>
      conflict.columns(['group_id', 'user_id']).doUpdateSet({ until: input.until, reason: input.reason }),
    )
    .execute();
}

export async function findBan(db: Db, groupId: number, userId: number) {
  return db
    .selectFrom('group_bans')
    .select(['until', 'reason'])
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .where('until', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function suspendUser(db: Db, userId: number, until: Date): Promise<void> {
  await db.updateTable('users').set({ suspended_until: until }).where('id', '=', userId).execute();
}

export async function findGroupRole(db: Db, groupId: number, userId: number) {
  const row = await db
    .selectFrom('group_members')
    .select('role')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

/** Whether the group exists (whoever may see it): rules are read before joining a private group. */
export async function findGroupForRules(db: Db, groupId: number) {
  return db
    .selectFrom('groups')
    .select(['id', 'rules', 'held_terms', 'name'])
    .where('id', '=', groupId)
    .executeTakeFirst();
}

export async function updateGroupRules(
  db: Db,
  groupId: number,
  patch: { rules?: string; heldTerms?: string[] },
): Promise<void> {
  if (patch.rules === undefined && patch.heldTerms === undefined) return;
  await db
    .updateTable('groups')
    .set({
      ...(patch.rules === undefined ? {} : { rules: patch.rules }),
      ...(patch.heldTerms === undefined ? {} : { held_terms: patch.heldTerms }),
    })
    .where('id', '=', groupId)
    .execute();
}

// ---------------------------------------------------------------------------------------------
// The automatic first line

/** What the first line needs: the author's account age and recent writing, the group's held terms. */
export async function firstLineFacts(db: Db, authorId: number, groupId: number | null) {
  const row = await db
    .selectFrom('users')
    .select([
      'created_at',
      sql<number>`(select count(*)::int from posts p where p.author_id = users.id
        and p.created_at > now() - interval '1 hour')
        + (select count(*)::int from comments c where c.author_id = users.id
        and c.created_at > now() - interval '1 hour')`.as('recent'),
      sql<string[]>`coalesce((select g.held_terms from groups g where g.id = ${groupId}::bigint), '{}')`.as(
        'held_terms',
      ),
    ])
    .where('id', '=', authorId)
    .executeTakeFirstOrThrow();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Blocks (read here for replies; the blocks feature owns their routes)

/** Whether `a` blocked `b` (one way) or either blocked the other. */
export async function isBlocked(db: Db, a: number, b: number, mode: 'either' | 'one_way'): Promise<boolean> {
  let query = db.selectFrom('blocks').select('blocker_id');
  query =
    mode === 'one_way'
      ? query.where('blocker_id', '=', a).where('blocked_id', '=', b)
      : query.where((eb) =>
          eb.or([
            eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]),
            eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)]),
          ]),
        );
  return (await query.executeTakeFirst()) !== undefined;
}

/** Whether the person holds a role that moderates content in any group. */
export async function moderatesAnyGroup(db: Db, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('group_members as gm')
    .select('gm.group_id')
    .where('gm.user_id', '=', userId)
    .where(viewerMaySql('gm.group_id', userId, 'moderate_content'))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
