/**
 * Blocks: a person blocks another, silently. From then on neither sees the other's posts,
 * comments or meetups (policy/moderation.ts `notBlockedSql`, in the shared queries), the blocked
 * person cannot reply to the blocker, and neither hears of the other's doings near home.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { invalidField, notFound } from '../../plugins/errors.js';
import { deleteBlock, insertBlock, listBlocks, userExists } from './queries.js';
import type { BlockedPerson } from './schemas.js';

type Db = Kysely<Database>;

export async function block(db: Db, blockerId: number, blockedId: number): Promise<void> {
  if (blockerId === blockedId) throw invalidField('userId', 'is you: you cannot block yourself', 'params');
  if (!(await userExists(db, blockedId))) throw notFound('This person');
  await insertBlock(db, blockerId, blockedId);
}

export async function unblock(db: Db, blockerId: number, blockedId: number): Promise<void> {
  await deleteBlock(db, blockerId, blockedId);
}

export async function blockedBy(db: Db, blockerId: number): Promise<BlockedPerson[]> {
  return (await listBlocks(db, blockerId)).map((row) => ({
    user: { id: row.id, displayName: row.display_name },
    since: row.created_at.toISOString(),
  }));
}
