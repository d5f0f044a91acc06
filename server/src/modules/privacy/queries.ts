/** The SQL of exporting and deleting one person's data. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { latSql, lngSql } from '../../geo/point.js';

type Db = Kysely<Database>;

/** Everything one person put in, list by list (call inside one repeatable-read transaction). */
export async function findExportRows(trx: Db, userId: number) {
  return {
    memberships: await trx
      .selectFrom('group_members as m')
      .innerJoin('groups as g', 'g.id', 'm.group_id')
      .select(['g.id', 'g.name', 'm.role', 'm.joined_at'])
      .where('m.user_id', '=', userId)
      .orderBy('m.joined_at')
      .execute(),
    joinRequests: await trx
      .selectFrom('group_join_requests as r')
      .innerJoin('groups as g', 'g.id', 'r.group_id')
      .select(['g.id', 'g.name', 'r.message', 'r.created_at'])
      .where('r.user_id', '=', userId)
      .orderBy('r.created_at')
      .execute(),
    rsvps: await trx
      .selectFrom('event_rsvps as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select(['e.id', 'e.title', 'e.starts_at', 'r.status', 'r.updated_at'])
      .where('r.user_id', '=', userId)
      .orderBy('e.starts_at')
      .execute(),
    groups: await trx
      .selectFrom('groups')
      .select(['id', 'name', 'description', 'visibility', 'created_at'])
      .select([latSql('location').as('lat'), lngSql('location').as('lng')])
      .where('created_by', '=', userId)
      .orderBy('id')
      .execute(),
    places: await trx
      .selectFrom('places')
      .select(['id', 'name', 'kind', 'address', 'private_home', 'description', 'tags', 'created_at'])
      .select([latSql('location').as('lat'), lngSql('location').as('lng')])
      .where('created_by', '=', userId)
      .orderBy('id')
      .execute(),
    // Games they added to the shared list. Which games a group or a place owns is not kept per person.
    games: await trx
      .selectFrom('games')
      .select(['id', 'name', 'min_players', 'max_players', 'play_minutes', 'created_at'])
      .where('created_by', '=', userId)
      .orderBy('id')
      .execute(),
    events: await trx
      .selectFrom('events')
      .select(['id', 'title', 'description', 'starts_at', 'ends_at', 'time_zone', 'status', 'capacity'])
      .select(['group_id', 'place_id', latSql('location').as('lat'), lngSql('location').as('lng')])
      .where('organizer_id', '=', userId)
      .orderBy('starts_at')
      .orderBy('id')
      .execute(),
    posts: await trx
      .selectFrom('posts')
      .select(['id', 'title', 'body', 'group_id', 'place_id', 'created_at', 'edited_at'])
      .select([latSql('location').as('lat'), lngSql('location').as('lng')])
      .where('author_id', '=', userId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
    comments: await trx
      .selectFrom('comments')
      .select(['id', 'post_id', 'event_id', 'parent_id', 'body', 'created_at', 'edited_at'])
      .where('author_id', '=', userId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute(),
  };
}

export async function databaseNow(trx: Db): Promise<Date> {
  return (await sql<{ now: Date }>`select now() as now`.execute(trx)).rows[0]!.now;
}

/** Locks (FOR UPDATE, as joining and leaving do) the groups where this person is the only owner. */
export async function lockSoleOwnedGroups(trx: Db, userId: number) {
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

export async function deleteGroups(trx: Db, ids: number[]): Promise<void> {
  if (ids.length > 0) await trx.deleteFrom('groups').where('id', 'in', ids).execute();
}

export async function deleteUser(trx: Db, userId: number): Promise<void> {
  await trx.deleteFrom('users').where('id', '=', userId).execute();
}
