/** The lookups access rules need from the database. */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { GroupRole } from '../db/tables/places-and-groups.js';

type Db = Kysely<Database>;

/**
 * The person's role in the group, or null when they are not a member (or nobody is signed in).
 * `lock: 'share'` holds the membership row until the transaction ends, so a concurrent role
 * change waits for whatever the role allowed.
 */
export async function findGroupRole(
  db: Db,
  groupId: number,
  userId: number | null,
  lock?: 'share',
): Promise<GroupRole | null> {
  if (userId === null) return null;
  let select = db
    .selectFrom('group_members')
    .select('role')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId);
  if (lock === 'share') select = select.forShare();
  const row = await select.executeTakeFirst();
  return row?.role ?? null;
}

/**
 * When the person joined the group (their current membership), or null when they are not a
 * member. Calendar keys carry it, so a key given out before someone was removed does not work
 * again if they are let back in.
 */
export async function findMembershipStart(db: Db, groupId: number, userId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('group_members')
    .select('joined_at')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.joined_at ?? null;
}
