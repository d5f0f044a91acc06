/**
 * RSVPs, seats and the waitlist. Every change to one event's RSVPs is made while its row is
 * locked (`lockEvent`, SELECT … FOR UPDATE), so seats are counted and handed out one request at a
 * time however many arrive together, and a freed seat goes to the first waitlisted person in the
 * same transaction that freed it. Waitlist positions are counted from each RSVP's arrival number
 * (a sequence value taken under the lock), never stored, so they cannot drift or repeat.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict, notFound } from '../../plugins/errors.js';
import { notifyWaitlistPromoted } from '../notifications/index.js';
import { lockEvent } from './queries.js';
import {
  countGoing,
  deleteRsvp,
  findHeldSeats,
  findRsvpCounts,
  findRsvpStatus,
  promoteWaitlisted,
  recordRsvp,
} from './rsvp-queries.js';
import type { RsvpAnswer } from './schemas.js';

type Db = Kysely<Database>;

export type WantedRsvp = 'going' | 'not_going';

/** Gives free seats to the waitlist in arrival order. Call with the event's row locked. */
export async function fillSeats(trx: Db, event: { id: number; capacity: number | null }): Promise<void> {
  let free: number | null = null;
  if (event.capacity !== null) {
    free = event.capacity - (await countGoing(trx, event.id));
    if (free <= 0) return;
  }
  await notifyWaitlistPromoted(trx, event.id, await promoteWaitlisted(trx, event.id, free));
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
  const current = await findRsvpStatus(trx, event.id, userId);
  if (wanted === 'going') {
    if (current === 'going' || current === 'waitlisted') return;
    const seat = event.capacity === null || (await countGoing(trx, event.id)) < event.capacity;
    await recordRsvp(trx, event.id, userId, seat ? 'going' : 'waitlisted');
    return;
  }
  if (current === 'not_going') return;
  await recordRsvp(trx, event.id, userId, 'not_going');
  if (current === 'going') await fillSeats(trx, event);
}

/** The person's RSVP and the event's counts as they stand inside the transaction. */
async function rsvpAnswer(
  trx: Db,
  event: { id: number; capacity: number | null },
  userId: number,
): Promise<RsvpAnswer> {
  const row = await findRsvpCounts(trx, event.id, userId);
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
    // A held meetup is shown to its organizers only; a removed one keeps a placeholder page
    // but takes no new seats (leaving one is still allowed, so nobody is stuck as "going").
    if (!event || (event.moderation_state === 'held' && !event.can_edit)) throw notFound('This meetup');
    if (event.moderation_state === 'removed' && wanted === 'going')
      throw conflict('event_removed', 'Moderators removed this meetup, so it takes no RSVPs.');
    if (event.status === 'cancelled')
      throw conflict('event_cancelled', 'This meetup was cancelled, so it takes no RSVPs.');
    if (event.past) throw conflict('event_past', 'This meetup is over, so it takes no RSVPs.');
    await applyRsvp(trx, event, userId, wanted);
    return rsvpAnswer(trx, event, userId);
  });
}

/**
 * Gives up every upcoming seat the person holds (account deletion), each passing to the first
 * waitlisted person. Events are locked in id order, so concurrent calls lock in one order.
 */
export async function releaseSeatsOf(trx: Db, userId: number): Promise<void> {
  for (const id of await findHeldSeats(trx, userId)) {
    const event = await lockEvent(trx, id, userId);
    if (!event) continue;
    await deleteRsvp(trx, id, userId);
    await fillSeats(trx, event);
  }
}
