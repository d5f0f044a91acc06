/**
 * Sessions (migration 0020): the queries the auth plugin runs on every signed-in request, and
 * those the accounts feature runs to list and end them. A token is good only while its session
 * is neither revoked nor expired.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

export interface NewSession {
  id: string;
  userId: number;
  userAgent: string;
  expiresAt: Date;
}

export async function insertSessions(db: Db, sessions: NewSession[]): Promise<void> {
  if (sessions.length === 0) return;
  await db
    .insertInto('sessions')
    .values(
      sessions.map((session) => ({
        id: session.id,
        user_id: session.userId,
        user_agent: session.userAgent,
        expires_at: session.expiresAt,
      })),
    )
    .execute();
}

/** The person behind a live session, and when the session was last seen (to refresh it now and then). */
export async function findSessionViewer(db: Db, sessionId: string, userId: number) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'users.id',
      'users.display_name',
      'users.email',
      'users.is_admin',
      'users.suspended_until',
      'sessions.last_seen_at',
    ])
    .where('sessions.id', '=', sessionId)
    .where('sessions.user_id', '=', userId)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` })
    .where('id', '=', sessionId)
    .execute();
}

/** A person's live sessions, newest first. */
export async function listSessions(db: Db, userId: number) {
  return db
    .selectFrom('sessions')
    .select(['id', 'user_agent', 'created_at', 'last_seen_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .orderBy('last_seen_at', 'desc')
    .orderBy('id')
    .limit(200)
    .execute();
}

/** Ends one of a person's sessions; false when it is not theirs or already ended. */
export async function revokeSession(db: Db, userId: number, sessionId: string): Promise<boolean> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('id', '=', sessionId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Ends every session of a person, but `keep` when given; answers how many ended. */
export async function revokeSessions(db: Db, userId: number, keep?: string): Promise<number> {
  let query = db
    .updateTable('sessions')
    .set({ revoked_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keep !== undefined) query = query.where('id', '<>', keep);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Forgets sessions that ended more than a day ago. */
export async function deleteEndedSessions(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<', sql<Date>`now() - interval '1 day'`),
        eb('revoked_at', '<', sql<Date>`now() - interval '1 day'`),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
