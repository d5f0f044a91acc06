import ICAL from 'ical.js';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findInstallationId } from '../../server/src/modules/events/queries.js';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR, rsvp, type EventJson } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };
/** A year that is always ahead, for meetups at fixed dates. */
const YEAR = new Date().getUTCFullYear() + 2;

interface ParsedEvent {
  uid: string;
  summary: string;
  start: number;
  end: number;
  geo: [number, number] | null;
  location: string;
  url: string;
  status: string;
  sequence: number;
}

/** Parses an iCalendar file with ical.js, an implementation independent of the one writing it. */
function parse(body: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? calendar.getFirstPropertyValue('name')),
    events: calendar.getAllSubcomponents('vevent').map((component) => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        start: event.startDate.toJSDate().getTime(),
        end: event.endDate.toJSDate().getTime(),
        geo: (component.getFirstPropertyValue('geo') as [number, number] | null) ?? null,
        location: event.location,
        url: String(component.getFirstPropertyValue('url')),
        status: String(component.getFirstPropertyValue('status')),
        sequence: event.sequence,
      };
    }),
  };
}

/** The instants a file's repeating entry stands for, with ical.js's expansion (RRULE less EXDATE). */
function instances(body: string): number[] {
  const calendar = new ICAL.Component(ICAL.parse(body));
  const master = calendar.getAllSubcomponents('vevent').find((component) => component.hasProperty('rrule'))!;
  const iterator = new ICAL.Event(master).iterator();
  const found: number[] = [];
  for (let next = iterator.next(); next && found.length < 60; next = iterator.next()) {
    found.push(next.toJSDate().getTime());
  }
  return found;
}

/** The host name this installation's calendar UIDs carry (no PUBLIC_URL in these tests). */
async function uidHost(): Promise<string> {
  return `${await findInstallationId(t.db)}.vicinity.invalid`;
}

async function fetchCalendar(url: string, user?: TestUser) {
  const response = await t.app.inject({ url, headers: user?.auth ?? {} });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
  return { raw: response.body, ...parse(response.body) };
}

describe('GET /api/events/:id/calendar.ics', () => {
  it('round-trips through an independent parser: UID, instants, GEO, LOCATION, URL, STATUS', async () => {
    const [organizer] = await createUsers(t.app, t.db, 1);
    const place = await createPlace(
      t.app,
      organizer!,
      { lat: 52.4935, lng: 13.4225 },
      { name: 'Würfel & Zucker', address: 'Schönleinstraße 7' },
    );
    const event = await createEvent(t.app, organizer!, null, {
      title: 'Board games; snacks, and more',
      description: 'Line one\nLine two',
      placeId: place.id,
      startsAt: `${YEAR}-03-04T19:00:00+01:00`,
      endsAt: `${YEAR}-03-04T22:30:00+01:00`,
    });
    const first = await fetchCalendar(`/api/events/${event.id}/calendar.ics`);
    expect(first.events).toHaveLength(1);
    const parsed = first.events[0]!;
    expect(parsed).toMatchObject({
      uid: `event-${event.id}@${await uidHost()}`,
      summary: 'Board games; snacks, and more',
      start: Date.parse(`${YEAR}-03-04T18:00:00Z`),
      end: Date.parse(`${YEAR}-03-04T21:30:00Z`),
      geo: [52.4935, 13.4225],
      location: 'Würfel & Zucker, Schönleinstraße 7',
      url: `http://localhost:3000/events/${event.id}`,
      status: 'CONFIRMED',
    });
    expect(first.raw).toContain('\r\n');
    const second = await fetchCalendar(`/api/events/${event.id}/calendar.ics`);
    expect(second.events[0]!.uid).toBe(parsed.uid);
  });

  it('marks a cancelled meetup STATUS:CANCELLED with a higher SEQUENCE and the same UID', async () => {
    const [organizer] = await createUsers(t.app, t.db, 1);
    const event = await createEvent(t.app, organizer!, kreuzberg);
    const before = (await fetchCalendar(`/api/events/${event.id}/calendar.ics`)).events[0]!;
    await t.app.inject({ method: 'DELETE', url: `/api/events/${event.id}`, headers: organizer!.auth });
    const after = (await fetchCalendar(`/api/events/${event.id}/calendar.ics`)).events[0]!;
    expect(after.status).toBe('CANCELLED');
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('without PUBLIC_URL, never puts a Host the client sent into a link: only the local listening address', async () => {
    const [organizer] = await createUsers(t.app, t.db, 1);
    const event = await createEvent(t.app, organizer!, kreuzberg);
    const link = async (host: string) =>
      parse((await t.app.inject({ url: `/api/events/${event.id}/calendar.ics`, headers: { host } })).body).events[0]!
        .url;
    expect(await link('evil.example:8443')).toBe(`http://localhost:3000/events/${event.id}`);
    expect(await link('127.0.0.1:3000')).toBe(`http://127.0.0.1:3000/events/${event.id}`);
  });

  it('keeps a title with line breaks and separators inside its own text, in the calendar name on one line', async () => {
    const [organizer] = await createUsers(t.app, t.db, 1);
    const title = 'Catan\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected; a,b\\c';
    const event = await createEvent(t.app, organizer!, kreuzberg, { title });
    const { raw, name, events } = await fetchCalendar(`/api/events/${event.id}/calendar.ics`);
    expect(events.map((parsed) => parsed.summary)).toEqual([title.replace(/\r\n/g, '\n')]);
    // The name on one line; ical.js reads NAME and X-WR-CALNAME as written, without unescaping.
    const escaped = String.raw`Catan END:VEVENT BEGIN:VEVENT SUMMARY:Injected\; a\,b\\c`;
    expect(name).toBe(escaped);
    expect(raw).toContain(`\r\nNAME:${escaped}\r\n`);
    expect(raw.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
  });

  it('answers 404 for a missing meetup', async () => {
    expect((await t.app.inject('/api/events/987654/calendar.ics')).statusCode).toBe(404);
  });
});

describe('GET /api/groups/:id/calendar.ics', () => {
  it('carries the group’s upcoming meetups, cancelled ones marked, ended ones left out', async () => {
    const [owner] = await createUsers(t.app, t.db, 1);
    const group = await createGroup(t.app, owner!, kreuzberg, { name: 'Catan Crew' });
    const other = await createGroup(t.app, owner!, kreuzberg);
    const upcoming = await createEvent(t.app, owner!, kreuzberg, {
      groupId: group.id,
      startsAt: fromNow(2 * DAY),
      endsAt: fromNow(2 * DAY + HOUR),
    });
    const cancelled = await createEvent(t.app, owner!, kreuzberg, {
      groupId: group.id,
      startsAt: fromNow(DAY),
      endsAt: fromNow(DAY + HOUR),
    });
    await t.app.inject({ method: 'DELETE', url: `/api/events/${cancelled.id}`, headers: owner!.auth });
    const ended = await createEvent(t.app, owner!, kreuzberg, { groupId: group.id });
    await sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ${ended.id}`.execute(
      t.db,
    );
    await createEvent(t.app, owner!, kreuzberg, { groupId: other.id });

    const feed = await fetchCalendar(`/api/groups/${group.id}/calendar.ics`);
    expect(feed.name).toBe('Catan Crew');
    expect(feed.events.map((e) => [e.uid, e.status])).toEqual([
      [`event-${cancelled.id}@${await uidHost()}`, 'CANCELLED'],
      [`event-${upcoming.id}@${await uidHost()}`, 'CONFIRMED'],
    ]);
    expect(feed.events[1]!.start).toBe(Date.parse(upcoming.startsAt));
  });

  it('writes a weekly series as one repeating entry at 19:00 Berlin time across DST, with its exceptions', async () => {
    const [owner] = await createUsers(t.app, t.db, 1);
    const group = await createGroup(t.app, owner!, kreuzberg);
    const year = new Date().getUTCFullYear() + 1;
    // Europe changes to summer time on the last Sunday of March; start on the Tuesday before it.
    const lastSundayOfMarch = 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const day = String(lastSundayOfMarch - 5).padStart(2, '0');
    const first = await createEvent(t.app, owner!, kreuzberg, {
      groupId: group.id,
      startsAt: `${year}-03-${day}T19:00:00+01:00`,
      endsAt: `${year}-03-${day}T21:00:00+01:00`,
      recurrence: { freq: 'weekly', count: 4 },
    });
    const feed = await fetchCalendar(`/api/groups/${group.id}/calendar.ics`);
    expect(feed.events).toHaveLength(1);
    expect(feed.events[0]!.uid).toBe(`series-${first.series!.id}@${await uidHost()}`);
    expect(feed.raw).toContain(`DTSTART;TZID=Europe/Berlin:${year}03${day}T190000\r\n`);
    expect(feed.raw).toContain('RRULE:FREQ=WEEKLY;COUNT=4\r\n');
    const berlinHour = (instant: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', hourCycle: 'h23' }).format(
        instant,
      );
    const starts = instances(feed.raw);
    expect(starts.map(berlinHour)).toEqual(['19', '19', '19', '19']);
    expect(starts[1]! - starts[0]!).toBe(7 * DAY - HOUR);

    // Cancel the third occurrence and move the fourth by an hour.
    const occurrences: number[] = (await t.app.inject(`/api/events?seriesId=${first.series!.id}`))
      .json()
      .features.map((f: { properties: { id: number } }) => f.properties.id);
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${occurrences[2]}`,
      headers: owner!.auth,
    });
    expect(cancelled.statusCode).toBe(200);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${occurrences[3]}`,
      headers: owner!.auth,
      payload: {
        startsAt: new Date(starts[3]! + HOUR).toISOString(),
        endsAt: new Date(starts[3]! + 3 * HOUR).toISOString(),
      },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const changed = await fetchCalendar(`/api/groups/${group.id}/calendar.ics`);
    expect(changed.events).toHaveLength(2);
    expect(changed.raw).toMatch(/^EXDATE;TZID=Europe\/Berlin:\d{8}T190000\r$/m);
    expect(changed.raw).toMatch(/^RECURRENCE-ID;TZID=Europe\/Berlin:\d{8}T190000\r$/m);
    expect(changed.events[1]!.start).toBe(starts[3]! + HOUR);
    expect(instances(changed.raw)).toEqual([starts[0], starts[1], starts[3]]);
  });

  it('shows a private group’s feed only to members', async () => {
    const [owner, stranger] = await createUsers(t.app, t.db, 2);
    const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'private' });
    await createEvent(t.app, owner!, kreuzberg, { groupId: group.id });
    expect((await fetchCalendar(`/api/groups/${group.id}/calendar.ics`, owner)).events).toHaveLength(1);
    const refused = await t.app.inject({ url: `/api/groups/${group.id}/calendar.ics`, headers: stranger!.auth });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('members_only');
    expect((await t.app.inject('/api/groups/987654/calendar.ics')).statusCode).toBe(404);
  });
});

describe('calendar links a calendar app can subscribe to', () => {
  /** A private group with one upcoming meetup, its owner and a member who joined. */
  async function privateGroupWithMember() {
    const [owner, member, stranger] = await createUsers(t.app, t.db, 3);
    const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'private' });
    const event = await createEvent(t.app, owner!, kreuzberg, { groupId: group.id, title: 'Members-only night' });
    await t.app.inject({ method: 'POST', url: `/api/groups/${group.id}/members`, headers: member!.auth, payload: {} });
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/requests/${member!.id}/approve`,
      headers: owner!.auth,
    });
    expect(approved.statusCode, approved.body).toBeLessThan(300);
    return { owner: owner!, member: member!, stranger: stranger!, group, event };
  }

  it('gives a public group and its meetups plain links', async () => {
    const [owner] = await createUsers(t.app, t.db, 1);
    const group = await createGroup(t.app, owner!, kreuzberg);
    const event = await createEvent(t.app, owner!, kreuzberg, { groupId: group.id });
    const read = async (url: string) => (await t.app.inject({ url, headers: owner!.auth })).json().calendarUrl;
    expect(await read(`/api/groups/${group.id}`)).toBe(`/api/groups/${group.id}/calendar.ics`);
    expect(await read(`/api/events/${event.id}`)).toBe(`/api/events/${event.id}/calendar.ics`);
  });

  it('lets a member’s link read a private group’s feed without signing in, until they leave', async () => {
    const { member, stranger, group } = await privateGroupWithMember();
    const link: string = (await t.app.inject({ url: `/api/groups/${group.id}`, headers: member.auth })).json()
      .calendarUrl;
    expect(link).toMatch(new RegExp(`^/api/groups/${group.id}/calendar\\.ics\\?key=[\\w.-]+$`));
    expect((await fetchCalendar(link)).events.map((e) => e.summary)).toEqual(['Members-only night']);

    // Someone who is not a member gets no key, and their own link does not open the feed.
    const theirs = (await t.app.inject({ url: `/api/groups/${group.id}`, headers: stranger.auth })).json().calendarUrl;
    expect(theirs).toBe(`/api/groups/${group.id}/calendar.ics`);
    expect((await t.app.inject(theirs)).statusCode).toBe(403);

    const left = await t.app.inject({
      method: 'DELETE',
      url: `/api/groups/${group.id}/members/me`,
      headers: member.auth,
    });
    expect(left.statusCode).toBe(204);
    const refused = await t.app.inject(link);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('members_only');
  });

  it('lets a member’s link download a private group’s meetup', async () => {
    const { member, event } = await privateGroupWithMember();
    expect((await t.app.inject(`/api/events/${event.id}/calendar.ics`)).statusCode).toBe(404);
    const link: string = (await t.app.inject({ url: `/api/events/${event.id}`, headers: member.auth })).json()
      .calendarUrl;
    expect(link).toContain('?key=');
    expect((await fetchCalendar(link)).events.map((e) => e.uid)).toEqual([`event-${event.id}@${await uidHost()}`]);
  });

  it('refuses an edited key, and a key used for another group, with 400 naming key', async () => {
    const { member, group } = await privateGroupWithMember();
    const other = await privateGroupWithMember();
    const link: string = (await t.app.inject({ url: `/api/groups/${group.id}`, headers: member.auth })).json()
      .calendarUrl;
    const key = new URL(link, 'http://x').searchParams.get('key')!;
    const edited = `${key.slice(0, -2)}${key.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const url of [
      `/api/groups/${group.id}/calendar.ics?key=${edited}`,
      `/api/groups/${other.group.id}/calendar.ics?key=${key}`,
      `/api/events/${other.event.id}/calendar.ics?key=${key}`,
    ]) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details[0].field).toBe('key');
    }
  });
});

describe('GET /api/calendar.ics', () => {
  it('carries upcoming meetups within the radius that the viewer may see', async () => {
    const [owner, stranger] = await createUsers(t.app, t.db, 2);
    const here = { lat: -33.9, lng: 18.4 };
    const inside: EventJson = await createEvent(t.app, owner!, { lat: -33.901, lng: 18.4 });
    await createEvent(t.app, owner!, { lat: -34.1, lng: 18.4 });
    const secret = await createGroup(t.app, owner!, here, { visibility: 'private' });
    const hidden = await createEvent(t.app, owner!, here, { groupId: secret.id });

    const url = `/api/calendar.ics?lat=${here.lat}&lng=${here.lng}&radius=1000`;
    const forStranger = await fetchCalendar(url, stranger);
    expect(forStranger.events.map((e) => e.uid)).toEqual([`event-${inside.id}@${await uidHost()}`]);
    expect(forStranger.events[0]!.geo).toEqual([-33.901, 18.4]);
    const forOwner = await fetchCalendar(url, owner);
    expect(forOwner.events.map((e) => e.uid).sort()).toEqual(
      [`event-${hidden.id}@${await uidHost()}`, `event-${inside.id}@${await uidHost()}`].sort(),
    );
  });

  it('answers 400 naming a missing or bad parameter', async () => {
    const response = await t.app.inject('/api/calendar.ics?lat=1&lng=1');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('radius');
  });
});

describe('your own calendar feed', () => {
  it('carries the meetups you go to, wait for or organize, read with the key in your link', async () => {
    const [me, other] = await createUsers(t.app, t.db, 2);
    const going = await createEvent(t.app, other!, kreuzberg, { title: 'I go' });
    const notGoing = await createEvent(t.app, other!, kreuzberg, { title: 'I do not go' });
    const mine = await createEvent(t.app, me!, kreuzberg, { title: 'I organize' });
    expect((await rsvp(t.app, me!, going.id, 'going')).statusCode).toBe(200);

    expect((await t.app.inject('/api/me/calendar')).statusCode).toBe(401);
    const { calendarUrl } = (await t.app.inject({ url: '/api/me/calendar', headers: me!.auth })).json();
    expect(calendarUrl).toMatch(/^\/api\/me\/calendar\.ics\?key=/);
    const feed = await fetchCalendar(calendarUrl);
    expect(feed.events.map((e) => e.summary).sort()).toEqual(['I go', 'I organize']);
    expect(feed.events.map((e) => e.uid)).not.toContain(`event-${notGoing.id}@${await uidHost()}`);
    expect(feed.events.map((e) => e.uid)).toContain(`event-${mine.id}@${await uidHost()}`);

    expect((await t.app.inject('/api/me/calendar.ics?key=forged')).statusCode).toBe(400);
    expect((await t.app.inject('/api/me/calendar.ics')).statusCode).toBe(400);
  });

  it('does not open with a group’s calendar key', async () => {
    const [owner] = await createUsers(t.app, t.db, 1);
    const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'private' });
    const { calendarUrl } = (await t.app.inject({ url: `/api/groups/${group.id}`, headers: owner!.auth })).json();
    const key = new URL(calendarUrl, 'http://x').searchParams.get('key')!;
    expect((await t.app.inject(`/api/me/calendar.ics?key=${encodeURIComponent(key)}`)).statusCode).toBe(400);
  });
});
