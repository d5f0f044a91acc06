/**
 * What each role in a group may do. Every rule about group roles reads this table, in code
 * (`roleMay`) and in SQL (`viewerMaySql`), so a new role or a changed right is one edit here.
 */
import { sql, type RawBuilder } from 'kysely';
import type { GroupRole } from '../db/tables/places-and-groups.js';
import type { ViewerRef } from './visibility.js';
import { viewerIdSql } from './visibility.js';

export type { GroupRole };

/** Things a member may do in a group beyond reading and posting. */
export type GroupPermission =
  /** Plan, change and cancel the group's meetups. */
  | 'manage_events'
  /** Remove anyone's posts and comments in the group. */
  | 'moderate_content'
  /** Approve or decline requests to join a private group. */
  | 'answer_join_requests'
  /** Change the group's name, description, visibility and location; delete it. */
  | 'manage_group'
  /** Give members another role. */
  | 'change_roles';

const PERMISSIONS: Record<GroupRole, readonly GroupPermission[]> = {
  owner: ['manage_events', 'moderate_content', 'answer_join_requests', 'manage_group', 'change_roles'],
  organizer: ['manage_events', 'moderate_content', 'answer_join_requests'],
  member: [],
};

/** Whether a member with this role (null: not a member) may do it. */
export function roleMay(role: GroupRole | null | undefined, permission: GroupPermission): boolean {
  return role != null && PERMISSIONS[role].includes(permission);
}

/** The roles that carry a permission, in the order owner, organizer, member. */
function rolesThatMay(permission: GroupPermission): GroupRole[] {
  return (Object.keys(PERMISSIONS) as GroupRole[]).filter((role) => PERMISSIONS[role].includes(permission));
}

/**
 * True when the viewer holds, in the group named by `groupIdColumn`, a role that carries the
 * permission. False for nobody signed in and for content without a group.
 */
export function viewerMaySql(
  groupIdColumn: string,
  viewer: ViewerRef,
  permission: GroupPermission,
): RawBuilder<boolean> {
  if (viewer === null) return sql<boolean>`false`;
  const roles = sql.join(rolesThatMay(permission).map((role) => sql`${role}`));
  return sql<boolean>`exists (select 1 from group_members pm where pm.group_id = ${sql.ref(groupIdColumn)}
    and pm.user_id = ${viewerIdSql(viewer)} and pm.role in (${roles}))`;
}
