/**
 * Deleting an account, for DELETE /api/me. One transaction does all of it, so a failure leaves
 * the account exactly as it was:
 * - groups the person alone owns: deleted when nobody else is in them; when others are, the
 *   deletion is refused (409 last_owner, naming the groups) until someone else is made owner;
 * - seats they held at upcoming meetups go to the first waitlisted people, as when anyone leaves;
 * - what they wrote is erased the way deleting a post or comment erases it: the text goes, the
 *   discussion under it stays readable;
 * - meetups they organized outside a group are deleted; a group's meetups stay with the group;
 * - places they added stay on the map (they are shared venues) without their name;
 * - memberships, join requests and RSVPs go with the account row (ON DELETE CASCADE).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict } from '../../plugins/errors.js';
import { lockEvent } from '../events/queries.js';
import { fillSeats } from '../events/rsvp.js';
import { eraseWritingOf } from '../posts/queries.js';

type Db = Kysely<Database>;

/** Locks (FOR UPDATE, as joining and leaving do) the groups where this person is the only owner. */
async function lockSoleOwnedGroups(trx: Db, userId: number) {
  const { rows } = await sql<{ id: number; name: string; others: number }>`
    select g.id, g.name,
           (select count(*)::int from group_members o where o.group_id = g.id and o.user_id <> ${userId}::bigint) as others
    from groups g
    join group_members me on me.group_id = g.id and me.user_id = ${userId}::bigint and me.role = 'owner'
    where not exists (select 1 from group_members o
                      where o.group_id = g.id and o.role = 'owner' and o.user_id <> ${userId}::bigint)
    order by g.id
    for update of g`.execute(trx);
  return rows;
}

/** Leaves every upcoming seat, in event id order so concurrent deletions lock in one order. */
async function releaseSeats(trx: Db, userId: number): Promise<void> {
  const held = await trx
    .selectFrom('event_rsvps as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select('e.id')
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'going')
    .where('e.status', '=', 'scheduled')
    .where('e.ends_at', '>', sql<Date>`now()`)
    .orderBy('e.id')
    .execute();
  for (const { id } of held) {
    const event = await lockEvent(trx, id, userId);
    if (!event) continue;
    await trx.deleteFrom('event_rsvps').where('event_id', '=', id).where('user_id', '=', userId).execute();
    await fillSeats(trx, event);
  }
}

export async function deleteAccount(db: Db, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const owned = await lockSoleOwnedGroups(trx, userId);
    const shared = owned.filter((group) => group.others > 0);
    if (shared.length > 0) {
      throw conflict(
        'last_owner',
        'You are the only owner of groups with other members: make someone else owner of each, or delete them, first.',
        { groups: shared.map(({ id, name }) => ({ id, name })) },
      );
    }
    if (owned.length > 0) {
      await trx
        .deleteFrom('groups')
        .where(
          'id',
          'in',
          owned.map((group) => group.id),
        )
        .execute();
    }

    await releaseSeats(trx, userId);

    await eraseWritingOf(trx, userId);
    await trx.deleteFrom('events').where('organizer_id', '=', userId).where('group_id', 'is', null).execute();

    await trx.deleteFrom('users').where('id', '=', userId).execute();
  });
}
