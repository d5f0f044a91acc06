import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { isUniqueViolation } from '../../db/errors.js';
import { coarsen, COARSEN_METERS } from '../../geo/coarsen.js';
import { latSql, lngSql, pointSql, type LatLng } from '../../geo/point.js';
import type { Me, PublicUser, UpdateMeBody } from './schemas.js';

type Db = Kysely<Database>;

function meColumns(db: Db) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'bio', 'created_at'])
    .select([latSql('home_location').as('home_lat'), lngSql('home_location').as('home_lng')]);
}

type MeRow = Awaited<ReturnType<ReturnType<typeof meColumns>['executeTakeFirstOrThrow']>>;

function toMe(row: MeRow): Me {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    bio: row.bio,
    homeLocation:
      row.home_lat === null || row.home_lng === null
        ? null
        : { ...coarsen({ lat: row.home_lat, lng: row.home_lng }), precisionMeters: COARSEN_METERS },
    createdAt: row.created_at.toISOString(),
  };
}

/** Creates the account; null when the email is taken (checked by the unique index, race-free). */
export async function insertUser(
  db: Db,
  input: { email: string; passwordHash: string; displayName: string },
): Promise<Me | null> {
  try {
    const { id } = await db
      .insertInto('users')
      .values({ email: input.email, password_hash: input.passwordHash, display_name: input.displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    return (await findMe(db, id))!;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function findCredentials(db: Db, email: string) {
  return db.selectFrom('users').select(['id', 'password_hash']).where('email', '=', email).executeTakeFirst();
}

export async function findPasswordHash(db: Db, id: number): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

export async function findMe(db: Db, id: number): Promise<Me | undefined> {
  const row = await meColumns(db).where('id', '=', id).executeTakeFirst();
  return row && toMe(row);
}

export async function updateMe(db: Db, id: number, patch: UpdateMeBody): Promise<Me | undefined> {
  const home = patch.homeLocation;
  await db
    .updateTable('users')
    .set({
      updated_at: new Date(),
      ...(patch.displayName === undefined ? {} : { display_name: patch.displayName }),
      ...(patch.bio === undefined ? {} : { bio: patch.bio }),
      ...(home === undefined ? {} : { home_location: home === null ? null : pointSql(home as LatLng) }),
    })
    .where('id', '=', id)
    .execute();
  return findMe(db, id);
}

/** What anyone may see of a person: never their email or home. */
export async function findPublicUser(db: Db, id: number): Promise<PublicUser | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'bio', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row && { id: row.id, displayName: row.display_name, bio: row.bio, createdAt: row.created_at.toISOString() };
}
