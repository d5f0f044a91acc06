/**
 * Moderation's rules that every feature shares: what removed or held content and blocks hide
 * (as SQL predicates the shared queries add, so every list and map inherits them), and who may
 * moderate what. Features that list posts, comments or meetups (the feed, radius queries, maps,
 * search, calendars, collections) add `visibleContentSql` and `notBlockedSql` beside
 * `groupContentVisibleSql`.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ModeratedType } from '../db/tables/moderation.js';
import { roleMay, type GroupRole } from './group-roles.js';
import { viewerIdSql, type ViewerRef } from './visibility.js';

/**
 * False while the post, comment or meetup in `idColumn` is removed by moderators or held for
 * review. Lists leave such content out for everyone; only the queue and (held) its author see it.
 */
export function visibleContentSql(type: ModeratedType, idColumn: string): RawBuilder<boolean> {
  // A scalar lookup by primary key per row rather than NOT EXISTS, which the planner may turn into
  // a hash of the whole table built per query (see visibility.ts).
  return sql<boolean>`((select mc.state from moderated_content mc
    where mc.subject_type = ${type}::text and mc.subject_id = ${sql.ref(idColumn)}) is null)`;
}

/**
 * Like visibleContentSql for a column that holds the kind (`nearby_items.kind`). Only posts and
 * meetups ever have a row there; places and groups are never removed this way.
 */
export function visibleItemSql(kindColumn: string, idColumn: string): RawBuilder<boolean> {
  return sql<boolean>`((select mc.state from moderated_content mc
    where mc.subject_type = ${sql.ref(kindColumn)} and mc.subject_id = ${sql.ref(idColumn)}) is null)`;
}

/**
 * False when the viewer blocked the author in `authorIdColumn` or the author blocked the viewer:
 * neither sees the other's posts, comments or meetups. True for nobody signed in and for content
 * without an author. A viewer who blocked nobody and whom nobody blocked skips the lookups (the
 * first test is planned once per statement).
 */
export function notBlockedSql(
  authorIdColumn: string | RawBuilder<number | null>,
  viewer: ViewerRef,
): RawBuilder<boolean> {
  if (viewer === null) return sql<boolean>`true`;
  const me = viewerIdSql(viewer);
  const author = typeof authorIdColumn === 'string' ? sql.ref(authorIdColumn) : authorIdColumn;
  return sql<boolean>`((not exists (select 1 from blocks bx where bx.blocker_id = ${me})
      and not exists (select 1 from blocks by where by.blocked_id = ${me}))
    or ((select 1 from blocks b1 where b1.blocker_id = ${me} and b1.blocked_id = ${author}) is null
      and (select 1 from blocks b2 where b2.blocker_id = ${author} and b2.blocked_id = ${me}) is null))`;
}

/** The author of a `nearby_items` row (posts and meetups have one), for notBlockedSql. */
export function nearbyItemAuthorSql(kindColumn: string, idColumn: string): RawBuilder<number | null> {
  const kind = sql.ref(kindColumn);
  const id = sql.ref(idColumn);
  return sql<number | null>`case ${kind}
    when 'post' then (select pa.author_id from posts pa where pa.id = ${id})
    when 'event' then (select ea.organizer_id from events ea where ea.id = ${id}) end`;
}

/** Whether either of two people blocked the other (a reply, a message, a notification). */
export function eitherBlockedSql(a: RawBuilder<number> | number, b: RawBuilder<number> | number): RawBuilder<boolean> {
  const left = typeof a === 'number' ? sql`${a}::bigint` : a;
  const right = typeof b === 'number' ? sql`${b}::bigint` : b;
  return sql<boolean>`exists (select 1 from blocks be where (be.blocker_id = ${left} and be.blocked_id = ${right})
    or (be.blocker_id = ${right} and be.blocked_id = ${left}))`;
}

/** Who is asking, as moderation rules see them. */
export interface Moderator {
  id: number;
  isAdmin: boolean;
}

/**
 * Whether the person may act on content of a group (null: content outside any group): site
 * admins everywhere; a group's owners and organizers (`moderate_content`) in their group.
 */
export function mayModerate(who: Moderator, groupId: number | null, role: GroupRole | null): boolean {
  if (who.isAdmin) return true;
  return groupId !== null && roleMay(role, 'moderate_content');
}

/** Suspending an account is site-wide, so site admins only. */
export function maySuspend(who: Moderator): boolean {
  return who.isAdmin;
}

/** Whether an account is suspended now. */
export function isSuspended(suspendedUntil: Date | null, now = new Date()): boolean {
  return suspendedUntil !== null && suspendedUntil.getTime() > now.getTime();
}
