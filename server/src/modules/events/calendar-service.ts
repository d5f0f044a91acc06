/**
 * Who may read which calendar: a meetup's file and a group's feed open to whoever may see the
 * meetup or the group's content, or to the holder of a member's calendar key; an area feed lists
 * what the viewer may see within the radius.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LatLng } from '../../geo/point.js';
import { AppError, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { buildCalendar, CALENDAR_LIMIT, type CalendarContext } from './calendar.js';
import { calendarReader } from './calendar-keys.js';
import { findMembershipStart } from '../../policy/queries.js';
import {
  calendarEvents,
  findCalendarGroup,
  findEventGroupId,
  findInstallationId,
  type CalendarEntry,
} from './queries.js';

type Db = Kysely<Database>;

/**
 * The feed's meetups plus every other occurrence of the series among them, past ones too: a
 * series is one repeating entry, and its EXDATEs and changed occurrences need all of them.
 */
async function withWholeSeries(db: Db, events: CalendarEntry[], reader: number | null): Promise<CalendarEntry[]> {
  const seriesIds = [...new Set(events.flatMap((event) => (event.series ? [event.series.id] : [])))];
  if (seriesIds.length === 0) return events;
  const occurrences = await calendarEvents(db, { seriesIds }, reader, CALENDAR_LIMIT);
  const listed = new Set(events.map((event) => event.id));
  return [...events, ...occurrences.filter((event) => !listed.has(event.id))];
}

/** The meetups a person goes to, is waiting for, or organizes, each an entry of its own. */
export async function personalCalendar(db: Db, userId: number, context: CalendarContext): Promise<CalendarFile> {
  const events = await calendarEvents(db, { attendee: userId }, userId, CALENDAR_LIMIT);
  return { body: buildCalendar('My meetups', events, context, { asSeries: false }) };
}

export interface CalendarFile {
  body: string;
  filename?: string;
}

/** One meetup's file, an entry of its own also when it belongs to a series. */
export async function eventCalendar(
  calendarKeys: SignedCodec,
  db: Db,
  eventId: number,
  key: string | undefined,
  viewerId: number | null,
  context: CalendarContext,
): Promise<CalendarFile> {
  let reader = viewerId;
  if (key !== undefined) {
    // A key opens one group's calendars: the meetup's group decides whether it fits.
    const target = await findEventGroupId(db, eventId);
    if (!target) throw notFound('This meetup');
    reader = await calendarReader((g, u) => findMembershipStart(db, g, u), calendarKeys, key, target.groupId, reader);
  }
  const [event] = await calendarEvents(db, { eventId }, reader, 1);
  if (!event) throw notFound('This meetup');
  return {
    body: buildCalendar(event.title, [event], context, { asSeries: false }),
    filename: `meetup-${event.id}.ics`,
  };
}

/** A group's upcoming meetups. */
export async function groupCalendar(
  calendarKeys: SignedCodec,
  db: Db,
  groupId: number,
  key: string | undefined,
  viewerId: number | null,
  context: CalendarContext,
): Promise<CalendarFile> {
  const reader = await calendarReader((g, u) => findMembershipStart(db, g, u), calendarKeys, key, groupId, viewerId);
  const group = await findCalendarGroup(db, groupId, reader);
  if (!group) throw notFound('This group');
  if (!group.visible) throw new AppError(403, 'members_only', 'Only members can see this group’s meetups.');
  const events = await withWholeSeries(db, await calendarEvents(db, { groupId }, reader, CALENDAR_LIMIT), reader);
  return { body: buildCalendar(group.name, events, context) };
}

/** Upcoming meetups within a radius. */
export async function areaCalendar(
  db: Db,
  point: LatLng,
  radius: number,
  viewerId: number | null,
  context: CalendarContext,
): Promise<CalendarFile> {
  const events = await withWholeSeries(
    db,
    await calendarEvents(db, { near: { point, radius } }, viewerId, CALENDAR_LIMIT),
    viewerId,
  );
  const name = `Meetups within ${radius >= 1000 ? `${Math.round(radius / 100) / 10} km` : `${Math.round(radius)} m`}`;
  return { body: buildCalendar(name, events, context) };
}

/** The host name calendar UIDs carry without PUBLIC_URL: this installation's random id. */
export async function installationUidHost(db: Db): Promise<string> {
  return `${await findInstallationId(db)}.vicinity.invalid`;
}
