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
