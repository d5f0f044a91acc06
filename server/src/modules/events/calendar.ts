/**
 * iCalendar (RFC 5545) files for calendar apps, written by ical-generator, with the time zone
 * definitions (VTIMEZONE) from @touch4it/ical-timezones.
 *
 * - Times are the meetup's local wall-clock times with its TZID, so a calendar app shows "19:00"
 *   and moves a weekly series across DST changes exactly as the server did (recurrence.ts keeps
 *   the local time).
 * - A series is one VEVENT with an RRULE: the app shows it as one repeating entry. A cancelled
 *   occurrence is an EXDATE; an occurrence that was changed on its own (moved, retitled, at
 *   another place) is a VEVENT with the series' UID and a RECURRENCE-ID naming the occurrence it
 *   replaces.
 * - UIDs name the installation (`event-12@vicinity.example.org`), so two servers' meetup 12 are
 *   two entries in one calendar app; SEQUENCE counts changes, so a subscribed calendar updates
 *   (or strikes out) the same entry.
 * - Lines end with CRLF, the file's last line too.
 */
import ical, { escape, ICalEventStatus, type ICalCalendar } from 'ical-generator';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import type { CalendarEntry } from './queries.js';
import { expandRecurrence } from './recurrence.js';
import { formatInZone } from './zoned-time.js';

export const CALENDAR_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** How many meetups a feed carries at most (the soonest ones). */
export const CALENDAR_LIMIT = 500;

/** What makes links absolute and UIDs unique: PUBLIC_URL (or the local address) and the installation's host name. */
export interface CalendarContext {
  origin: string;
  uidHost: string;
}

export const eventUid = (id: number, uidHost: string) => `event-${id}@${uidHost}`;
export const seriesUid = (id: number, uidHost: string) => `series-${id}@${uidHost}`;

function locationTitle(event: CalendarEntry): string {
  if (event.place) return event.place.address ? `${event.place.name}, ${event.place.address}` : event.place.name;
  const point = `${event.location.lat.toFixed(6)}, ${event.location.lng.toFixed(6)}`;
  return event.locationPrecisionMeters === null
    ? point
    : `Within about ${event.locationPrecisionMeters} m of ${point} (the address is shown to people going)`;
}

/** `2026-03-04T19:00:00+01:00` → `2026-03-04T19:00:00`: the wall-clock time, read in the event's TZID. */
const wallClock = (zoned: string) => zoned.slice(0, 19);

/** `2026-03-04T19:00:00` → `20260304T190000`, as EXDATE writes a local time. */
const basicFormat = (wall: string) => wall.replace(/[-:]/g, '');

/** The wall-clock time of an instant in a zone. */
const wallClockOf = (instant: Date, zone: string) => wallClock(formatInZone(instant, zone));

/** What an occurrence shows; an occurrence that shows something else than the series' rule says is an override. */
function appearance(event: CalendarEntry) {
  return JSON.stringify([
    event.title,
    event.description,
    event.games,
    event.group?.name ?? null,
    locationTitle(event),
    event.location,
    Date.parse(event.endsAt) - Date.parse(event.startsAt),
  ]);
}

function addEvent(
  calendar: ICalCalendar,
  event: CalendarEntry,
  context: CalendarContext,
  extra: { uid: string; repeating?: string; recurrenceId?: string; sequence?: number },
) {
  const url = `${context.origin}${event.url}`;
  const about = [
    event.group ? `${event.group.name}` : null,
    event.games.length > 0 ? `Games: ${event.games.join(', ')}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  calendar.createEvent({
    id: extra.uid,
    sequence: extra.sequence ?? event.revision,
    timezone: event.timeZone,
    start: wallClock(event.startsAt),
    end: wallClock(event.endsAt),
    ...(extra.repeating ? { repeating: extra.repeating } : {}),
    ...(extra.recurrenceId ? { recurrenceId: extra.recurrenceId } : {}),
    stamp: new Date(event.updatedAt),
    created: new Date(event.createdAt),
    lastModified: new Date(event.updatedAt),
    summary: event.title,
    description: [event.description, about, url].filter((part) => part !== '').join('\n\n'),
    location: { title: locationTitle(event), geo: { lat: event.location.lat, lon: event.location.lng } },
    url,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
}

/** The RRULE (and EXDATE) lines of a series whose first listed occurrence is `first`. */
function recurrenceLines(first: CalendarEntry, count: number, excluded: string[]): string {
  const series = first.series!;
  let rule = `RRULE:FREQ=${series.freq === 'weekly' ? 'WEEKLY' : 'MONTHLY'};COUNT=${count}`;
  if (series.interval > 1) rule += `;INTERVAL=${series.interval}`;
  const day = Number(wallClock(first.startsAt).slice(8, 10));
  // A monthly series on the 29th–31st falls on the month's last day in shorter months
  // (recurrence.ts); a plain monthly rule would skip those months instead.
  if (series.freq === 'monthly' && day > 28) rule += `;BYMONTHDAY=${day},-1;BYSETPOS=1`;
  const lines = [rule];
  if (excluded.length > 0) lines.push(`EXDATE;TZID=${first.timeZone}:${excluded.map(basicFormat).join(',')}`);
  return lines.join('\r\n');
}

/** A series as one repeating VEVENT plus one VEVENT per occurrence that differs from its rule. */
function addSeries(calendar: ICalCalendar, occurrences: CalendarEntry[], context: CalendarContext) {
  const sorted = [...occurrences].sort((a, b) => a.series!.index - b.series!.index);
  const first = sorted[0]!;
  const { id, count, freq, interval } = first.series!;
  // Indexes count from 1: the rule covers the first listed occurrence and those after it.
  const remaining = count - first.series!.index + 1;
  const expected = expandRecurrence(
    { startsAt: new Date(first.startsAt), endsAt: new Date(first.endsAt) },
    first.timeZone,
    { freq, interval, count: remaining },
  ).map((occurrence) => wallClockOf(occurrence.startsAt, first.timeZone));
  const byIndex = new Map(sorted.map((event) => [event.series!.index - first.series!.index, event]));
  const excluded: string[] = [];
  const overrides: { event: CalendarEntry; recurrenceId: string }[] = [];
  expected.forEach((start, k) => {
    const event = byIndex.get(k);
    if (!event || event.status === 'cancelled') excluded.push(start);
    else if (k > 0 && (wallClock(event.startsAt) !== start || appearance(event) !== appearance(first))) {
      overrides.push({ event, recurrenceId: start });
    }
  });
  const uid = seriesUid(id, context.uidHost);
  // The series changes when any of its occurrences does.
  const sequence = Math.max(...sorted.map((event) => event.revision));
  addEvent(calendar, { ...first, status: 'scheduled' }, context, {
    uid,
    repeating: recurrenceLines(first, remaining, excluded),
    sequence,
  });
  for (const { event, recurrenceId } of overrides) addEvent(calendar, event, context, { uid, recurrenceId });
}

/**
 * A calendar of meetups. Occurrences of a series become the series' one repeating entry
 * (pass all of a series' occurrences, past ones included, for its EXDATEs and overrides);
 * `asSeries: false` writes each meetup as an entry of its own.
 */
export function buildCalendar(
  name: string,
  events: CalendarEntry[],
  context: CalendarContext,
  { asSeries = true }: { asSeries?: boolean } = {},
): string {
  const calendar = ical({
    // ical-generator writes the calendar's name as it gets it, while it escapes each event's
    // text: a meetup title holding a line break could otherwise add events of its own. A name
    // shows on one line, so its line breaks become spaces.
    name: escape(name.replace(/\s*[\r\n]+\s*/g, ' '), false),
    prodId: { company: 'Vicinity', product: 'Vicinity', language: 'EN' },
    // One VTIMEZONE for each zone the events use.
    timezone: { name: null, generator: getVtimezoneComponent },
    // Subscribed feeds: ask clients to refresh hourly.
    ttl: 60 * 60,
  });
  const series = new Map<number, CalendarEntry[]>();
  if (asSeries) {
    for (const event of events) {
      if (event.series) series.set(event.series.id, [...(series.get(event.series.id) ?? []), event]);
    }
  }
  // In the order given; a series where its first listed occurrence is.
  for (const event of events) {
    if (!asSeries || !event.series) addEvent(calendar, event, context, { uid: eventUid(event.id, context.uidHost) });
    else if (series.get(event.series.id)![0] === event) addSeries(calendar, series.get(event.series.id)!, context);
  }
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
