/**
 * Who may see content that belongs to a group (its events, its posts): everyone when the group
 * is public or the content has no group; only members when the group is private. Every query
 * that lists or reads group content uses this one predicate.
 */
import { sql, type RawBuilder } from 'kysely';

/**
 * The viewer as SQL sees them: a user's id, null for nobody signed in, or the column that holds
 * either (one row per query when queries about several viewers share one statement).
 */
export type ViewerRef = number | null | { viewerColumn: string };

/** The viewer's id as a bigint expression (for a viewer that is not null). */
export function viewerIdSql(viewer: Exclude<ViewerRef, null>): RawBuilder<number> {
  return typeof viewer === 'number' ? sql<number>`${viewer}::bigint` : sql<number>`${sql.ref(viewer.viewerColumn)}`;
}

/** `groupIdColumn` is the content's group column, e.g. 'events.group_id'. */
export function groupContentVisibleSql(groupIdColumn: string, viewer: ViewerRef): RawBuilder<boolean> {
  const group = sql.ref(groupIdColumn);
  const isMember =
    viewer === null
      ? sql<boolean>`false`
      : sql<boolean>`exists (select 1 from group_members gm where gm.group_id = ${group}
          and gm.user_id = ${viewerIdSql(viewer)})`;
  // A scalar lookup per row (by primary key, only for rows that have a group) rather than an
  // EXISTS, which the planner likes to turn into a hash of every public group built per query.
  return sql<boolean>`(${group} is null
    or (select gv.visibility from groups gv where gv.id = ${group}) = 'public'
    or ${isMember})`;
}
