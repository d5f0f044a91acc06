import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupRole } from '../../db/tables/places-and-groups.js';
import { latSql, lngSql, pointSql, type LatLng } from '../../geo/point.js';
import { excerptOf } from '../../markdown/excerpt.js';
import { renderMarkdown } from '../../markdown/render.js';
import { notBlockedSql, visibleContentSql } from '../../policy/moderation.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';

type Db = Kysely<Database>;

export const DELETED_POST_TITLE = '[deleted]';

function postColumns(db: Db, viewerId: number | null) {
  return (
    db
      .selectFrom('posts')
      .leftJoin('users', 'users.id', 'posts.author_id')
      .leftJoin('places', 'places.id', 'posts.place_id')
      .leftJoin('groups', 'groups.id', 'posts.group_id')
      .select([
        'posts.id',
        'posts.title',
        'posts.body',
        'posts.body_html',
        'posts.author_id',
        'posts.created_at',
        'posts.edited_at',
        'posts.deleted_at',
        'posts.place_id',
        'posts.group_id',
        'users.display_name as author_name',
        'places.name as place_name',
        'groups.name as group_name',
        'groups.visibility as group_visibility',
        latSql('posts.location').as('lat'),
        lngSql('posts.location').as('lng'),
        sql<number>`(select count(*)::int from comments c where c.post_id = posts.id and c.deleted_at is null)`.as(
          'comment_count',
        ),
        sql<number>`(select count(*)::int from comments c where c.post_id = posts.id)`.as('total_comments'),
        sql<GroupRole | null>`(select gm.role from group_members gm
        where gm.group_id = posts.group_id and gm.user_id = ${viewerId}::bigint)`.as('my_role'),
        'posts.discussion_locked',
        sql<'removed' | 'held' | null>`(select mc.state from moderated_content mc
        where mc.subject_type = 'post' and mc.subject_id = posts.id)`.as('mod_state'),
        sql<string | null>`(select mc.reason from moderated_content mc
        where mc.subject_type = 'post' and mc.subject_id = posts.id)`.as('mod_reason'),
      ])
      .where(groupContentVisibleSql('posts.group_id', viewerId))
      .where(notBlockedSql('posts.author_id', viewerId))
      // A post held for review is seen by its author only (and by moderators, in their queue).
      .where(
        sql<boolean>`(posts.author_id = ${viewerId}::bigint or not exists (select 1 from moderated_content mh
        where mh.subject_type = 'post' and mh.subject_id = posts.id and mh.state = 'held'))`,
      )
  );
}

export type PostRow = NonNullable<Awaited<ReturnType<ReturnType<typeof postColumns>['executeTakeFirst']>>>;

/**
 * A person's newest posts that anyone may read, `limit` of them: not deleted, not in a private
 * group (also for its members: a profile is public), not removed or held; none when the viewer
 * and the author blocked one another.
 */
export async function listPublicPostsBy(db: Db, authorId: number, viewerId: number | null, limit: number) {
  return db
    .selectFrom('posts')
    .leftJoin('groups', 'groups.id', 'posts.group_id')
    .leftJoin('places', 'places.id', 'posts.place_id')
    .select([
      'posts.id',
      'posts.title',
      'posts.excerpt',
      'posts.created_at',
      'posts.group_id',
      'groups.name as group_name',
      'posts.place_id',
      'places.name as place_name',
    ])
    .where('posts.author_id', '=', authorId)
    .where('posts.deleted_at', 'is', null)
    .where(groupContentVisibleSql('posts.group_id', null))
    .where(visibleContentSql('post', 'posts.id'))
    .where(notBlockedSql('posts.author_id', viewerId))
    .orderBy('posts.created_at', 'desc')
    .orderBy('posts.id', 'desc')
    .limit(limit)
    .execute();
}

/** Whether the account exists (a profile's lists answer 404 for nobody). */
export async function personExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The post as `viewerId` may see it; undefined when it does not exist or is in a private group they are not in. */
export async function findPost(db: Db, id: number, viewerId: number | null): Promise<PostRow | undefined> {
  return postColumns(db, viewerId).where('posts.id', '=', id).executeTakeFirst();
}

export async function insertPost(
  db: Db,
  input: {
    authorId: number;
    title: string;
    body: string;
    location: LatLng;
    placeId: number | null;
    groupId: number | null;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('posts')
    .values({
      author_id: input.authorId,
      title: input.title,
      body: input.body,
      body_html: renderMarkdown(input.body),
      excerpt: excerptOf(input.body),
      location: pointSql(input.location),
      place_id: input.placeId,
      group_id: input.groupId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updatePost(
  db: Db,
  id: number,
  patch: { title?: string; body?: string; location?: LatLng; placeId?: number | null },
): Promise<void> {
  await db
    .updateTable('posts')
    .set({
      edited_at: new Date(),
      ...(patch.title === undefined ? {} : { title: patch.title }),
      ...(patch.body === undefined
        ? {}
        : { body: patch.body, body_html: renderMarkdown(patch.body), excerpt: excerptOf(patch.body) }),
      ...(patch.location === undefined ? {} : { location: pointSql(patch.location) }),
      ...(patch.placeId === undefined ? {} : { place_id: patch.placeId }),
    })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

/** A deleted post is kept (its discussion stays readable); what its author wrote is erased. */
const erasedPost = () => ({
  deleted_at: new Date(),
  title: DELETED_POST_TITLE,
  body: '',
  body_html: '',
  excerpt: '',
});
/** A deleted comment keeps its place in the tree; its text is erased. */
const erasedComment = () => ({ deleted_at: new Date(), body: '', body_html: '' });

export async function deletePost(db: Db, id: number): Promise<void> {
  await db.updateTable('posts').set(erasedPost()).where('id', '=', id).where('deleted_at', 'is', null).execute();
}

/** Erases every post and comment one person wrote, as if they had deleted each (account deletion). */
export async function eraseWritingOf(db: Db, authorId: number): Promise<void> {
  await db
    .updateTable('posts')
    .set(erasedPost())
    .where('author_id', '=', authorId)
    .where('deleted_at', 'is', null)
    .execute();
  await db
    .updateTable('comments')
    .set(erasedComment())
    .where('author_id', '=', authorId)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function placePoint(db: Db, id: number): Promise<LatLng | undefined> {
  return db
    .selectFrom('places')
    .select([latSql('location').as('lat'), lngSql('location').as('lng')])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The group's exact point and the person's role in it (null when not a member). */
export async function groupForPosting(db: Db, groupId: number, userId: number) {
  return db
    .selectFrom('groups')
    .leftJoin('group_members', (join) =>
      join.onRef('group_members.group_id', '=', 'groups.id').on('group_members.user_id', '=', userId),
    )
    .select([latSql('groups.location').as('lat'), lngSql('groups.location').as('lng'), 'group_members.role'])
    .where('groups.id', '=', groupId)
    .executeTakeFirst();
}

// ---------------------------------------------------------------------------------------------
// Comments: one discussion model for posts and meetups (migration 0060)

/** The discussion a comment belongs to: a post's or a meetup's ("event" in code). */
export interface Thread {
  kind: 'post' | 'event';
  id: number;
}

/** The comments column that names the thread's owner. */
const threadColumn = (thread: Thread) => (thread.kind === 'post' ? 'post_id' : 'event_id');

export interface CommentRow {
  id: number;
  parent_id: number | null;
  depth: number;
  author_id: number | null;
  author_name: string | null;
  body: string;
  body_html: string;
  created_at: Date;
  edited_at: Date | null;
  deleted_at: Date | null;
  /** Removed by moderators or held for review; null when neither. */
  mod_state: 'removed' | 'held' | null;
  mod_reason: string | null;
  /** The viewer blocked the comment's author. */
  blocked_by_viewer: boolean;
  /** The comment's author blocked the viewer. */
  blocks_viewer: boolean;
}

/**
 * What a comment row adds for the viewer (`row`: the alias of the comment): its moderation state
 * and whether a block stands between its author and the viewer.
 */
function viewerFieldsSql(row: string, viewerId: number | null) {
  const author = sql.ref(`${row}.author_id`);
  const id = sql.ref(`${row}.id`);
  const viewer = sql`${viewerId}::bigint`;
  return sql`(select mc.state from moderated_content mc where mc.subject_type = 'comment' and mc.subject_id = ${id}) as mod_state,
    (select mc.reason from moderated_content mc where mc.subject_type = 'comment' and mc.subject_id = ${id}) as mod_reason,
    exists (select 1 from blocks b where b.blocker_id = ${viewer} and b.blocked_id = ${author}) as blocked_by_viewer,
    exists (select 1 from blocks b where b.blocker_id = ${author} and b.blocked_id = ${viewer}) as blocks_viewer`;
}

/** The columns of a comment row, for the base and the recursive term alike. */
const COMMENT_FIELDS = sql.raw(
  'c.id, c.parent_id, c.depth, c.author_id, c.body, c.body_html, c.created_at, c.edited_at, c.deleted_at',
);

/**
 * One page of a discussion in one query. Its branches are the next top-level comments after the
 * one with id `afterRootId` (oldest first), each with every reply below it at any depth, read by
 * the branch index (`root_id`). A page takes up to `limits.branches` branches, and stops before the
 * branch that would take it past `limits.comments` comments; its first branch comes whole whatever
 * its size. Branch sizes are counted only up to that bound, so a huge branch costs no more to weigh.
 * Asks for one top-level comment more to know whether another page follows. Author names are looked
 * up per comment through the users key: the planner, expecting thousands of comments, would
 * otherwise hash the whole users table.
 */
export async function loadDiscussionPage(
  db: Db,
  thread: Thread,
  afterRootId: number | null,
  limits: { branches: number; comments: number },
  viewerId: number | null = null,
): Promise<{ rows: CommentRow[]; more: boolean }> {
  const owner = sql.ref(`c.${threadColumn(thread)}`);
  const afterOwner = sql.ref(`a.${threadColumn(thread)}`);
  const after =
    afterRootId === null
      ? sql``
      : sql`and (c.created_at, c.id) > (select a.created_at, a.id from comments a where a.id = ${afterRootId}::bigint and ${afterOwner} = ${thread.id}::bigint)`;
  const { rows } = await sql<CommentRow & { has_more: boolean }>`
    with page_roots as (
      select c.id, c.created_at from comments c
      where ${owner} = ${thread.id}::bigint and c.parent_id is null ${after}
      order by c.created_at, c.id
      limit ${limits.branches + 1}
    ), weighed as (
      select r.id, r.created_at,
             1 + (select count(*) from (select from comments d where d.root_id = r.id limit ${limits.comments}) b) as size
      from page_roots r
      order by r.created_at, r.id
      limit ${limits.branches}
    ), running as (
      select id, size, sum(size) over (order by created_at, id) as upto from weighed
    ), kept_roots as (
      select id from running where upto <= ${limits.comments} or upto = size
    ), page as (
      select ${COMMENT_FIELDS} from comments c join kept_roots k on c.id = k.id
      union all
      select ${COMMENT_FIELDS} from comments c join kept_roots k on c.root_id = k.id
    )
    select page.*, (select u.display_name from users u where u.id = page.author_id) as author_name,
           ${viewerFieldsSql('page', viewerId)},
           (select count(*) from page_roots) > (select count(*) from kept_roots) as has_more
    from page
    order by page.created_at, page.id`.execute(db);
  return { rows, more: rows[0]?.has_more ?? false };
}

/** One comment with all its replies (one recursive query), e.g. to answer an edit; oldest first. */
export async function loadCommentTree(
  db: Db,
  commentId: number,
  viewerId: number | null = null,
): Promise<CommentRow[]> {
  const { rows } = await sql<CommentRow>`
    with recursive tree as (
      select ${COMMENT_FIELDS} from comments c where c.id = ${commentId}::bigint
      union all
      select ${COMMENT_FIELDS} from comments c join tree t on c.parent_id = t.id
    )
    select tree.*, (select u.display_name from users u where u.id = tree.author_id) as author_name,
      ${viewerFieldsSql('tree', viewerId)}
    from tree
    order by tree.created_at, tree.id`.execute(db);
  return rows;
}

/** One comment of the thread, without its replies (a pinned comment); undefined when not in it. */
export async function loadThreadComment(
  db: Db,
  thread: Thread,
  commentId: number,
  viewerId: number | null = null,
): Promise<CommentRow | undefined> {
  const { rows } = await sql<CommentRow>`
    select ${COMMENT_FIELDS}, (select u.display_name from users u where u.id = c.author_id) as author_name,
      ${viewerFieldsSql('c', viewerId)}
    from comments c
    where c.id = ${commentId}::bigint and ${sql.ref(`c.${threadColumn(thread)}`)} = ${thread.id}::bigint`.execute(db);
  return rows[0];
}

/** Comments in a meetup's discussion, deleted placeholders included. */
export async function countThreadComments(db: Db, thread: Thread): Promise<number> {
  const { n } = await db
    .selectFrom('comments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(threadColumn(thread), '=', thread.id)
    .executeTakeFirstOrThrow();
  return n;
}

/**
 * The post or meetup a reply goes under, read with FOR SHARE so that a deletion (or a lock of the
 * discussion) running at the same moment waits for the reply, or the reply sees it; undefined when
 * the viewer cannot see it.
 */
export async function lockThreadForReply(
  trx: Db,
  thread: Thread,
  viewerId: number,
): Promise<{ deleted: boolean; locked: boolean; groupId: number | null; authorId: number | null } | undefined> {
  if (thread.kind === 'post') {
    const post = await trx
      .selectFrom('posts')
      .select(['id', 'deleted_at', 'discussion_locked', 'group_id', 'author_id'])
      .where('id', '=', thread.id)
      .where(groupContentVisibleSql('posts.group_id', viewerId))
      .where(notBlockedSql('posts.author_id', viewerId))
      .forShare()
      .executeTakeFirst();
    return (
      post && {
        deleted: post.deleted_at !== null,
        locked: post.discussion_locked,
        groupId: post.group_id,
        authorId: post.author_id,
      }
    );
  }
  const event = await trx
    .selectFrom('events')
    .select(['id', 'discussion_locked', 'group_id', 'organizer_id'])
    .where('id', '=', thread.id)
    .where(groupContentVisibleSql('events.group_id', viewerId))
    .where(notBlockedSql('events.organizer_id', viewerId))
    .forShare()
    .executeTakeFirst();
  return (
    event && { deleted: false, locked: event.discussion_locked, groupId: event.group_id, authorId: event.organizer_id }
  );
}

/** The comment replied to, if it belongs to the thread, read with FOR SHARE like the thread. */
export async function lockParentComment(trx: Db, parentId: number, thread: Thread) {
  return trx
    .selectFrom('comments')
    .select(['depth', 'deleted_at', 'author_id'])
    .where('id', '=', parentId)
    .where(threadColumn(thread), '=', thread.id)
    .forShare()
    .executeTakeFirst();
}

export async function insertComment(
  trx: Db,
  input: { thread: Thread; parentId: number | null; depth: number; authorId: number; body: string; bodyHtml: string },
): Promise<number> {
  const { id } = await trx
    .insertInto('comments')
    .values({
      post_id: input.thread.kind === 'post' ? input.thread.id : null,
      event_id: input.thread.kind === 'event' ? input.thread.id : null,
      parent_id: input.parentId,
      depth: input.depth,
      author_id: input.authorId,
      body: input.body,
      body_html: input.bodyHtml,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/**
 * A comment with what deciding on a change to it needs; undefined when the post or meetup it
 * belongs to is not visible to the viewer.
 */
export async function commentForChange(db: Db, id: number, viewerId: number | null) {
  return db
    .selectFrom('comments')
    .leftJoin('posts', 'posts.id', 'comments.post_id')
    .leftJoin('events', 'events.id', 'comments.event_id')
    .select([
      'comments.id',
      'comments.post_id',
      'comments.event_id',
      'comments.author_id',
      'comments.deleted_at',
      'posts.deleted_at as post_deleted_at',
      sql<boolean>`coalesce(events.discussion_locked, posts.discussion_locked, false)`.as('locked'),
    ])
    .where('comments.id', '=', id)
    .where((eb) =>
      eb.or([
        eb.and([eb('comments.post_id', 'is not', null), groupContentVisibleSql('posts.group_id', viewerId)]),
        eb.and([eb('comments.event_id', 'is not', null), groupContentVisibleSql('events.group_id', viewerId)]),
      ]),
    )
    .executeTakeFirst();
}

export async function updateComment(db: Db, id: number, body: string): Promise<void> {
  await db
    .updateTable('comments')
    .set({ body, body_html: renderMarkdown(body), edited_at: new Date() })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function deleteComment(db: Db, id: number): Promise<void> {
  await db.updateTable('comments').set(erasedComment()).where('id', '=', id).where('deleted_at', 'is', null).execute();
}
