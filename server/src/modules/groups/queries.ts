import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupVisibility } from '../../db/tables/places-and-groups.js';
import { latSql, lngSql, pointSql, type LatLng } from '../../geo/point.js';

type Db = Kysely<Database>;

/** A group's row with its counts and whether the viewer has asked to join; undefined when there is none. */
export async function findGroupRow(db: Db, id: number, viewerId: number | null) {
  return db
    .selectFrom('groups')
    .select([
      'id',
      'name',
      'description',
      'visibility',
      'created_at',
      'updated_at',
      latSql('location').as('lat'),
      lngSql('location').as('lng'),
      latSql('public_location').as('public_lat'),
      lngSql('public_location').as('public_lng'),
      sql<number>`(select count(*)::int from group_members m where m.group_id = groups.id)`.as('member_count'),
      sql<number>`(select count(*)::int from group_join_requests q where q.group_id = groups.id)`.as('request_count'),
      sql<boolean>`exists (select 1 from group_join_requests q
        where q.group_id = groups.id and q.user_id = ${viewerId}::bigint)`.as('request_pending'),
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface GroupFields {
  name: string;
  description: string;
  visibility: GroupVisibility;
  location: LatLng;
  /** The point non-members see. */
  publicLocation: LatLng;
}

export async function insertGroup(trx: Db, fields: GroupFields, createdBy: number): Promise<number> {
  const { id } = await trx
    .insertInto('groups')
    .values({
      name: fields.name,
      description: fields.description,
      visibility: fields.visibility,
      location: pointSql(fields.location),
      public_location: pointSql(fields.publicLocation),
      created_by: createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertOwner(trx: Db, groupId: number, userId: number): Promise<void> {
  await trx.insertInto('group_members').values({ group_id: groupId, user_id: userId, role: 'owner' }).execute();
}

/** Locks the group's row for a change and reads what the change builds on. */
export async function lockGroupForChange(trx: Db, id: number) {
  return trx
    .selectFrom('groups')
    .select(['name', 'description', 'visibility', latSql('location').as('lat'), lngSql('location').as('lng')])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function updateGroup(trx: Db, id: number, fields: GroupFields): Promise<void> {
  await trx
    .updateTable('groups')
    .set({
      updated_at: new Date(),
      name: fields.name,
      description: fields.description,
      visibility: fields.visibility,
      location: pointSql(fields.location),
      public_location: pointSql(fields.publicLocation),
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteGroup(db: Db, id: number): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

export async function groupExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('groups').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
