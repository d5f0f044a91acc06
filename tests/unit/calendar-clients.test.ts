/**
 * Calendar files as calendar software reads them: node-ical (npm) and Python's icalendar (Debian
 * python3-icalendar) parse every file, a series comes out as one repeating entry whose instances
 * are the meetups' real times across a DST change, with a cancelled occurrence left out and a
 * moved one moved. Without Python's icalendar its checks are skipped, except under CI where the
 * global setup fails the run instead.
 */
import { execFileSync } from 'node:child_process';
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../server/src/modules/events/calendar.js';
import type { CalendarEntry } from '../../server/src/modules/events/queries.js';
import { hasPythonIcalendar, PYTHON } from '../setup/require-ci-tools.js';

const CONTEXT = { origin: 'https://vicinity.example.org', uidHost: 'vicinity.example.org' };
const python = hasPythonIcalendar();

function occurrence(index: number, startsAt: string, endsAt: string, changes: Partial<CalendarEntry> = {}) {
  return {
    id: 100 + index,
    title: 'Game night',
    description: 'Bring a game.',
    startsAt,
    endsAt,
    timeZone: 'Europe/Berlin',
    location: { lat: 52.4935, lng: 13.4225 },
    locationPrivacy: 'exact',
    locationPrecisionMeters: null,
    place: null,
    group: { id: 4, name: 'Catan Crew', visibility: 'public' },
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
    series: { id: 9, freq: 'weekly', interval: 1, rule: 'weekly', index: index + 1, count: 4, upcoming: 4 },
    myRsvp: null,
    canEdit: false,
    url: `/events/${100 + index}`,
    createdAt: '2026-01-10T09:00:00.000Z',
    updatedAt: '2026-01-12T17:30:00.000Z',
    revision: 0,
    ...changes,
  } satisfies CalendarEntry;
}

/** Weekly at 19:00 Berlin time across the switch to summer time (29 March 2026); the third is cancelled, the fourth moved to 20:00. */
const series = [
  occurrence(0, '2026-03-18T19:00:00+01:00', '2026-03-18T22:00:00+01:00'),
  occurrence(1, '2026-03-25T19:00:00+01:00', '2026-03-25T22:00:00+01:00'),
  occurrence(2, '2026-04-01T19:00:00+02:00', '2026-04-01T22:00:00+02:00', { status: 'cancelled', revision: 1 }),
  occurrence(3, '2026-04-08T20:00:00+02:00', '2026-04-08T23:00:00+02:00', { revision: 2 }),
];
const single = occurrence(0, '2026-05-02T15:00:00+02:00', '2026-05-02T18:00:00+02:00', { id: 7, series: null });

describe('a series in a calendar file', () => {
  const body = buildCalendar('Catan Crew', [...series, single], CONTEXT);

  it('is one repeating VEVENT with RRULE, an EXDATE for the cancelled occurrence and an override for the moved one', () => {
    const blocks = body.split('BEGIN:VEVENT').slice(1);
    expect(blocks).toHaveLength(3);
    const [master, override, alone] = blocks as [string, string, string];
    expect(master).toContain('UID:series-9@vicinity.example.org\r\n');
    expect(master).toContain('DTSTART;TZID=Europe/Berlin:20260318T190000\r\n');
    expect(master).toContain('RRULE:FREQ=WEEKLY;COUNT=4\r\n');
    expect(master).toContain('EXDATE;TZID=Europe/Berlin:20260401T190000\r\n');
    expect(master).toContain('SEQUENCE:2\r\n');
    expect(override).toContain('UID:series-9@vicinity.example.org\r\n');
    expect(override).toContain('RECURRENCE-ID;TZID=Europe/Berlin:20260408T190000\r\n');
    expect(override).toContain('DTSTART;TZID=Europe/Berlin:20260408T200000\r\n');
    expect(alone).toContain('UID:event-7@vicinity.example.org\r\n');
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n');
    expect(body.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('expands in node-ical to the meetups’ real instants', () => {
    const parsed = ical.sync.parseICS(body);
    const events = Object.values(parsed).filter((component): component is ical.VEvent => component?.type === 'VEVENT');
    const master = events.find((event) => event.uid === 'series-9@vicinity.example.org' && event.rrule)!;
    expect(master).toBeDefined();
    const instances = ical.expandRecurringEvent(master, {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-05-01T00:00:00Z'),
    });
    expect(instances.map((instance) => new Date(instance.start).toISOString())).toEqual([
      '2026-03-18T18:00:00.000Z',
      '2026-03-25T18:00:00.000Z',
      '2026-04-08T18:00:00.000Z',
    ]);
  });

  it.skipIf(!python)('parses in Python’s icalendar, whose rules give the same instants', () => {
    const script = `
import json, sys
import pytz
from icalendar import Calendar
from dateutil.rrule import rrulestr
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = {"timezones": [str(tz.get("tzid")) for tz in cal.walk("VTIMEZONE")], "events": []}
for event in cal.walk("VEVENT"):
    start = event.decoded("dtstart")
    item = {"uid": str(event.get("uid")), "start": start.isoformat()}
    if event.get("rrule"):
        # The rule runs on local wall-clock times, each then placed in the zone (pytz needs localize).
        zone = pytz.timezone(str(event.get("dtstart").params["TZID"]))
        rule = rrulestr(event.get("rrule").to_ical().decode(), dtstart=start.replace(tzinfo=None))
        exdates = event.get("exdate")
        exdates = exdates if isinstance(exdates, list) else [exdates] if exdates else []
        skipped = {d.dt.replace(tzinfo=None) for e in exdates for d in e.dts}
        item["instances"] = [zone.localize(d).isoformat() for d in rule if d not in skipped]
    if event.get("recurrence-id"):
        item["recurrenceId"] = event.decoded("recurrence-id").isoformat()
    out["events"].append(item)
print(json.dumps(out))
`;
    const parsed = JSON.parse(execFileSync(PYTHON, ['-c', script], { input: body }).toString());
    expect(parsed.timezones).toEqual(['Europe/Berlin']);
    expect(parsed.events).toEqual([
      {
        uid: 'series-9@vicinity.example.org',
        start: '2026-03-18T19:00:00+01:00',
        instances: ['2026-03-18T19:00:00+01:00', '2026-03-25T19:00:00+01:00', '2026-04-08T19:00:00+02:00'],
      },
      {
        uid: 'series-9@vicinity.example.org',
        start: '2026-04-08T20:00:00+02:00',
        recurrenceId: '2026-04-08T19:00:00+02:00',
      },
      { uid: 'event-7@vicinity.example.org', start: '2026-05-02T15:00:00+02:00' },
    ]);
  });

  it('writes INTERVAL for a series every 2 weeks, which node-ical and Python’s icalendar expand to the meetups', () => {
    const fortnightly = [
      ['2026-03-12T19:00:00+01:00', '2026-03-12T21:00:00+01:00'],
      ['2026-03-26T19:00:00+01:00', '2026-03-26T21:00:00+01:00'],
      ['2026-04-09T19:00:00+02:00', '2026-04-09T21:00:00+02:00'],
    ].map(([start, end], index) =>
      occurrence(index, start!, end!, {
        series: { id: 5, freq: 'weekly', interval: 2, rule: 'every 2 weeks', index: index + 1, count: 3, upcoming: 3 },
      }),
    );
    const file = buildCalendar('Fortnightly', fortnightly, CONTEXT);
    expect(file).toContain('RRULE:FREQ=WEEKLY;COUNT=3;INTERVAL=2\r\n');
    expect(file.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const master = Object.values(ical.sync.parseICS(file)).find((c): c is ical.VEvent => c?.type === 'VEVENT')!;
    const instances = ical.expandRecurringEvent(master, {
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-06-01T00:00:00Z'),
    });
    const expected = fortnightly.map((event) => new Date(event.startsAt).toISOString());
    expect(instances.map((instance) => new Date(instance.start).toISOString())).toEqual(expected);
    if (!python) return;
    const script = `
import json, sys
import pytz
from icalendar import Calendar
from dateutil.rrule import rrulestr
event = next(iter(Calendar.from_ical(sys.stdin.buffer.read()).walk("VEVENT")))
start = event.decoded("dtstart")
zone = pytz.timezone(str(event.get("dtstart").params["TZID"]))
rule = rrulestr(event.get("rrule").to_ical().decode(), dtstart=start.replace(tzinfo=None))
print(json.dumps([zone.localize(d).isoformat() for d in rule]))
`;
    const parsed = JSON.parse(execFileSync(PYTHON, ['-c', script], { input: file }).toString());
    expect(parsed).toEqual(fortnightly.map((event) => event.startsAt));
  });

  it('keeps a monthly series on the 31st on each month’s last day, as the server does', () => {
    const monthly = [
      ['2026-01-31T19:00:00+01:00', '2026-01-31T21:00:00+01:00'],
      ['2026-02-28T19:00:00+01:00', '2026-02-28T21:00:00+01:00'],
      ['2026-03-31T19:00:00+02:00', '2026-03-31T21:00:00+02:00'],
      ['2026-04-30T19:00:00+02:00', '2026-04-30T21:00:00+02:00'],
    ].map(([start, end], index) =>
      occurrence(index, start!, end!, {
        series: { id: 3, freq: 'monthly', interval: 1, rule: 'monthly', index: index + 1, count: 4, upcoming: 4 },
      }),
    );
    const file = buildCalendar('Monthly', monthly, CONTEXT);
    expect(file).toContain('RRULE:FREQ=MONTHLY;COUNT=4;BYMONTHDAY=31,-1;BYSETPOS=1\r\n');
    expect(file.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const master = Object.values(ical.sync.parseICS(file)).find((c): c is ical.VEvent => c?.type === 'VEVENT')!;
    const instances = ical.expandRecurringEvent(master, {
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-06-01T00:00:00Z'),
    });
    expect(instances.map((instance) => new Date(instance.start).toISOString())).toEqual(
      monthly.map((event) => new Date(event.startsAt).toISOString()),
    );
  });

  it('gives two installations different UIDs for the same meetup', () => {
    const other = buildCalendar('Catan Crew', [single], { ...CONTEXT, uidHost: 'other.example' });
    expect(other).toContain('UID:event-7@other.example\r\n');
    expect(body).not.toContain('UID:event-7@other.example');
  });
});
