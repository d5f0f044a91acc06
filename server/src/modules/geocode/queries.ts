/** The geocoder's shared cache and request turns (migration 0150). */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

type Db = Kysely<Database>;

/** A cached answer that has not expired, or undefined. */
export async function readAnswer(db: Db, key: string): Promise<unknown> {
  const row = await db
    .selectFrom('geocoder_answers')
    .select('answer')
    .where('key', '=', key)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.answer;
}

/** Keeps an answer for `ttlMs`, replacing an older one under the same key. */
export async function storeAnswer(db: Db, key: string, answer: unknown, ttlMs: number): Promise<void> {
  const value = JSON.stringify(answer);
  const expiresAt = sql<Date>`now() + ${ttlMs} * interval '1 millisecond'`;
  await db
    .insertInto('geocoder_answers')
    .values({ key, answer: sql`${value}::jsonb`, expires_at: expiresAt })
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({ answer: sql`excluded.answer`, expires_at: sql`excluded.expires_at` }),
    )
    .execute();
}

/** Deletes expired answers (any process may; each does so now and then). */
export async function deleteExpiredAnswers(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('geocoder_answers')
    .where('expires_at', '<=', sql<Date>`now()`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Takes the next turn to send a request to `service`, turns being `intervalMs` apart, and answers
 * how many milliseconds to wait for it. One statement, so that processes asking at once get
 * different turns. When the next free turn is more than `maxWaitMs` away no turn is taken and the
 * answer is null: the caller does without the service. Times are the database's clock, so the
 * processes' clocks need not agree.
 */
export async function takeTurn(db: Db, service: string, intervalMs: number, maxWaitMs: number): Promise<number | null> {
  const { rows } = await sql<{ wait_ms: number }>`
    insert into geocoder_turns as t (service, next_at)
    values (${service}, clock_timestamp() + ${intervalMs} * interval '1 millisecond')
    on conflict (service) do update
      set next_at = greatest(t.next_at, clock_timestamp()) + ${intervalMs} * interval '1 millisecond'
      where t.next_at <= clock_timestamp() + ${maxWaitMs} * interval '1 millisecond'
    returning greatest(0, ceil(extract(epoch from next_at - clock_timestamp()) * 1000) - ${intervalMs})::int as wait_ms`.execute(
    db,
  );
  return rows[0]?.wait_ms ?? null;
}
