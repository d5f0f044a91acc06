import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR, readEvent, rsvp, type EventJson } from '../helpers/events.js';
import { destination } from '../helpers/geo.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };
/** A year that is always ahead, for meetups at fixed dates. */
const YEAR = new Date().getUTCFullYear() + 2;

async function people(count: number): Promise<TestUser[]> {
  return createUsers(t.app, t.db, count);
}

type Who = 'owner' | 'organizer' | 'member' | 'stranger' | 'anonymous';

/** A group with one person in each role, plus someone outside it. */
async function groupCast(visibility: 'public' | 'private' = 'public', at = kreuzberg) {
  const [owner, organizer, member, stranger] = (await people(4)) as [TestUser, TestUser, TestUser, TestUser];
  const group = await createGroup(t.app, owner, at, { visibility: 'public' });
  for (const user of [organizer, member]) {
    const joined = await t.app.inject({ method: 'POST', url: `/api/groups/${group.id}/members`, headers: user.auth });
    expect(joined.statusCode).toBe(201);
  }
  const promoted = await t.app.inject({
    method: 'PATCH',
    url: `/api/groups/${group.id}/members/${organizer.id}`,
    headers: owner.auth,
    payload: { role: 'organizer' },
  });
  expect(promoted.statusCode).toBe(200);
  if (visibility === 'private') {
    await t.app.inject({
      method: 'PATCH',
      url: `/api/groups/${group.id}`,
      headers: owner.auth,
      payload: { visibility },
    });
  }
  const as = (who: Who) => (who === 'anonymous' ? {} : { owner, organizer, member, stranger }[who].auth);
  return { group, owner, organizer, member, stranger, as };
}

describe('POST /api/events', () => {
  it('creates a meetup and reads it back with seats, counts and times in its zone', async () => {
    const [organizer] = await people(1);
    const startsAt = `${YEAR}-01-14T19:00:00+01:00`;
    const created = await createEvent(t.app, organizer!, kreuzberg, {
      title: '  Catan night  ',
      description: 'Bring snacks.',
      startsAt,
      endsAt: `${YEAR}-01-14T22:30:00+01:00`,
      capacity: 8,
      games: [' Catan ', 'catan', 'Azul', '  '],
    });
    expect(created).toMatchObject({
      title: 'Catan night',
      description: 'Bring snacks.',
      startsAt: `${YEAR}-01-14T19:00:00+01:00`,
      endsAt: `${YEAR}-01-14T22:30:00+01:00`,
      timeZone: 'Europe/Berlin',
      location: kreuzberg,
      place: null,
      group: null,
      organizer: { id: organizer!.id, displayName: organizer!.displayName },
      capacity: 8,
      going: 0,
      waitlisted: 0,
      seatsLeft: 8,
      games: ['Catan', 'Azul'],
      status: 'scheduled',
      series: null,
      myRsvp: null,
      canEdit: true,
      url: `/events/${created.id}`,
    });
    expect(new Date(created.startsAt).getTime()).toBe(Date.parse(startsAt));
    const anonymous = await readEvent(t.app, created.id);
    expect(anonymous).toMatchObject({ canEdit: false, myRsvp: null, description: 'Bring snacks.' });
  });

  it('writes times with the offset of the event’s zone, whatever offset they were sent with', async () => {
    const [organizer] = await people(1);
    const event = await createEvent(t.app, organizer!, kreuzberg, {
      startsAt: `${YEAR}-07-01T17:00:00Z`,
      endsAt: `${YEAR}-07-01T20:00:00.000+00:00`,
      timeZone: 'america/new_york',
    });
    expect(event).toMatchObject({
      startsAt: `${YEAR}-07-01T13:00:00-04:00`,
      endsAt: `${YEAR}-07-01T16:00:00-04:00`,
      timeZone: 'America/New_York',
    });
  });

  it('takes the location (and name and address) from the place', async () => {
    const [organizer] = await people(1);
    const place = await createPlace(
      t.app,
      organizer!,
      { lat: 52.4935, lng: 13.4225 },
      { name: 'Würfel & Zucker', address: 'Schönleinstraße 7' },
    );
    const event = await createEvent(t.app, organizer!, null, { placeId: place.id });
    expect(event.location).toEqual({ lat: 52.4935, lng: 13.4225 });
    expect(event.place).toEqual({ id: place.id, name: 'Würfel & Zucker', address: 'Schönleinstraße 7' });
  });

  it('requires sign-in', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      payload: {
        title: 'x',
        startsAt: fromNow(DAY),
        endsAt: fromNow(DAY + HOUR),
        timeZone: 'UTC',
        location: kreuzberg,
      },
    });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['a blank title', { title: '   ' }, 'title'],
    ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title'],
    ['a description over 20 000 characters', { description: 'x'.repeat(20_001) }, 'description'],
    ['a start without an offset', { startsAt: `${YEAR}-01-14T19:00:00` }, 'startsAt'],
    ['a start that is not a date', { startsAt: 'next tuesday' }, 'startsAt'],
    ['an end before the start', { startsAt: fromNow(DAY), endsAt: fromNow(DAY - HOUR) }, 'endsAt'],
    ['an end equal to the start', { startsAt: fromNow(DAY), endsAt: 'same' }, 'endsAt'],
    ['an end in the past', { startsAt: fromNow(-3 * HOUR), endsAt: fromNow(-HOUR) }, 'endsAt'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['a bare UTC offset as the zone', { timeZone: '+01:00' }, 'timeZone'],
    ['a missing time zone', { timeZone: undefined }, 'timeZone'],
    ['a capacity of 0', { capacity: 0 }, 'capacity'],
    ['a capacity over 10 000', { capacity: 10_001 }, 'capacity'],
    ['a fractional capacity', { capacity: 2.5 }, 'capacity'],
    ['a capacity given as text', { capacity: 'ten' }, 'capacity'],
    ['31 games', { games: Array.from({ length: 31 }, (_, i) => `Game ${i}`) }, 'games'],
    ['no location and no place', { location: undefined }, 'location'],
    ['a latitude of 91', { location: { lat: 91, lng: 0 } }, 'location.lat'],
    ['a place that does not exist', { location: undefined, placeId: 987654 }, 'placeId'],
    ['a group that does not exist', { groupId: 987654 }, 'groupId'],
    ['an unknown field', { popularity: 5 }, 'popularity'],
    ['an unknown recurrence', { recurrence: { freq: 'daily', count: 3 } }, 'recurrence.freq'],
    ['53 occurrences', { recurrence: { freq: 'weekly', count: 53 } }, 'recurrence.count'],
    ['a recurrence without count or until', { recurrence: { freq: 'weekly' } }, 'recurrence.count'],
    ['both count and until', { recurrence: { freq: 'weekly', count: 2, until: '2099-01-01' } }, 'recurrence.until'],
    ['an until before the start', { recurrence: { freq: 'weekly', until: '2001-01-01' } }, 'recurrence.until'],
    [
      'an until giving more than 52 occurrences',
      { recurrence: { freq: 'weekly', until: fromNow(400 * DAY) } },
      'recurrence.until',
    ],
  ])('answers 400 naming the field for %s', async (_label, change, field) => {
    const [organizer] = await people(1);
    const startsAt = fromNow(DAY);
    const payload: Record<string, unknown> = {
      title: 'Game night',
      startsAt,
      endsAt: fromNow(DAY + 3 * HOUR),
      timeZone: 'Europe/Berlin',
      location: kreuzberg,
      ...change,
    };
    if (payload.endsAt === 'same') payload.endsAt = payload.startsAt;
    const response = await t.app.inject({ method: 'POST', url: '/api/events', headers: organizer!.auth, payload });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.message.startsWith(field), response.json().error.message).toBe(true);
  });

  it('answers 400 when both placeId and location are given', async () => {
    const [organizer] = await people(1);
    const place = await createPlace(t.app, organizer!, kreuzberg);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: organizer!.auth,
      payload: {
        title: 'x',
        startsAt: fromNow(DAY),
        endsAt: fromNow(DAY + HOUR),
        timeZone: 'UTC',
        location: kreuzberg,
        placeId: place.id,
      },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('location');
  });

  it('stores the point as geography(Point, 4326) with GiST indexes on it and on its geometry', async () => {
    const { rows } = await sql<{
      indexdef: string;
    }>`select indexdef from pg_indexes where tablename = 'events'`.execute(t.db);
    const definitions = rows.map((row) => row.indexdef).join('\n');
    expect(definitions).toContain('USING gist (location)');
    expect(definitions).toMatch(/USING gist \(\(\(?location\)?::geometry\)\)/);
  });
});

describe('permissions', () => {
  it.each([
    ['owner', 201],
    ['organizer', 201],
    ['member', 403],
    ['stranger', 403],
    ['anonymous', 401],
  ] as const)('lets the %s create a group’s meetup: HTTP %i', async (who, status) => {
    const cast = await groupCast();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: cast.as(who),
      payload: {
        title: 'Group night',
        startsAt: fromNow(DAY),
        endsAt: fromNow(DAY + HOUR),
        timeZone: 'UTC',
        location: kreuzberg,
        groupId: cast.group.id,
      },
    });
    expect(response.statusCode, response.body).toBe(status);
    if (status === 201)
      expect(response.json().group).toEqual({ id: cast.group.id, name: cast.group.name, visibility: 'public' });
  });

  it.each([
    ['owner', 200],
    ['organizer', 200],
    ['member', 403],
    ['stranger', 403],
    ['anonymous', 401],
  ] as const)('lets the %s change and cancel a group’s meetup: HTTP %i', async (who, status) => {
    const cast = await groupCast();
    const event = await createEvent(t.app, cast.organizer, kreuzberg, { groupId: cast.group.id });
    expect((await readEvent(t.app, event.id, who === 'anonymous' ? undefined : cast[who])).canEdit).toBe(
      status === 200,
    );
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: cast.as(who),
      payload: { title: 'Renamed' },
    });
    expect(patch.statusCode, patch.body).toBe(status);
    const cancel = await t.app.inject({ method: 'DELETE', url: `/api/events/${event.id}`, headers: cast.as(who) });
    expect(cancel.statusCode, cancel.body).toBe(status);
    expect((await readEvent(t.app, event.id)).status).toBe(status === 200 ? 'cancelled' : 'scheduled');
  });

  it('takes the right to manage a group’s meetups away from an organizer who is demoted', async () => {
    const cast = await groupCast();
    const event = await createEvent(t.app, cast.organizer, kreuzberg, { groupId: cast.group.id });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/groups/${cast.group.id}/members/${cast.organizer.id}`,
      headers: cast.owner.auth,
      payload: { role: 'member' },
    });
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: cast.organizer.auth,
      payload: { title: 'Mine' },
    });
    expect(patch.statusCode).toBe(403);
  });

  it.each([
    ['organizer', 200],
    ['someone else', 403],
  ] as const)('lets the %s change a personal meetup: HTTP %i', async (who, status) => {
    const [organizer, other] = await people(2);
    const event = await createEvent(t.app, organizer!, kreuzberg);
    const actor = who === 'organizer' ? organizer! : other!;
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: actor.auth,
      payload: { capacity: 5 },
    });
    expect(patch.statusCode).toBe(status);
    const cancel = await t.app.inject({ method: 'DELETE', url: `/api/events/${event.id}`, headers: actor.auth });
    expect(cancel.statusCode).toBe(status);
  });

  describe('a private group’s meetups', () => {
    it.each([
      ['owner', true, 1],
      ['organizer', true, 2],
      ['member', true, 3],
      ['stranger', false, 4],
      ['anonymous', false, 5],
    ] as const)('are seen by the %s: %s', async (who, sees, n) => {
      // Each case at a point of its own, so lists and the map show only its meetup.
      const at = destination(kreuzberg, 20, n * 5000);
      const cast = await groupCast('private', at);
      const event = await createEvent(t.app, cast.organizer, at, { groupId: cast.group.id, title: 'Members only' });
      const headers = cast.as(who);
      const found = (features: { id: string }[]) => features.some((feature) => feature.id === `event:${event.id}`);

      const read = await t.app.inject({ url: `/api/events/${event.id}`, headers });
      expect(read.statusCode).toBe(sees ? 200 : 404);
      const listed = await t.app.inject({ url: `/api/events?groupId=${cast.group.id}`, headers });
      expect(found(listed.json().features)).toBe(sees);
      const near = await t.app.inject({ url: `/api/events?lat=${at.lat}&lng=${at.lng}&radius=100`, headers });
      expect(found(near.json().features)).toBe(sees);
      const nearby = await t.app.inject({
        url: `/api/nearby?lat=${at.lat}&lng=${at.lng}&radius=100&kinds=event`,
        headers,
      });
      expect(found(nearby.json().features)).toBe(sees);
      const bbox = [at.lng - 0.01, at.lat - 0.01, at.lng + 0.01, at.lat + 0.01].join(',');
      const map = await t.app.inject({ url: `/api/map?bbox=${bbox}&zoom=15`, headers });
      expect(found(map.json().features)).toBe(sees);
      const attendees = await t.app.inject({ url: `/api/events/${event.id}/attendees`, headers });
      expect(attendees.statusCode).toBe(sees ? 200 : 404);
      const calendar = await t.app.inject({ url: `/api/events/${event.id}/calendar.ics`, headers });
      expect(calendar.statusCode).toBe(sees ? 200 : 404);
      if (who !== 'anonymous') {
        const answer = await t.app.inject({
          method: 'PUT',
          url: `/api/events/${event.id}/rsvp`,
          headers,
          payload: { status: 'going' },
        });
        expect(answer.statusCode).toBe(sees ? 200 : 404);
        const change = await t.app.inject({
          method: 'PATCH',
          url: `/api/events/${event.id}`,
          headers,
          payload: { title: 'x' },
        });
        expect(change.statusCode).toBe(sees ? (who === 'member' ? 403 : 200) : 404);
      }
    });

    it('are hidden again from someone who leaves the group', async () => {
      const cast = await groupCast('private');
      const event = await createEvent(t.app, cast.owner, kreuzberg, { groupId: cast.group.id });
      expect((await t.app.inject({ url: `/api/events/${event.id}`, headers: cast.member.auth })).statusCode).toBe(200);
      await t.app.inject({
        method: 'DELETE',
        url: `/api/groups/${cast.group.id}/members/me`,
        headers: cast.member.auth,
      });
      expect((await t.app.inject({ url: `/api/events/${event.id}`, headers: cast.member.auth })).statusCode).toBe(404);
    });
  });
});

describe('PATCH and DELETE /api/events/:id', () => {
  it('changes the fields given and keeps the rest', async () => {
    const [organizer] = await people(1);
    const place = await createPlace(t.app, organizer!, { lat: 52.5, lng: 13.4 }, { name: 'Bohnenwerk' });
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 4, games: ['Go'] });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: organizer!.auth,
      payload: { title: 'Go for beginners', placeId: place.id, endsAt: fromNow(DAY + 4 * HOUR) },
    });
    expect(response.statusCode, response.body).toBe(200);
    const changed = response.json();
    expect(changed).toMatchObject({
      title: 'Go for beginners',
      capacity: 4,
      games: ['Go'],
      place: { id: place.id, name: 'Bohnenwerk' },
    });
    expect(changed.location).toEqual({ lat: 52.5, lng: 13.4 });
    expect(changed.startsAt).toBe(event.startsAt);

    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: organizer!.auth,
      payload: { location: kreuzberg, capacity: null },
    });
    expect(moved.json()).toMatchObject({ place: null, location: kreuzberg, capacity: null, seatsLeft: null });
  });

  it.each([
    ['an empty patch', {}, 'body'],
    ['a start after the end', { startsAt: fromNow(10 * DAY) }, 'startsAt'],
    ['an end before the start', { endsAt: fromNow(HOUR) }, 'endsAt'],
    ['an unknown zone', { timeZone: 'Europe/Atlantis' }, 'timeZone'],
    ['a blank title', { title: ' ' }, 'title'],
  ])('answers 400 for %s', async (_label, payload, field) => {
    const [organizer] = await people(1);
    const event = await createEvent(t.app, organizer!, kreuzberg);
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: organizer!.auth,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message.startsWith(field)).toBe(true);
  });

  it('cancels: kept and shown as cancelled, RSVPs kept, out of upcoming lists, idempotent', async () => {
    const [organizer, guest] = await people(2);
    const at = destination(kreuzberg, 200, 3000);
    const event = await createEvent(t.app, organizer!, at, { capacity: 3 });
    expect((await rsvp(t.app, guest!, event.id, 'going')).statusCode).toBe(200);
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}`,
      headers: organizer!.auth,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', going: 1 });
    expect((await readEvent(t.app, event.id, guest!)).myRsvp).toEqual({ status: 'going', waitlistPosition: null });
    const again = await t.app.inject({ method: 'DELETE', url: `/api/events/${event.id}`, headers: organizer!.auth });
    expect(again.statusCode).toBe(200);

    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${event.id}`,
      headers: organizer!.auth,
      payload: { title: 'x' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('event_cancelled');

    const ids = async (query: string) =>
      (await t.app.inject(`/api/events?lat=${at.lat}&lng=${at.lng}&radius=50${query}`))
        .json()
        .features.map((f: { properties: { id: number } }) => f.properties.id);
    expect(await ids('')).not.toContain(event.id);
    expect(await ids('&includeCancelled=true')).toContain(event.id);
    const nearby = (await t.app.inject(`/api/nearby?lat=${at.lat}&lng=${at.lng}&radius=50`)).json();
    expect(nearby.features.map((f: { id: string }) => f.id)).not.toContain(`event:${event.id}`);
  });

  it('refuses to change or cancel a meetup that is over (409 event_past)', async () => {
    const [organizer] = await people(1);
    const event = await createEvent(t.app, organizer!, kreuzberg);
    await sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ${event.id}`.execute(
      t.db,
    );
    for (const request of [
      { method: 'PATCH' as const, url: `/api/events/${event.id}`, payload: { title: 'x' } },
      { method: 'DELETE' as const, url: `/api/events/${event.id}` },
    ]) {
      const response = await t.app.inject({ ...request, headers: organizer!.auth });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('event_past');
    }
  });

  it('answers 404 for a missing meetup and 400 for a bad id', async () => {
    const [organizer] = await people(1);
    expect((await t.app.inject('/api/events/987654')).statusCode).toBe(404);
    expect((await t.app.inject('/api/events/abc')).statusCode).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/events/987654',
          headers: organizer!.auth,
          payload: { title: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'DELETE', url: '/api/events/987654', headers: organizer!.auth })).statusCode,
    ).toBe(404);
  });
});

describe('GET /api/events', () => {
  type Page = {
    features: {
      id: string;
      geometry: { coordinates: number[] };
      properties: EventJson & { distanceMeters?: number; kind: string; name: string };
    }[];
    nextCursor: string | null;
  };

  async function list(query: string): Promise<Page> {
    const response = await t.app.inject(`/api/events?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  }

  async function walk(query: string): Promise<number[]> {
    const ids: number[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : query);
      ids.push(...page.features.map((feature) => feature.properties.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids;
  }

  it('lists upcoming meetups nearest first as GeoJSON, walking every page once', async () => {
    const [organizer] = await people(1);
    const origin = { lat: -12, lng: 40 };
    const made: { id: number; distance: number }[] = [];
    for (const [i, distance] of [500, 100, 900, 300, 700, 2500].entries()) {
      const event = await createEvent(t.app, organizer!, destination(origin, i * 60, distance), {
        startsAt: fromNow((i + 1) * DAY),
        endsAt: fromNow((i + 1) * DAY + HOUR),
      });
      made.push({ id: event.id, distance });
    }
    const first = await list(`lat=${origin.lat}&lng=${origin.lng}&radius=1000&limit=2`);
    expect(first.features[0]).toMatchObject({
      type: 'Feature',
      id: `event:${made[1]!.id}`,
      properties: { kind: 'event', id: made[1]!.id },
    });
    expect(first.features[0]!.properties.distanceMeters).toBeCloseTo(100, 0);
    expect(first.features[0]!.properties.name).toBe(first.features[0]!.properties.title);
    const expected = made
      .filter((m) => m.distance <= 1000)
      .sort((a, b) => a.distance - b.distance)
      .map((m) => m.id);
    expect(await walk(`lat=${origin.lat}&lng=${origin.lng}&radius=1000&limit=2`)).toEqual(expected);
    const soonest = await walk(`lat=${origin.lat}&lng=${origin.lng}&radius=1000&limit=2&order=soonest`);
    expect(soonest).toEqual(made.filter((m) => m.distance <= 1000).map((m) => m.id));
  });

  it('leaves out meetups that have ended unless `from` reaches back, and honours `to`', async () => {
    const cast = await groupCast();
    const past = await createEvent(t.app, cast.owner, kreuzberg, { groupId: cast.group.id });
    await sql`update events set starts_at = now() - interval '3 days', ends_at = now() - interval '2 days' where id = ${past.id}`.execute(
      t.db,
    );
    const running = await createEvent(t.app, cast.owner, kreuzberg, {
      groupId: cast.group.id,
      startsAt: fromNow(-HOUR),
      endsAt: fromNow(HOUR),
    });
    const later = await createEvent(t.app, cast.owner, kreuzberg, {
      groupId: cast.group.id,
      startsAt: fromNow(10 * DAY),
      endsAt: fromNow(10 * DAY + HOUR),
    });
    expect(await walk(`groupId=${cast.group.id}`)).toEqual([running.id, later.id]);
    expect(await walk(`groupId=${cast.group.id}&from=${encodeURIComponent(fromNow(-7 * DAY))}`)).toEqual([
      past.id,
      running.id,
      later.id,
    ]);
    expect(await walk(`groupId=${cast.group.id}&to=${encodeURIComponent(fromNow(DAY))}`)).toEqual([running.id]);
  });

  it('lists the meetups at one place with placeId', async () => {
    const cast = await groupCast();
    const place = await createPlace(t.app, cast.owner, kreuzberg);
    const elsewhere = await createPlace(t.app, cast.owner, kreuzberg);
    const here = await createEvent(t.app, cast.owner, null, { placeId: place.id });
    await createEvent(t.app, cast.owner, null, { placeId: elsewhere.id });
    await createEvent(t.app, cast.owner, kreuzberg);
    expect(await walk(`placeId=${place.id}`)).toEqual([here.id]);
  });

  it.each([
    ['lat without lng and radius', 'lat=1', 'lng'],
    ['lat and lng without radius', 'lat=1&lng=1', 'radius'],
    ['order=distance without a point', 'order=distance', 'lat'],
    ['an unknown order', 'order=popular', 'order'],
    [
      '`to` before `from`',
      `from=${encodeURIComponent(`${YEAR}-01-02T00:00:00Z`)}&to=${encodeURIComponent(`${YEAR}-01-01T00:00:00Z`)}`,
      'to',
    ],
    ['a `from` without offset', `from=${YEAR}-01-01T00:00:00`, 'from'],
    ['a forged cursor', 'cursor=abc.def', 'cursor'],
    ['a limit of 201', 'limit=201', 'limit'],
  ])('answers 400 for %s', async (_label, query, field) => {
    const response = await t.app.inject(`/api/events?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message.startsWith(field)).toBe(true);
  });

  it('refuses a cursor from a list in the other order', async () => {
    const [organizer] = await people(1);
    for (let i = 0; i < 2; i++) await createEvent(t.app, organizer!, { lat: 5, lng: 5 });
    const { nextCursor } = await list('lat=5&lng=5&radius=10&limit=1');
    const response = await t.app.inject(
      `/api/events?lat=5&lng=5&radius=10&order=soonest&cursor=${encodeURIComponent(nextCursor!)}`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('cursor');
  });

  it('shows meetups in /api/nearby and /api/map as kind event', async () => {
    const [organizer, guest] = await people(2);
    const at = { lat: 33.5, lng: -7.6 };
    const event = await createEvent(t.app, organizer!, at, { capacity: 3, title: 'Chess in the park' });
    await rsvp(t.app, guest!, event.id, 'going');
    const nearby = (await t.app.inject(`/api/nearby?lat=${at.lat}&lng=${at.lng}&radius=10`)).json();
    const feature = nearby.features.find((f: { id: string }) => f.id === `event:${event.id}`);
    expect(feature.properties).toMatchObject({
      kind: 'event',
      itemId: event.id,
      name: 'Chess in the park',
      status: 'scheduled',
      seatsLeft: 2,
      groupId: null,
      timeZone: 'Europe/Berlin',
    });
    expect(Date.parse(feature.properties.startsAt)).toBe(Date.parse(event.startsAt));
    expect(Date.parse(feature.properties.endsAt)).toBe(Date.parse(event.endsAt));
    const bbox = [at.lng - 0.01, at.lat - 0.01, at.lng + 0.01, at.lat + 0.01].join(',');
    const map = (await t.app.inject(`/api/map?bbox=${bbox}&zoom=15&kinds=event`)).json();
    expect(map.features.map((f: { id: string }) => f.id)).toEqual([`event:${event.id}`]);
    await sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ${event.id}`.execute(
      t.db,
    );
    const after = (await t.app.inject(`/api/nearby?lat=${at.lat}&lng=${at.lng}&radius=10`)).json();
    expect(after.features.map((f: { id: string }) => f.id)).not.toContain(`event:${event.id}`);
  });
});

/** The next last Sunday of March (when Europe switches to summer time) at least a few weeks away. */
function nextSpringForward(): Date {
  for (let year = new Date().getUTCFullYear(); ; year++) {
    const lastOfMarch = new Date(Date.UTC(year, 2, 31));
    const sunday = new Date(Date.UTC(year, 2, 31 - lastOfMarch.getUTCDay()));
    if (sunday.getTime() > Date.now() + 30 * DAY) return sunday;
  }
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

describe('recurring meetups', () => {
  it('keeps a 19:00 Europe/Berlin game night at 19:00 local across the change to summer time', async () => {
    const [organizer] = await people(1);
    const switchDay = nextSpringForward();
    const firstDay = new Date(switchDay.getTime() - 12 * DAY); // a Tuesday, two weeks before
    const first = await createEvent(t.app, organizer!, kreuzberg, {
      title: 'Game night',
      startsAt: `${isoDate(firstDay)}T19:00:00+01:00`,
      endsAt: `${isoDate(firstDay)}T22:00:00+01:00`,
      recurrence: { freq: 'weekly', count: 4 },
    });
    expect(first.series).toMatchObject({ freq: 'weekly', index: 1, count: 4 });
    const response = await t.app.inject(`/api/events?seriesId=${first.series!.id}`);
    const occurrences: EventJson[] = response.json().features.map((f: { properties: EventJson }) => f.properties);
    expect(occurrences.map((o) => o.series!.index)).toEqual([1, 2, 3, 4]);
    const expected = [0, 7, 14, 21].map((days) => {
      const date = isoDate(new Date(firstDay.getTime() + days * DAY));
      const offset = days < 12 ? '+01:00' : '+02:00';
      return { startsAt: `${date}T19:00:00${offset}`, endsAt: `${date}T22:00:00${offset}` };
    });
    expect(occurrences.map((o) => ({ startsAt: o.startsAt, endsAt: o.endsAt }))).toEqual(expected);
    // The UTC instants move by an hour; the local time does not.
    expect(occurrences.map((o) => new Date(o.startsAt).getUTCHours())).toEqual([18, 18, 17, 17]);
  });

  it('puts a monthly meetup on the 31st on the last day of shorter months', async () => {
    const [organizer] = await people(1);
    const year = new Date().getUTCFullYear() + 1;
    const first = await createEvent(t.app, organizer!, kreuzberg, {
      startsAt: `${year}-01-31T18:00:00Z`,
      endsAt: `${year}-01-31T20:00:00Z`,
      timeZone: 'UTC',
      recurrence: { freq: 'monthly', count: 4 },
    });
    const days = (await t.app.inject(`/api/events?seriesId=${first.series!.id}`))
      .json()
      .features.map((f: { properties: EventJson }) => f.properties.startsAt.slice(0, 10));
    const february = new Date(Date.UTC(year, 2, 0)).getUTCDate();
    expect(days).toEqual([`${year}-01-31`, `${year}-02-${february}`, `${year}-03-31`, `${year}-04-30`]);
  });

  it('includes the `until` day and instant', async () => {
    const [organizer] = await people(1);
    const start = new Date(Date.now() + 2 * DAY);
    start.setUTCHours(17, 0, 0, 0);
    const base = {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + HOUR).toISOString(),
      timeZone: 'UTC',
    };
    const byDay = await createEvent(t.app, organizer!, kreuzberg, {
      ...base,
      recurrence: { freq: 'weekly', until: isoDate(new Date(start.getTime() + 14 * DAY)) },
    });
    expect(byDay.series!.count).toBe(3);
    const byInstant = await createEvent(t.app, organizer!, kreuzberg, {
      ...base,
      recurrence: { freq: 'weekly', until: new Date(start.getTime() + 14 * DAY).toISOString() },
    });
    expect(byInstant.series!.count).toBe(3);
  });

  it('gives each occurrence its own RSVPs, changes and cancellation', async () => {
    const [organizer, guest] = await people(2);
    const first = await createEvent(t.app, organizer!, kreuzberg, {
      capacity: 1,
      recurrence: { freq: 'weekly', count: 3 },
    });
    const ids: number[] = (await t.app.inject(`/api/events?seriesId=${first.series!.id}`))
      .json()
      .features.map((f: { properties: { id: number } }) => f.properties.id);
    expect(ids).toHaveLength(3);
    await rsvp(t.app, guest!, ids[1]!, 'going');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${ids[1]}`,
      headers: organizer!.auth,
      payload: { title: 'Special edition' },
    });
    await t.app.inject({ method: 'DELETE', url: `/api/events/${ids[2]}`, headers: organizer!.auth });
    const [a, b, c] = await Promise.all(ids.map((id) => readEvent(t.app, id)));
    expect([a!.going, b!.going, c!.going]).toEqual([0, 1, 0]);
    expect([a!.title, b!.title, c!.title]).toEqual([first.title, 'Special edition', first.title]);
    expect([a!.status, b!.status, c!.status]).toEqual(['scheduled', 'scheduled', 'cancelled']);
  });

  it('writes nothing when a series is refused', async () => {
    const [organizer] = await people(1);
    const count = async () =>
      sql<{ events: number; series: number }>`select (select count(*)::int from events) as events,
        (select count(*)::int from event_series) as series`
        .execute(t.db)
        .then(({ rows }) => rows[0]);
    const before = await count();
    // 53 weekly occurrences: one too many.
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: organizer!.auth,
      payload: {
        title: 'x',
        startsAt: fromNow(DAY),
        endsAt: fromNow(DAY + HOUR),
        timeZone: 'UTC',
        location: kreuzberg,
        recurrence: { freq: 'weekly', until: fromNow(DAY + 52 * 7 * DAY) },
      },
    });
    expect(response.statusCode).toBe(400);
    expect(await count()).toEqual(before);
  });
});
