import { sql, type Kysely, type RawBuilder } from 'kysely';
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

export async function findAccountByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
}

export async function findAccountById(db: Db, id: number) {
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'password_hash'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updatePasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** When sign-ins for this email are paused, or undefined when they are not. */
export async function findLoginLock(db: Db, email: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('login_failures')
    .select('locked_until')
    .where('email', '=', email)
    .where('locked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.locked_until ?? undefined;
}

/**
 * Counts a failed sign-in for the email, starting afresh after a quiet day, and pauses sign-ins
 * once `free` failures are spent: `firstPauseSeconds`, doubling with each further failure, at
 * most `maxPauseSeconds`. Answers the count and the pause's end.
 */
export async function recordLoginFailure(
  db: Db,
  email: string,
  policy: { free: number; firstPauseSeconds: number; maxPauseSeconds: number },
): Promise<{ failures: number; lockedUntil: Date | null }> {
  const next = sql<number>`case when f.last_failure_at < now() - interval '1 day' then 1 else f.failures + 1 end`;
  const pauseAfter = (failures: RawBuilder<number>) => sql<Date | null>`case when ${failures} >= ${policy.free}
    then now() + least(${policy.maxPauseSeconds}::float8,
      ${policy.firstPauseSeconds}::float8 * power(2, ${failures} - ${policy.free})) * interval '1 second'
    else null end`;
  const { rows } = await sql<{ failures: number; locked_until: Date | null }>`
    insert into login_failures as f (email, failures, last_failure_at, locked_until)
    values (${email}, 1, now(), ${pauseAfter(sql<number>`1`)})
    on conflict (email) do update set
      failures = ${next},
      last_failure_at = now(),
      locked_until = ${pauseAfter(next)}
    returning failures, locked_until`.execute(db);
  const row = rows[0]!;
  return { failures: row.failures, lockedUntil: row.locked_until };
}

export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}

export async function insertPasswordReset(db: Db, reset: { id: string; userId: number; expiresAt: Date }) {
  await db
    .insertInto('password_resets')
    .values({ id: reset.id, user_id: reset.userId, expires_at: reset.expiresAt })
    .execute();
}

/** A reset that has not been used and has not expired, with its account's address. */
export async function findUsablePasswordReset(db: Db, id: string) {
  return db
    .selectFrom('password_resets')
    .innerJoin('users', 'users.id', 'password_resets.user_id')
    .select(['password_resets.id', 'users.id as user_id', 'users.email', 'users.display_name'])
    .where('password_resets.id', '=', id)
    .where('password_resets.used_at', 'is', null)
    .where('password_resets.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Marks the reset used, and every other open one of the account with it; false when already used. */
export async function usePasswordReset(db: Db, id: string, userId: number): Promise<boolean> {
  const result = await db
    .updateTable('password_resets')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .where((eb) => eb.or([eb('id', '=', id), eb('expires_at', '>', sql<Date>`now()`)]))
    .returning('id')
    .execute();
  return result.some((row) => row.id === id);
}

export async function insertPendingRegistration(
  db: Db,
  input: { id: string; email: string; displayName: string; passwordHash: string; expiresAt: Date },
) {
  await db
    .insertInto('pending_registrations')
    .values({
      id: input.id,
      email: input.email,
      display_name: input.displayName,
      password_hash: input.passwordHash,
      expires_at: input.expiresAt,
    })
    .execute();
}

/** A registration whose link has not been used and has not expired. */
export async function findUsablePendingRegistration(db: Db, id: string) {
  return db
    .selectFrom('pending_registrations')
    .select(['id', 'email', 'display_name'])
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

/** Marks the registration used and answers what it holds; undefined when used, expired or unknown. */
export async function usePendingRegistration(db: Db, id: string) {
  return db
    .updateTable('pending_registrations')
    .set({ used_at: sql`now()` })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning(['email', 'display_name', 'password_hash'])
    .executeTakeFirst();
}
