/**
 * RSVPs, seats and the waitlist. Every change to one event's RSVPs is made while its row is
 * locked (`lockEvent`, SELECT … FOR UPDATE), so seats are counted and handed out one request at a
 * time however many arrive together, and a freed seat goes to the first waitlisted person in the
 * same transaction that freed it. Waitlist positions are counted from each RSVP's arrival number
 * (a sequence value taken under the lock), never stored, so they cannot drift or repeat.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RsvpStatus } from '../../db/tables/events.js';
import { conflict, notFound } from '../../plugins/errors.js';
import { lockEvent } from './queries.js';
import type { RsvpAnswer } from './schemas.js';

type Db = Kysely<Database>;

export type WantedRsvp = 'going' | 'not_going';

async function countGoing(trx: Db, eventId: number): Promise<number> {
  const { n } = await trx
    .selectFrom('event_rsvps')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('event_id', '=', eventId)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow();
  return n;
}

/** Records the answer with a new arrival number (it joins the back of whatever queue it enters). */
async function record(trx: Db, eventId: number, userId: number, status: RsvpStatus): Promise<void> {
  await sql`insert into event_rsvps (event_id, user_id, status, arrival)
    values (${eventId}::bigint, ${userId}::bigint, ${status}, nextval('event_rsvp_arrival'))
    on conflict (event_id, user_id) do update
      set status = excluded.status, arrival = excluded.arrival, updated_at = now()`.execute(trx);
}

/** Gives free seats to the waitlist in arrival order. Call with the event's row locked. */
export async function fillSeats(trx: Db, event: { id: number; capacity: number | null }): Promise<void> {
  let free: number | null = null;
  if (event.capacity !== null) {
    free = event.capacity - (await countGoing(trx, event.id));
    if (free <= 0) return;
  }
  const first = sql`select w.user_id from event_rsvps w
    where w.event_id = ${event.id}::bigint and w.status = 'waitlisted'
    order by w.arrival ${free === null ? sql`` : sql`limit ${free}::int`}`;
  await sql`update event_rsvps set status = 'going', updated_at = now()
    where event_id = ${event.id}::bigint and user_id in (${first})`.execute(trx);
}

/**
 * Applies one person's answer to a locked event. Repeating an answer changes nothing (a
 * waitlisted person asking again keeps their place); "going" takes a free seat or joins the back
 * of the waitlist; leaving a seat hands it to the first waitlisted person.
 */
export async function applyRsvp(
  trx: Db,
  event: { id: number; capacity: number | null },
  userId: number,
  wanted: WantedRsvp,
): Promise<void> {
  const current = await trx
    .selectFrom('event_rsvps')
    .select('status')
    .where('event_id', '=', event.id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (wanted === 'going') {
    if (current?.status === 'going' || current?.status === 'waitlisted') return;
    const seat = event.capacity === null || (await countGoing(trx, event.id)) < event.capacity;
    await record(trx, event.id, userId, seat ? 'going' : 'waitlisted');
    return;
  }
  if (current?.status === 'not_going') return;
  await record(trx, event.id, userId, 'not_going');
  if (current?.status === 'going') await fillSeats(trx, event);
}

/** The person's RSVP and the event's counts as they stand inside the transaction. */
export async function rsvpAnswer(
  trx: Db,
  event: { id: number; capacity: number | null },
  userId: number,
): Promise<RsvpAnswer> {
  const { rows } = await sql<{ going: number; waitlisted: number; status: RsvpStatus | null; position: number | null }>`
    select
      (select count(*)::int from event_rsvps r where r.event_id = ${event.id}::bigint and r.status = 'going') as going,
      (select count(*)::int from event_rsvps r where r.event_id = ${event.id}::bigint and r.status = 'waitlisted') as waitlisted,
      me.status,
      case when me.status = 'waitlisted' then
        (select count(*)::int from event_rsvps w
          where w.event_id = me.event_id and w.status = 'waitlisted' and w.arrival <= me.arrival)
      end as position
    from (select 1) one
    left join event_rsvps me on me.event_id = ${event.id}::bigint and me.user_id = ${userId}::bigint`.execute(trx);
  const row = rows[0]!;
  return {
    status: row.status ?? 'not_going',
    waitlistPosition: row.position,
    going: row.going,
    waitlisted: row.waitlisted,
    seatsLeft: event.capacity === null ? null : Math.max(0, event.capacity - row.going),
  };
}

/** PUT /api/events/:id/rsvp, all in one transaction holding the event's lock. */
export async function rsvp(db: Db, eventId: number, userId: number, wanted: WantedRsvp): Promise<RsvpAnswer> {
  return db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId, userId);
    if (!event) throw notFound('This meetup');
    if (event.status === 'cancelled')
      throw conflict('event_cancelled', 'This meetup was cancelled, so it takes no RSVPs.');
    if (event.past) throw conflict('event_past', 'This meetup is over, so it takes no RSVPs.');
    await applyRsvp(trx, event, userId, wanted);
    return rsvpAnswer(trx, event, userId);
  });
}
