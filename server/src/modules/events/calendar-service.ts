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
import { buildCalendar, CALENDAR_LIMIT } from './calendar.js';
import { calendarReader } from './calendar-keys.js';
import { calendarEvents, findCalendarGroup, findEventGroupId } from './queries.js';
import { findMembershipStart } from '../../policy/queries.js';

type Db = Kysely<Database>;

export interface CalendarFile {
  body: string;
  filename?: string;
}

/** One meetup's file; `origin` makes its links absolute. */
export async function eventCalendar(
  calendarKeys: SignedCodec,
  db: Db,
  eventId: number,
  key: string | undefined,
  viewerId: number | null,
  origin: string,
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
  return { body: buildCalendar(event.title, [event], origin), filename: `meetup-${event.id}.ics` };
}

/** A group's upcoming meetups. */
export async function groupCalendar(
  calendarKeys: SignedCodec,
  db: Db,
  groupId: number,
  key: string | undefined,
  viewerId: number | null,
  origin: string,
): Promise<CalendarFile> {
  const reader = await calendarReader((g, u) => findMembershipStart(db, g, u), calendarKeys, key, groupId, viewerId);
  const group = await findCalendarGroup(db, groupId, reader);
  if (!group) throw notFound('This group');
  if (!group.visible) throw new AppError(403, 'members_only', 'Only members can see this group’s meetups.');
  const events = await calendarEvents(db, { groupId }, reader, CALENDAR_LIMIT);
  return { body: buildCalendar(group.name, events, origin) };
}

/** Upcoming meetups within a radius. */
export async function areaCalendar(
  db: Db,
  point: LatLng,
  radius: number,
  viewerId: number | null,
  origin: string,
): Promise<CalendarFile> {
  const events = await calendarEvents(db, { near: { point, radius } }, viewerId, CALENDAR_LIMIT);
  const name = `Meetups within ${radius >= 1000 ? `${Math.round(radius / 100) / 10} km` : `${Math.round(radius)} m`}`;
  return { body: buildCalendar(name, events, origin) };
}
