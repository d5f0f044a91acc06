import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';
import { createEvent, readEvent, rsvp } from '../helpers/events.js';
import { createUsers, type TestUser } from '../helpers/users.js';

// A real pool on PostGIS, so the concurrent RSVPs below really run side by side.
const t = useTestApp({}, { poolSize: 20 });
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

async function answer(user: TestUser, eventId: number, status: 'going' | 'not_going') {
  const response = await rsvp(t.app, user, eventId, status);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as {
    status: string;
    waitlistPosition: number | null;
    going: number;
    waitlisted: number;
    seatsLeft: number | null;
  };
}

async function myRsvp(user: TestUser, eventId: number) {
  return (await readEvent(t.app, eventId, user)).myRsvp;
}

/** Every RSVP of the event with its waitlist position, in arrival order. */
async function waitlist(eventId: number): Promise<number[]> {
  const response = await t.app.inject(`/api/events/${eventId}/attendees?status=waitlisted&limit=200`);
  return response.json().attendees.map((a: { user: { id: number } }) => a.user.id);
}

describe('PUT /api/events/:id/rsvp', () => {
  it('gives seats, then waitlists in arrival order, and promotes the first waitlisted when a seat frees', async () => {
    const [organizer, a, b, c, d] = (await createUsers(t.app, t.db, 5)) as TestUser[];
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 2 });
    expect(await answer(a!, event.id, 'going')).toEqual({
      status: 'going',
      waitlistPosition: null,
      going: 1,
      waitlisted: 0,
      seatsLeft: 1,
    });
    expect((await answer(b!, event.id, 'going')).seatsLeft).toBe(0);
    expect(await answer(c!, event.id, 'going')).toEqual({
      status: 'waitlisted',
      waitlistPosition: 1,
      going: 2,
      waitlisted: 1,
      seatsLeft: 0,
    });
    expect((await answer(d!, event.id, 'going')).waitlistPosition).toBe(2);

    // Repeating an answer changes nothing, and keeps the place in the queue.
    expect((await answer(c!, event.id, 'going')).waitlistPosition).toBe(1);
    expect((await answer(a!, event.id, 'going')).status).toBe('going');

    expect(await answer(a!, event.id, 'not_going')).toMatchObject({
      status: 'not_going',
      waitlistPosition: null,
      going: 2,
      waitlisted: 1,
    });
    expect(await myRsvp(c!, event.id)).toEqual({ status: 'going', waitlistPosition: null });
    expect(await myRsvp(d!, event.id)).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await readEvent(t.app, event.id)).toMatchObject({ going: 2, waitlisted: 1, seatsLeft: 0 });

    // Coming back after cancelling joins the back of the queue.
    expect(await answer(a!, event.id, 'going')).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await answer(a!, event.id, 'not_going')).toMatchObject({ status: 'not_going', waitlisted: 1 });
    expect((await answer(a!, event.id, 'not_going')).status).toBe('not_going');
  });

  it('moves everyone behind up when a waitlisted person drops out', async () => {
    const [organizer, seat, ...queue] = (await createUsers(t.app, t.db, 5)) as TestUser[];
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 1 });
    await answer(seat!, event.id, 'going');
    for (const user of queue) await answer(user, event.id, 'going');
    expect(await waitlist(event.id)).toEqual(queue.map((u) => u.id));
    await answer(queue[1]!, event.id, 'not_going');
    expect(await myRsvp(queue[2]!, event.id)).toEqual({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await waitlist(event.id)).toEqual([queue[0]!.id, queue[2]!.id]);
  });

  it('never limits a meetup without capacity', async () => {
    const users = await createUsers(t.app, t.db, 6);
    const event = await createEvent(t.app, users[0]!, kreuzberg);
    for (const user of users) expect((await answer(user, event.id, 'going')).status).toBe('going');
    expect(await readEvent(t.app, event.id)).toMatchObject({ capacity: null, going: 6, seatsLeft: null });
  });

  it('promotes from the waitlist in order when capacity is raised, and drops no one when it is lowered', async () => {
    const [organizer, ...guests] = (await createUsers(t.app, t.db, 7)) as TestUser[];
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 2 });
    for (const guest of guests) await answer(guest, event.id, 'going');
    const patch = (payload: Record<string, unknown>) =>
      t.app
        .inject({ method: 'PATCH', url: `/api/events/${event.id}`, headers: organizer!.auth, payload })
        .then((r) => r.json());

    expect(await patch({ capacity: 4 })).toMatchObject({ capacity: 4, going: 4, waitlisted: 2, seatsLeft: 0 });
    expect(await myRsvp(guests[3]!, event.id)).toEqual({ status: 'going', waitlistPosition: null });
    expect(await myRsvp(guests[4]!, event.id)).toEqual({ status: 'waitlisted', waitlistPosition: 1 });

    expect(await patch({ capacity: 1 })).toMatchObject({ capacity: 1, going: 4, waitlisted: 2, seatsLeft: 0 });
    // Over capacity: a seat given back does not promote anyone until going < capacity.
    await answer(guests[0]!, event.id, 'not_going');
    expect(await readEvent(t.app, event.id)).toMatchObject({ going: 3, waitlisted: 2 });

    expect(await patch({ capacity: null })).toMatchObject({ capacity: null, going: 5, waitlisted: 0, seatsLeft: null });
  });

  it('answers 409 for meetups that are cancelled or over, 404 for missing ones, 401 and 400 for bad requests', async () => {
    const [organizer, guest] = (await createUsers(t.app, t.db, 2)) as TestUser[];
    const cancelled = await createEvent(t.app, organizer!, kreuzberg);
    await t.app.inject({ method: 'DELETE', url: `/api/events/${cancelled.id}`, headers: organizer!.auth });
    const refused = await rsvp(t.app, guest!, cancelled.id, 'going');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('event_cancelled');

    const past = await createEvent(t.app, organizer!, kreuzberg);
    await sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ${past.id}`.execute(
      t.db,
    );
    const late = await rsvp(t.app, guest!, past.id, 'going');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('event_past');

    expect((await rsvp(t.app, guest!, 987654, 'going')).statusCode).toBe(404);
    const open = await createEvent(t.app, organizer!, kreuzberg);
    expect(
      (await t.app.inject({ method: 'PUT', url: `/api/events/${open.id}/rsvp`, payload: { status: 'going' } }))
        .statusCode,
    ).toBe(401);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/events/${open.id}/rsvp`,
      headers: guest!.auth,
      payload: { status: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('status');
  });

  it('lists who is going and the waitlist with positions, in pages', async () => {
    const [organizer, ...guests] = (await createUsers(t.app, t.db, 6)) as TestUser[];
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 2 });
    for (const guest of guests) await answer(guest, event.id, 'going');
    const going = (await t.app.inject(`/api/events/${event.id}/attendees`)).json();
    expect(going.attendees.map((a: { user: { id: number }; status: string }) => [a.user.id, a.status])).toEqual([
      [guests[0]!.id, 'going'],
      [guests[1]!.id, 'going'],
    ]);
    const first = (await t.app.inject(`/api/events/${event.id}/attendees?status=waitlisted&limit=2`)).json();
    expect(first.attendees.map((a: { waitlistPosition: number }) => a.waitlistPosition)).toEqual([1, 2]);
    const second = (
      await t.app.inject(
        `/api/events/${event.id}/attendees?status=waitlisted&limit=2&cursor=${encodeURIComponent(first.nextCursor)}`,
      )
    ).json();
    expect(second.attendees).toEqual([
      {
        user: { id: guests[4]!.id, displayName: guests[4]!.displayName },
        status: 'waitlisted',
        waitlistPosition: 3,
        respondedAt: expect.any(String),
      },
    ]);
    expect(second.nextCursor).toBeNull();
  });
});

describe(`RSVPs under concurrency (${TEST_DB_KIND})`, () => {
  it('seats exactly 10 of 200 simultaneous RSVPs, waitlists 190 at positions 1..190, and promotes in order', async () => {
    const [organizer, ...guests] = await createUsers(t.app, t.db, 201);
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 10 });

    const answers = await Promise.all(guests.map((guest) => rsvp(t.app, guest, event.id, 'going')));
    expect(answers.filter((a) => a.statusCode >= 500)).toEqual([]);
    expect(answers.every((a) => a.statusCode === 200)).toBe(true);
    const bodies = answers.map((a) => a.json() as { status: string; waitlistPosition: number | null });
    expect(bodies.filter((b) => b.status === 'going')).toHaveLength(10);
    const positions = bodies.filter((b) => b.status === 'waitlisted').map((b) => b.waitlistPosition!);
    expect(positions).toHaveLength(190);
    expect([...positions].sort((x, y) => x - y)).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
    expect(await readEvent(t.app, event.id)).toMatchObject({ going: 10, waitlisted: 190, seatsLeft: 0 });

    // Each person's own view agrees with the answer they were given.
    const byPosition = new Map<number, TestUser>();
    bodies.forEach((body, index) => body.waitlistPosition && byPosition.set(body.waitlistPosition, guests[index]!));
    expect(await waitlist(event.id)).toEqual(Array.from({ length: 190 }, (_, i) => byPosition.get(i + 1)!.id));

    // Cancellations, one after another: the first waitlisted gets each freed seat.
    const seated = guests.filter((_, index) => bodies[index]!.status === 'going');
    for (const [i, leaving] of seated.slice(0, 3).entries()) {
      await answer(leaving, event.id, 'not_going');
      expect(await myRsvp(byPosition.get(i + 1)!, event.id)).toEqual({ status: 'going', waitlistPosition: null });
      expect(await myRsvp(byPosition.get(i + 2)!, event.id)).toEqual({ status: 'waitlisted', waitlistPosition: 1 });
    }

    // Cancellations all at once: the next five in line, no more, no gaps.
    const cancels = await Promise.all(seated.slice(3, 8).map((leaving) => rsvp(t.app, leaving, event.id, 'not_going')));
    expect(cancels.map((c) => c.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(await readEvent(t.app, event.id)).toMatchObject({ going: 10, waitlisted: 182, seatsLeft: 0 });
    for (let position = 4; position <= 8; position++) {
      expect(await myRsvp(byPosition.get(position)!, event.id)).toEqual({ status: 'going', waitlistPosition: null });
    }
    expect(await waitlist(event.id)).toEqual(Array.from({ length: 182 }, (_, i) => byPosition.get(i + 9)!.id));
  });

  it('stays consistent when the same person answers many times at once, and capacity changes meanwhile', async () => {
    const [organizer, ...guests] = await createUsers(t.app, t.db, 41);
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 5 });
    const requests = guests.flatMap((guest, index) => [
      rsvp(t.app, guest, event.id, 'going'),
      rsvp(t.app, guest, event.id, index % 3 === 0 ? 'not_going' : 'going'),
    ]);
    requests.push(
      t.app.inject({
        method: 'PATCH',
        url: `/api/events/${event.id}`,
        headers: organizer!.auth,
        payload: { capacity: 12 },
      }),
    );
    const answers = await Promise.all(requests);
    expect(answers.map((a) => a.statusCode).filter((status) => status !== 200)).toEqual([]);
    const { rows } = await sql<{ status: string; n: number }>`
      select status, count(*)::int as n from event_rsvps where event_id = ${event.id} group by status`.execute(t.db);
    const counts = Object.fromEntries(rows.map((row) => [row.status, row.n]));
    // The invariant: nobody waits while a seat is free.
    expect(counts.going ?? 0).toBeLessThanOrEqual(12);
    if ((counts.waitlisted ?? 0) > 0) expect(counts.going).toBe(12);
    expect((counts.going ?? 0) + (counts.waitlisted ?? 0) + (counts.not_going ?? 0)).toBe(40);
  });
});
