/**
 * iCalendar files from meetups, read back with ical.js (an implementation independent of the one
 * writing them): the fields of each VEVENT, cancelled meetups, escaping, folding and SEQUENCE.
 */
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { buildCalendar, CALENDAR_CONTENT_TYPE, eventUid } from '../../server/src/modules/events/calendar.js';
import type { CalendarEntry } from '../../server/src/modules/events/queries.js';

const ORIGIN = 'https://vicinity.example:8443';
const CONTEXT = { origin: ORIGIN, uidHost: 'vicinity.example' };

function entry(id: number, changes: Partial<CalendarEntry> = {}): CalendarEntry {
  return {
    id,
    title: `Game night ${id}`,
    description: 'Bring a game.',
    startsAt: '2026-03-04T19:00:00+01:00',
    endsAt: '2026-03-04T22:30:00+01:00',
    timeZone: 'Europe/Berlin',
    location: { lat: 52.4935, lng: 13.4225 },
    locationPrivacy: 'exact',
    locationPrecisionMeters: null,
    place: null,
    group: null,
    organizer: { id: 1, displayName: 'Ada' },
    capacity: null,
    going: 0,
    waitlisted: 0,
    seatsLeft: null,
    games: [],
    minPlayers: null,
    needsPlayers: 0,
    playersDeadline: null,
    onShortfall: 'keep',
    status: 'scheduled',
    series: null,
    myRsvp: null,
    canEdit: false,
    url: `/events/${id}`,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-12T17:30:00.000Z',
    revision: 0,
    ...changes,
  };
}

interface ParsedEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  startIsUtc: boolean;
  stamp: string;
  created: string;
  lastModified: string;
  location: string;
  geo: [number, number] | null;
  url: string;
  status: string;
  sequence: number;
}

const instant = (value: unknown) => (value as ICAL.Time).toJSDate().toISOString();

function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((component): ParsedEvent => {
      const event = new ICAL.Event(component);
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        startIsUtc: event.startDate.zone === ICAL.Timezone.utcTimezone,
        stamp: instant(component.getFirstPropertyValue('dtstamp')),
        created: instant(component.getFirstPropertyValue('created')),
        lastModified: instant(component.getFirstPropertyValue('last-modified')),
        location: event.location,
        geo: (component.getFirstPropertyValue('geo') as [number, number] | null) ?? null,
        url: String(component.getFirstPropertyValue('url')),
        status: String(component.getFirstPropertyValue('status')),
        sequence: event.sequence,
      };
    }),
  };
}

describe('buildCalendar', () => {
  it('writes an empty calendar with its name, product and hourly refresh', () => {
    const body = buildCalendar('Catan Crew', [], CONTEXT);
    const { calendar, events } = parse(body);
    expect(events).toEqual([]);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Vicinity//Vicinity//EN');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Catan Crew');
    expect(body).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
    expect(body).toContain('\r\nX-PUBLISHED-TTL:PT1H\r\n');
  });

  it('writes each meetup as a VEVENT with its instants in UTC, times and links filled in', () => {
    const meetup = entry(7, {
      title: 'Board games',
      place: { id: 3, name: 'Würfel & Zucker', address: 'Schönleinstraße 7' },
      revision: 4,
    });
    const [event] = parse(buildCalendar('Near Kreuzberg', [meetup], CONTEXT)).events;
    expect(event).toEqual({
      uid: 'event-7@vicinity.example',
      summary: 'Board games',
      description: `Bring a game.\n\n${ORIGIN}/events/7`,
      start: '2026-03-04T18:00:00.000Z',
      end: '2026-03-04T21:30:00.000Z',
      startIsUtc: false,
      stamp: '2026-01-12T17:30:00.000Z',
      created: '2026-01-10T09:00:00.000Z',
      lastModified: '2026-01-12T17:30:00.000Z',
      location: 'Würfel & Zucker, Schönleinstraße 7',
      geo: [52.4935, 13.4225],
      url: `${ORIGIN}/events/7`,
      status: 'CONFIRMED',
      sequence: 4,
    });
    expect(eventUid(7, 'vicinity.example')).toBe(event!.uid);
  });

  it('marks a cancelled meetup STATUS:CANCELLED under the same UID, with the SEQUENCE of its revision', () => {
    const before = parse(buildCalendar('c', [entry(9, { revision: 1 })], CONTEXT)).events[0]!;
    const after = parse(buildCalendar('c', [entry(9, { status: 'cancelled', revision: 2 })], CONTEXT)).events[0]!;
    expect([before.status, after.status]).toEqual(['CONFIRMED', 'CANCELLED']);
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(2);
    expect(after.sequence).toBeGreaterThan(before.sequence);
  });

  it('names the place alone when it has no address, and the coordinates when there is no place', () => {
    const events = parse(
      buildCalendar(
        'c',
        [
          entry(1, { place: { id: 5, name: 'Spielwiese', address: null } }),
          entry(2, { location: { lat: -33.9, lng: -58.123456789 } }),
        ],
        CONTEXT,
      ),
    ).events;
    expect(events.map((event) => event.location)).toEqual(['Spielwiese', '-33.900000, -58.123457']);
    expect(events[1]!.geo).toEqual([-33.9, -58.123456789]);
  });

  it('describes the meetup with its text, its group and games, and its link, in that order', () => {
    const [full, bare] = parse(
      buildCalendar(
        'c',
        [
          entry(1, {
            description: 'Line one\nLine two',
            group: { id: 4, name: 'Catan Crew', visibility: 'public' },
            games: ['Catan', 'Azul'],
          }),
          entry(2, { description: '', games: ['Go'] }),
        ],
        CONTEXT,
      ),
    ).events;
    expect(full!.description).toBe(`Line one\nLine two\n\nCatan Crew\nGames: Catan, Azul\n\n${ORIGIN}/events/1`);
    expect(bare!.description).toBe(`Games: Go\n\n${ORIGIN}/events/2`);
  });

  it('keeps the meetups in the order given, one VEVENT and one UID each', () => {
    const events = parse(buildCalendar('c', [entry(3), entry(1), entry(2)], CONTEXT)).events;
    expect(events.map((event) => event.uid)).toEqual([
      'event-3@vicinity.example',
      'event-1@vicinity.example',
      'event-2@vicinity.example',
    ]);
  });

  it('escapes commas, semicolons, backslashes and line breaks, so text cannot add properties or events', () => {
    const title = 'Catan\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Injected; a,b\\c';
    const body = buildCalendar('c', [entry(1, { title, description: 'DTSTART:19700101T000000Z\nx;y' })], CONTEXT);
    const { events } = parse(body);
    expect(events).toHaveLength(1);
    expect(events[0]!.summary).toBe('Catan\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected; a,b\\c');
    expect(events[0]!.start).toBe('2026-03-04T18:00:00.000Z');
    expect(body).toContain(String.raw`SUMMARY:Catan\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected\; a\,b\\c`);
    expect(body.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
    expect(body.match(/^DTSTART;TZID/gm)).toHaveLength(1);
  });

  it('turns a lone carriage return into a line break inside the text, not a new line of the file', () => {
    const body = buildCalendar('c', [entry(1, { title: 'Catan\rEND:VEVENT\rSTATUS:CANCELLED' })], CONTEXT);
    const { events } = parse(body);
    expect(events).toHaveLength(1);
    expect(events[0]!.status).toBe('CONFIRMED');
    expect(events[0]!.summary).toBe('Catan\nEND:VEVENT\nSTATUS:CANCELLED');
  });

  it('writes the calendar’s name on one line, line breaks as spaces, escaped', () => {
    const body = buildCalendar('Catan\r\n  Crew;\nEND:VCALENDAR, Berlin', [], CONTEXT);
    const escaped = String.raw`Catan Crew\; END:VCALENDAR\, Berlin`;
    expect(body).toContain(`\r\nNAME:${escaped}\r\n`);
    expect(body).toContain(`\r\nX-WR-CALNAME:${escaped}\r\n`);
    expect(body.match(/^END:VCALENDAR/gm)).toHaveLength(1);
  });

  it('folds long lines at 75 octets without splitting a character, and unfolds to the same text', () => {
    const title = `${'Spieleabend '.repeat(8)}${'Würfel 🎲 '.repeat(12)}`;
    const description = 'ü'.repeat(100);
    const body = buildCalendar('c', [entry(1, { title, description })], CONTEXT);
    const lines = body.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    // A split surrogate pair or UTF-8 sequence would not survive encoding.
    expect(Buffer.from(body, 'utf8').toString('utf8')).toBe(body);
    expect(body).not.toContain('\uFFFD');
    const [event] = parse(body).events;
    expect(event!.summary).toBe(title);
    expect(event!.description.startsWith(description)).toBe(true);
  });

  it('ends its lines with CRLF and has no bare line feeds', () => {
    const body = buildCalendar('c', [entry(1, { description: 'a\nb' })], CONTEXT);
    expect(body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(body.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  // RFC 5545 §3.4 ends the calendar object, like every content line, with CRLF; ical-generator
  // leaves the last one off. Clients tolerate it, strict validators do not.
  it('ends the last line with CRLF too', () => {
    expect(buildCalendar('c', [], CONTEXT).endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('is served as UTF-8 iCalendar', () => {
    expect(CALENDAR_CONTENT_TYPE).toBe('text/calendar; charset=utf-8');
  });
});
