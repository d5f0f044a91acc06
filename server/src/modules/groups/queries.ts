import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupRole, GroupVisibility } from '../../db/tables/geo.js';
import { coarsen, COARSEN_METERS } from '../../geo/coarsen.js';
import { latSql, lngSql, pointSql, type LatLng } from '../../geo/point.js';
import type { CreateGroupBody, Group, UpdateGroupBody } from './schemas.js';

type Db = Kysely<Database>;

/** The point non-members see: exact for public groups, snapped to the privacy grid otherwise. */
function publicPoint(location: LatLng, visibility: GroupVisibility): LatLng {
  return visibility === 'private' ? coarsen(location) : location;
}

export async function roleOf(db: Db, groupId: number, userId: number | null): Promise<GroupRole | null> {
  if (userId === null) return null;
  const row = await db
    .selectFrom('group_members')
    .select('role')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role ?? null;
}

export async function findGroup(
  db: Db,
  id: number,
  viewerId: number | null,
): Promise<Omit<Group, 'calendarUrl'> | undefined> {
  const row = await db
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
  if (!row) return undefined;
  const myRole = await roleOf(db, id, viewerId);
  const answersRequests = myRole === 'owner' || myRole === 'organizer';
  const exact = row.visibility === 'public' || myRole !== null;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    location: exact
      ? { lat: row.lat, lng: row.lng, precisionMeters: 0 }
      : { lat: row.public_lat, lng: row.public_lng, precisionMeters: COARSEN_METERS },
    memberCount: row.member_count,
    myRole,
    requestPending: row.request_pending,
    pendingRequests: answersRequests ? row.request_count : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Creates the group and makes its creator the owner, together or not at all. */
export async function insertGroup(db: Db, input: CreateGroupBody, ownerId: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('groups')
      .values({
        name: input.name.trim(),
        description: input.description,
        visibility: input.visibility,
        location: pointSql(input.location),
        public_location: pointSql(publicPoint(input.location, input.visibility)),
        created_by: ownerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx.insertInto('group_members').values({ group_id: id, user_id: ownerId, role: 'owner' }).execute();
    return id;
  });
}

export async function updateGroup(db: Db, id: number, patch: UpdateGroupBody): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('groups')
      .select(['visibility', latSql('location').as('lat'), lngSql('location').as('lng')])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const location = patch.location ?? { lat: current.lat, lng: current.lng };
    const visibility = patch.visibility ?? current.visibility;
    await trx
      .updateTable('groups')
      .set({
        updated_at: new Date(),
        ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        visibility,
        location: pointSql(location),
        public_location: pointSql(publicPoint(location, visibility)),
      })
      .where('id', '=', id)
      .execute();
  });
}

export async function deleteGroup(db: Db, id: number): Promise<void> {
  await db.deleteFrom('groups').where('id', '=', id).execute();
}

export async function groupExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('groups').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}
