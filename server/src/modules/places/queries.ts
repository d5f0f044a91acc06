import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { sql } from 'kysely';
import { COARSEN_METERS, coarsen } from '../../geo/coarsen.js';
import { latSql, lngSql, pointSql, type LatLng } from '../../geo/point.js';
import type { CreatePlaceBody, Place, UpdatePlaceBody } from './schemas.js';

type Db = Kysely<Database>;

/**
 * The place as the viewer sees it: a private home only at its area and without its address,
 * except to whoever added it.
 */
export async function findPlace(
  db: Db,
  id: number,
  viewerId: number | null,
): Promise<Omit<Place, 'media'> | undefined> {
  const exact = sql<boolean>`(not places.private_home or places.created_by = ${viewerId}::bigint)`;
  const shown = (of: typeof latSql) =>
    sql<number>`case when ${exact} then ${of('places.location')} else ${of('places.public_location')} end`;
  const row = await db
    .selectFrom('places')
    .leftJoin('users', 'users.id', 'places.created_by')
    .select([
      'places.id',
      'places.name',
      'places.kind',
      sql<string | null>`case when ${exact} then places.address end`.as('address'),
      exact.as('exact'),
      'places.private_home',
      'places.description',
      'places.tags',
      'places.created_at',
      'places.updated_at',
      'places.created_by',
      'users.display_name as creator_name',
      shown(latSql).as('lat'),
      shown(lngSql).as('lng'),
    ])
    .where('places.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    address: row.address,
    description: row.description,
    tags: row.tags,
    location: { lat: row.lat, lng: row.lng },
    privateHome: row.private_home,
    locationPrecisionMeters: row.exact ? null : COARSEN_METERS,
    createdBy:
      row.created_by !== null && row.creator_name !== null
        ? { id: row.created_by, displayName: row.creator_name }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function placeCreator(db: Db, id: number) {
  return db
    .selectFrom('places')
    .select(['created_by', 'private_home', latSql('location').as('lat'), lngSql('location').as('lng')])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPlace(db: Db, input: CreatePlaceBody, creatorId: number): Promise<number> {
  const { id } = await db
    .insertInto('places')
    .values({
      name: input.name.trim(),
      kind: input.kind,
      location: pointSql(input.location),
      private_home: input.privateHome ?? false,
      public_location: pointSql(publicPoint(input.location, input.privateHome ?? false)),
      address: input.address?.trim() || null,
      description: input.description ?? '',
      tags: normaliseTags(input.tags ?? []),
      created_by: creatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Where lists show a place: a private home at its grid cell's point (geo/coarsen.ts). */
function publicPoint(location: LatLng, privateHome: boolean): LatLng {
  return privateHome ? coarsen(location) : location;
}

/** `where` carries the point and privacy together whenever either changes. */
export async function updatePlace(
  db: Db,
  id: number,
  patch: UpdatePlaceBody,
  where?: { location: LatLng; privateHome: boolean },
): Promise<void> {
  await db
    .updateTable('places')
    .set({
      updated_at: new Date(),
      ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
      ...(patch.kind === undefined ? {} : { kind: patch.kind }),
      ...(where === undefined
        ? {}
        : {
            location: pointSql(where.location),
            private_home: where.privateHome,
            public_location: pointSql(publicPoint(where.location, where.privateHome)),
          }),
      ...(patch.address === undefined ? {} : { address: patch.address.trim() || null }),
      ...(patch.description === undefined ? {} : { description: patch.description }),
      ...(patch.tags === undefined ? {} : { tags: normaliseTags(patch.tags) }),
    })
    .where('id', '=', id)
    .execute();
}

export async function deletePlace(db: Db, id: number): Promise<void> {
  await db.deleteFrom('places').where('id', '=', id).execute();
}

/** Tags are matched case-insensitively, so they are stored trimmed, lower-cased and once each. */
function normaliseTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter(Boolean))];
}
