/**
 * The SQL of RSVPs, seats and the waitlist. Callers hold the event's row lock (queries.ts
 * `lockEvent`) around every change, see rsvp-service.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RsvpStatus } from '../../db/tables/events.js';

type Db = Kysely<Database>;

export async function countGoing(trx: Db, eventId: number): Promise<number> {
  const { n } = await trx
    .selectFrom('event_rsvps')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow();
  return n;
}

export async function findRsvpStatus(trx: Db, eventId: number, userId: number): Promise<RsvpStatus | undefined> {
  const row = await trx
    .selectFrom('event_rsvps')
    .select('status')
    .where('event_id', '=', eventId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.status;
}

/** Records the answer with a new arrival number (it joins the back of whatever queue it enters). */
export async function recordRsvp(trx: Db, eventId: number, userId: number, status: RsvpStatus): Promise<void> {
  await sql`insert into event_rsvps (event_id, user_id, status, arrival)
    values (${eventId}::bigint, ${userId}::bigint, ${status}, nextval('event_rsvp_arrival'))
    on conflict (event_id, user_id) do update
      set status = excluded.status, arrival = excluded.arrival, updated_at = now()`.execute(trx);
}

/** Gives seats to the first `seats` waitlisted people in arrival order (all of them for null); returns who got one. */
export async function promoteWaitlisted(trx: Db, eventId: number, seats: number | null): Promise<number[]> {
  const first = sql`select w.user_id from event_rsvps w
    where w.event_id = ${eventId}::bigint and w.status = 'waitlisted'
    order by w.arrival ${seats === null ? sql`` : sql`limit ${seats}::int`}`;
  const { rows } = await sql<{ user_id: number }>`update event_rsvps set status = 'going', updated_at = now()
    where event_id = ${eventId}::bigint and user_id in (${first})
    returning user_id`.execute(trx);
  return rows.map((row) => row.user_id);
}

export async function deleteRsvp(trx: Db, eventId: number, userId: number): Promise<void> {
  await trx.deleteFrom('event_rsvps').where('event_id', '=', eventId).where('user_id', '=', userId).execute();
}

/** The event's counts, and the person's answer and waitlist position, as they stand in the transaction. */
export async function findRsvpCounts(trx: Db, eventId: number, userId: number) {
  const { rows } = await sql<{ going: number; waitlisted: number; status: RsvpStatus | null; position: number | null }>`
    select
      (select count(*)::int from event_rsvps r where r.event_id = ${eventId}::bigint and r.status = 'going') as going,
      (select count(*)::int from event_rsvps r where r.event_id = ${eventId}::bigint and r.status = 'waitlisted') as waitlisted,
      me.status,
      case when me.status = 'waitlisted' then
        (select count(*)::int from event_rsvps w
          where w.event_id = me.event_id and w.status = 'waitlisted' and w.arrival <= me.arrival)
      end as position
    from (select 1) one
    left join event_rsvps me on me.event_id = ${eventId}::bigint and me.user_id = ${userId}::bigint`.execute(trx);
  return rows[0]!;
}

/** Upcoming, scheduled meetups where the person holds a seat, in event id order. */
export async function findHeldSeats(trx: Db, userId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('event_rsvps as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select('e.id')
    .where('r.user_id', '=', userId)
    .where('r.status', '=', 'going')
    .where('e.status', '=', 'scheduled')
    .where('e.ends_at', '>', sql<Date>`now()`)
    .orderBy('e.id')
    .execute();
  return rows.map((row) => row.id);
}
