import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { latSql, lngSql, pointSql } from '../../geo/point.js';
import type { CreatePlaceBody, Place, UpdatePlaceBody } from './schemas.js';

type Db = Kysely<Database>;

export async function findPlace(db: Db, id: number): Promise<Omit<Place, 'media'> | undefined> {
  const row = await db
    .selectFrom('places')
    .leftJoin('users', 'users.id', 'places.created_by')
    .select([
      'places.id',
      'places.name',
      'places.kind',
      'places.address',
      'places.description',
      'places.tags',
      'places.created_at',
      'places.updated_at',
      'places.created_by',
      'users.display_name as creator_name',
      latSql('places.location').as('lat'),
      lngSql('places.location').as('lng'),
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
    createdBy:
      row.created_by !== null && row.creator_name !== null
        ? { id: row.created_by, displayName: row.creator_name }
        : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function placeCreator(db: Db, id: number): Promise<{ created_by: number | null } | undefined> {
  return db.selectFrom('places').select('created_by').where('id', '=', id).executeTakeFirst();
}

export async function insertPlace(db: Db, input: CreatePlaceBody, creatorId: number): Promise<number> {
  const { id } = await db
    .insertInto('places')
    .values({
      name: input.name.trim(),
      kind: input.kind,
      location: pointSql(input.location),
      address: input.address?.trim() || null,
      description: input.description ?? '',
      tags: normaliseTags(input.tags ?? []),
      created_by: creatorId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updatePlace(db: Db, id: number, patch: UpdatePlaceBody): Promise<void> {
  await db
    .updateTable('places')
    .set({
      updated_at: new Date(),
      ...(patch.name === undefined ? {} : { name: patch.name.trim() }),
      ...(patch.kind === undefined ? {} : { kind: patch.kind }),
      ...(patch.location === undefined ? {} : { location: pointSql(patch.location) }),
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
