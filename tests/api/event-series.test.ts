/**
 * Recurring meetups as series on both databases: listed once where asked (and always on the map
 * and in nearby lists), spaced every N weeks, and changed "this and following" with the series
 * split in two, RSVPs kept, people going told, and the calendar's repeating entries still right.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent, readEvent, rsvp, type EventJson } from '../helpers/events.js';
import { createGroup } from '../helpers/places.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const t = useTestApp();
/** A year that is always ahead; January has no DST change in Berlin. */
const YEAR = new Date().getUTCFullYear() + 2;
let spots = 0;
/** A point of its own for each test, so lists near it hold only that test's meetups. */
const spot = () => ({ lat: 48.1 + (spots += 1) * 0.05, lng: 11.5 });

async function people(count: number) {
  return (await createUsers(t.app, t.db, count)) as TestUser[];
}

async function list(query: string, user?: TestUser): Promise<EventJson[]> {
  const response = await t.app.inject({ url: `/api/events?${query}`, headers: user?.auth ?? {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().features.map((feature: { properties: EventJson }) => feature.properties);
}

async function patch(user: TestUser, id: number, payload: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'PATCH', url: `/api/events/${id}`, headers: user.auth, payload });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as EventJson;
}

const weekly = (count: number, extra: Record<string, unknown> = {}) => ({
  title: 'Board game night',
  startsAt: `${YEAR}-01-07T19:00:00+01:00`,
  endsAt: `${YEAR}-01-07T22:00:00+01:00`,
  timeZone: 'Europe/Berlin',
  recurrence: { freq: 'weekly', count, ...extra },
});

describe('listing a series once', () => {
  it('collapses a weekly series to its next occurrence with collapseSeries, and keeps every one without', async () => {
    const [organizer, guest] = await people(2);
    const at = spot();
    const first = await createEvent(t.app, organizer!, at, weekly(8));
    const single = await createEvent(t.app, organizer!, at, { title: 'One-off' });
    const near = `lat=${at.lat}&lng=${at.lng}&radius=500`;

    expect(await list(`${near}&order=soonest`)).toHaveLength(9);
    const collapsed = await list(`${near}&order=soonest&collapseSeries=true`);
    expect(collapsed.map((event) => event.id)).toEqual([single.id, first.id]);
    expect(collapsed[1]!.series).toMatchObject({
      id: first.series!.id,
      freq: 'weekly',
      interval: 1,
      rule: 'weekly',
      index: 1,
      count: 8,
      upcoming: 8,
    });

    // The next one stands for the series: cancel the first, the second takes its place.
    const all = await list(`seriesId=${first.series!.id}`);
    await t.app.inject({ method: 'DELETE', url: `/api/events/${first.id}`, headers: organizer!.auth });
    const byDistance = await list(`${near}&collapseSeries=true`);
    expect(byDistance).toHaveLength(2);
    expect(byDistance.find((event) => event.series)).toMatchObject({
      id: all[1]!.id,
      series: { index: 2, upcoming: 7 },
    });

    // Paging never brings a series back.
    const pages: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Awaited<ReturnType<typeof t.app.inject>> = await t.app.inject(
        `/api/events?${near}&collapseSeries=true&order=soonest&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      pages.push(...page.json().features.map((feature: { properties: EventJson }) => feature.properties.id));
      cursor = page.json().nextCursor;
    }
    expect(pages).toEqual([single.id, all[1]!.id]);

    // "My meetups": the soonest one the person goes to.
    await rsvp(t.app, guest!, all[4]!.id, 'going');
    await rsvp(t.app, guest!, all[2]!.id, 'going');
    const mine = await list('mine=attending&collapseSeries=true', guest);
    expect(mine.map((event) => event.id)).toEqual([all[2]!.id]);
    expect(await list('mine=attending', guest)).toHaveLength(2);
  });

  it('shows a series once in /api/nearby (one kind and all kinds) and on the map, with its rule', async () => {
    const [organizer] = await people(1);
    const at = spot();
    const first = await createEvent(t.app, organizer!, at, weekly(6, { interval: 2 }));
    const group = await createGroup(t.app, organizer!, at);
    for (const kinds of ['&kinds=event', '']) {
      const response = await t.app.inject(`/api/nearby?lat=${at.lat}&lng=${at.lng}&radius=100${kinds}`);
      expect(response.statusCode, response.body).toBe(200);
      const events = response
        .json()
        .features.filter((feature: { properties: { kind: string } }) => feature.properties.kind === 'event');
      expect(events, kinds).toHaveLength(1);
      expect(events[0].properties).toMatchObject({
        itemId: first.id,
        series: { id: first.series!.id, rule: 'every 2 weeks', upcoming: 6 },
      });
      if (kinds === '') {
        const groups = response.json().features.filter((f: { id: string }) => f.id === `group:${group.id}`);
        expect(groups).toHaveLength(1);
      }
    }
    const bbox = [at.lng - 0.01, at.lat - 0.01, at.lng + 0.01, at.lat + 0.01].join(',');
    const map = (await t.app.inject(`/api/map?bbox=${bbox}&zoom=17&kinds=event`)).json();
    const markers = map.features.filter(
      (feature: { properties: { kind: string } }) => feature.properties.kind === 'event',
    );
    expect(markers).toHaveLength(1);
    expect(markers[0].properties.series).toMatchObject({ rule: 'every 2 weeks' });
  });
});

describe('every N weeks', () => {
  it('spaces the occurrences and writes INTERVAL into the calendar', async () => {
    const [owner] = await people(1);
    const at = spot();
    const group = await createGroup(t.app, owner!, at);
    const first = await createEvent(t.app, owner!, at, { ...weekly(3, { interval: 2 }), groupId: group.id });
    expect(first.series).toMatchObject({ interval: 2, rule: 'every 2 weeks', count: 3 });
    const occurrences = await list(`seriesId=${first.series!.id}`);
    expect(occurrences.map((event) => event.startsAt)).toEqual([
      `${YEAR}-01-07T19:00:00+01:00`,
      `${YEAR}-01-21T19:00:00+01:00`,
      `${YEAR}-02-04T19:00:00+01:00`,
    ]);
    const feed = (await t.app.inject(`/api/groups/${group.id}/calendar.ics`)).body;
    expect(feed).toContain('RRULE:FREQ=WEEKLY;COUNT=3;INTERVAL=2\r\n');
    expect(expand(feed)).toEqual([occurrences.map((event) => Date.parse(event.startsAt))]);
  });

  it('refuses an interval outside 1 to 12', async () => {
    const [organizer] = await people(1);
    for (const interval of [0, 13]) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: organizer!.auth,
        payload: { ...weekly(3, { interval }), location: spot() },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('recurrence.interval');
    }
  });
});

/** Each repeating entry's instants (RRULE less EXDATE) by ical.js, in file order. */
function expand(body: string): number[][] {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar
    .getAllSubcomponents('vevent')
    .filter((component) => component.hasProperty('rrule'))
    .map((master) => {
      const iterator = new ICAL.Event(master).iterator();
      const found: number[] = [];
      for (let next = iterator.next(); next && found.length < 60; next = iterator.next()) {
        found.push(next.toJSDate().getTime());
      }
      return found;
    });
}

describe('changing this and following occurrences', () => {
  it('moves this and the later ones, splits the series, keeps RSVPs and tells the people going', async () => {
    const [owner, early, late] = await people(3);
    const at = spot();
    const group = await createGroup(t.app, owner!, at);
    const first = await createEvent(t.app, owner!, at, { ...weekly(5), groupId: group.id });
    const ids = (await list(`seriesId=${first.series!.id}`)).map((event) => event.id);
    await rsvp(t.app, early!, ids[1]!, 'going');
    await rsvp(t.app, late!, ids[3]!, 'going');

    const changed = await patch(owner!, ids[2]!, {
      scope: 'following',
      title: 'Board game night (new room)',
      startsAt: `${YEAR}-01-21T20:00:00+01:00`,
      endsAt: `${YEAR}-01-21T23:30:00+01:00`,
    });
    expect(changed.series).toMatchObject({ index: 1, count: 3 });
    expect(changed.series!.id).not.toBe(first.series!.id);

    const kept = await list(`seriesId=${first.series!.id}`);
    expect(kept.map((event) => [event.id, event.startsAt, event.title, event.series!.count])).toEqual([
      [ids[0], `${YEAR}-01-07T19:00:00+01:00`, 'Board game night', 2],
      [ids[1], `${YEAR}-01-14T19:00:00+01:00`, 'Board game night', 2],
    ]);
    const moved = await list(`seriesId=${changed.series!.id}`);
    expect(moved.map((event) => [event.id, event.startsAt, event.endsAt, event.title, event.series!.index])).toEqual([
      [ids[2], `${YEAR}-01-21T20:00:00+01:00`, `${YEAR}-01-21T23:30:00+01:00`, 'Board game night (new room)', 1],
      [ids[3], `${YEAR}-01-28T20:00:00+01:00`, `${YEAR}-01-28T23:30:00+01:00`, 'Board game night (new room)', 2],
      [ids[4], `${YEAR}-02-04T20:00:00+01:00`, `${YEAR}-02-04T23:30:00+01:00`, 'Board game night (new room)', 3],
    ]);

    // RSVPs stay; only the person going to a changed occurrence is told.
    expect((await readEvent(t.app, ids[1]!, early)).myRsvp).toMatchObject({ status: 'going' });
    expect((await readEvent(t.app, ids[3]!, late)).myRsvp).toMatchObject({ status: 'going' });
    const inbox = async (user: TestUser) =>
      (await t.app.inject({ url: '/api/notifications', headers: user.auth })).json().items as {
        kind: string;
        subject: { id: number };
      }[];
    expect((await inbox(late!)).map((item) => [item.kind, item.subject.id])).toEqual([['event_changed', ids[3]]]);
    expect(await inbox(early!)).toEqual([]);

    // The calendar holds two repeating entries, each expanding to its meetups.
    const feed = (await t.app.inject(`/api/groups/${group.id}/calendar.ics`)).body;
    expect(feed).toContain('RRULE:FREQ=WEEKLY;COUNT=2\r\n');
    expect(feed).toContain('RRULE:FREQ=WEEKLY;COUNT=3\r\n');
    expect(feed).not.toContain('RECURRENCE-ID');
    expect(expand(feed)).toEqual([kept, moved].map((events) => events.map((event) => Date.parse(event.startsAt))));
  });

  it('changes the whole series from its first occurrence without splitting, and one occurrence by default', async () => {
    const [organizer] = await people(1);
    const first = await createEvent(t.app, organizer!, spot(), weekly(3));
    const ids = (await list(`seriesId=${first.series!.id}`)).map((event) => event.id);
    await patch(organizer!, ids[1]!, { title: 'Only this one' });
    const changed = await patch(organizer!, first.id, { scope: 'following', capacity: 6 });
    expect(changed.series).toMatchObject({ id: first.series!.id, index: 1, count: 3 });
    const all = await list(`seriesId=${first.series!.id}`);
    expect(all.map((event) => [event.title, event.capacity])).toEqual([
      ['Board game night', 6],
      ['Only this one', 6],
      ['Board game night', 6],
    ]);
  });
});
