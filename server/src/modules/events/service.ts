/**
 * Creating, changing and cancelling meetups: the checks that need the database (who may, is it
 * over, where is the place) and the writes, each in one transaction so nothing is half-done —
 * a recurring series is created whole or not at all.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LatLng } from '../../geo/point.js';
import { conflict, forbidden, invalidField, notFound, unauthorized } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { roleMay } from '../../policy/group-roles.js';
import {
  eventSnapshot,
  notifyEventCancelled,
  notifyEventChanged,
  notifyEventsCreated,
} from '../notifications/index.js';
import { findGroupRole } from '../../policy/queries.js';
import { addAvatars, mediaOf, setMedia } from '../media/index.js';
import { gameNames, linkedGames, linkGames } from '../games/index.js';
import { calendarPath } from './calendar-keys.js';
import {
  cancelEvent,
  findEvent,
  findSeriesTail,
  groupExists,
  insertEvents,
  listAttendees,
  listEvents,
  lockEvent,
  placeLocation,
  splitSeries,
  updateEvent,
  type AttendeePosition,
  type EventChanges,
  type ListPosition,
  type LockedEvent,
} from './queries.js';
import { expandRecurrence, type Occurrence } from './recurrence.js';
import { fillSeats } from './rsvp-service.js';
import { schedulePlayerChecks } from './players.js';
import type { AttendeesQuery, CreateEventBody, Event, EventsQuery, UpdateEventBody } from './schemas.js';
import { canonicalTimeZone } from './zoned-time.js';
import { removedText } from '../posts/schemas.js';
import { findMembershipStart } from '../../policy/queries.js';
import { renderMarkdown } from '../../markdown/render.js';

type Db = Kysely<Database>;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The title a removed meetup shows instead of its own (as a removed post). */
const REMOVED_EVENT_TITLE = '[removed]';

function title(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed === '') throw invalidField('title', 'must not be blank', 'body');
  return trimmed;
}

function timeZone(raw: string): string {
  const zone = canonicalTimeZone(raw.trim());
  if (!zone) throw invalidField('timeZone', `is not an IANA time zone like Europe/Berlin: "${raw}"`, 'body');
  return zone;
}

/** Trimmed, blanks dropped, each game once (compared without case), in the order given. */
function games(raw: string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const game of raw.map((name) => name.trim()).filter(Boolean)) {
    if (seen.has(game.toLowerCase())) continue;
    seen.add(game.toLowerCase());
    result.push(game);
  }
  return result;
}

/** Times are kept to the second, as calendars keep them. */
function instant(iso: string): Date {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000);
}

function checkTimes(startsAt: Date, endsAt: Date, field: 'startsAt' | 'endsAt'): void {
  if (endsAt.getTime() <= startsAt.getTime()) {
    throw invalidField(field, field === 'endsAt' ? 'must be after startsAt' : 'must be before endsAt', 'body');
  }
  if (endsAt.getTime() <= Date.now()) throw invalidField('endsAt', 'must be in the future', 'body');
}

async function placePoint(db: Db, placeId: number): Promise<LatLng & { private_home: boolean }> {
  const point = await placeLocation(db, placeId);
  if (!point) throw invalidField('placeId', 'does not match any place', 'body');
  return point;
}

/** When a meetup short of players is decided: `hours` before it starts. */
function deadlineOf(startsAt: Date, hours: number | null | undefined): Date | null {
  return hours === null || hours === undefined ? null : new Date(startsAt.getTime() - hours * 3_600_000);
}

function checkPlayers(minPlayers: number | null, capacity: number | null): void {
  if (minPlayers !== null && capacity !== null && minPlayers > capacity) {
    throw invalidField('minPlayers', 'must not be more than capacity', 'body');
  }
}

/** Creates the meetup (every occurrence, for a recurring one); returns the ids, soonest first. */
export async function createEvents(db: Db, body: CreateEventBody, organizerId: number): Promise<number[]> {
  const fields = {
    title: title(body.title),
    description: body.description ?? '',
    timeZone: timeZone(body.timeZone),
    capacity: body.capacity ?? null,
    games: games(body.games ?? []),
    minPlayers: body.minPlayers ?? null,
    onShortfall: body.onShortfall ?? 'keep',
  };
  const first: Occurrence = { startsAt: instant(body.startsAt), endsAt: instant(body.endsAt) };
  checkTimes(first.startsAt, first.endsAt, 'endsAt');
  checkPlayers(fields.minPlayers, fields.capacity);
  if (body.decideHoursBefore !== undefined && fields.minPlayers === null) {
    throw invalidField('decideHoursBefore', 'needs minPlayers', 'body');
  }
  const firstDeadline = deadlineOf(first.startsAt, body.decideHoursBefore);
  if (firstDeadline && firstDeadline.getTime() <= Date.now()) {
    throw invalidField('decideHoursBefore', 'puts the deadline in the past', 'body');
  }
  if (body.placeId !== undefined && body.location !== undefined) {
    throw invalidField('location', 'cannot be given together with placeId (the place’s location is used)', 'body');
  }
  if (body.placeId === undefined && body.location === undefined) {
    throw invalidField('location', 'is required unless placeId is given', 'body');
  }
  const occurrences = body.recurrence ? expandRecurrence(first, fields.timeZone, body.recurrence) : [first];

  return db.transaction().execute(async (trx) => {
    if (body.gameIds && body.gameIds.length > 0) {
      // Checked first, so their names join the meetup's games; linked to each occurrence below.
      fields.games = games([...(await gameNames(trx, body.gameIds)), ...fields.games]);
    }
    const place = body.placeId === undefined ? null : await placePoint(trx, body.placeId);
    const location = place ? { lat: place.lat, lng: place.lng } : body.location!;
    // A private home's meetups are approximate unless the organizer says otherwise.
    const locationPrivacy = body.locationPrivacy ?? (place?.private_home ? 'approximate' : 'exact');
    if (body.groupId !== undefined) {
      if (!(await groupExists(trx, body.groupId))) throw invalidField('groupId', 'does not match any group', 'body');
      // FOR SHARE: a concurrent role change waits until this meetup is created.
      const role = await findGroupRole(trx, body.groupId, organizerId, 'share');
      if (!roleMay(role, 'manage_events')) {
        throw forbidden('Only the group’s owners and organizers can create its meetups.');
      }
    }
    const ids = await insertEvents(
      trx,
      {
        ...fields,
        location,
        locationPrivacy,
        placeId: body.placeId ?? null,
        groupId: body.groupId ?? null,
        organizerId,
        decideHoursBefore: body.decideHoursBefore ?? null,
      },
      occurrences,
      body.recurrence ? { freq: body.recurrence.freq, interval: body.recurrence.interval ?? 1 } : null,
    );
    await notifyEventsCreated(trx, ids, organizerId);
    await schedulePlayerChecks(trx, ids);
    if (body.gameIds) for (const id of ids) await linkGames(trx, { type: 'event', id }, body.gameIds);
    // A photo is shown in one place: a series' photos go with its first meetup.
    if (body.mediaIds) await setMedia(trx, { type: 'event', id: ids[0]! }, body.mediaIds, organizerId);
    return ids;
  });
}

/** Loads and locks the event for a change by the viewer: 404 when hidden, 403 when not theirs. */
export async function lockForChange(trx: Db, id: number, viewerId: number) {
  const event = await lockEvent(trx, id, viewerId);
  if (!event) throw notFound('This meetup');
  if (!event.can_edit) {
    throw forbidden(
      'Only the meetup’s organizer (or, for a group’s meetup, the group’s owners and organizers) can do this.',
    );
  }
  return event;
}

/** The fields of a change that do not depend on the meetup's row, checked. */
function plainChanges(patch: UpdateEventBody): EventChanges {
  return {
    ...(patch.title === undefined ? {} : { title: title(patch.title) }),
    ...(patch.description === undefined ? {} : { description: patch.description }),
    ...(patch.timeZone === undefined ? {} : { timeZone: timeZone(patch.timeZone) }),
    ...(patch.games === undefined ? {} : { games: games(patch.games) }),
    ...(patch.capacity === undefined ? {} : { capacity: patch.capacity }),
    ...(patch.minPlayers === undefined ? {} : { minPlayers: patch.minPlayers }),
    ...(patch.onShortfall === undefined ? {} : { onShortfall: patch.onShortfall }),
  };
}

/**
 * Changes one meetup (for a recurring one, only this occurrence, unless `scope` is `following`:
 * then this one and every later one, the series split here).
 */
export async function changeEvent(db: Db, id: number, viewerId: number, patch: UpdateEventBody): Promise<void> {
  plainChanges(patch); // 400s before any lock
  if (patch.placeId !== undefined && patch.placeId !== null && patch.location !== undefined) {
    throw invalidField('location', 'cannot be given together with placeId (the place’s location is used)', 'body');
  }

  await db.transaction().execute(async (trx) => {
    const event = await lockForChange(trx, id, viewerId);
    if (event.status === 'cancelled')
      throw conflict('event_cancelled', 'This meetup was cancelled and cannot be changed.');
    if (event.past) throw conflict('event_past', 'This meetup is over and cannot be changed.');
    if (patch.scope === 'following' && event.series_id !== null && event.series_index !== null) {
      await changeFollowing(trx, event, viewerId, patch);
      return;
    }
    const times =
      patch.startsAt === undefined && patch.endsAt === undefined
        ? undefined
        : {
            startsAt: patch.startsAt === undefined ? event.starts_at : instant(patch.startsAt),
            endsAt: patch.endsAt === undefined ? event.ends_at : instant(patch.endsAt),
          };
    await applyChange(trx, event, viewerId, patch, times, true);
  });
}

/**
 * This occurrence and the later ones of its series, then the split. With new times, the later
 * occurrences follow the series' rule from this one's new start (its local time and length);
 * otherwise they keep theirs. Cancelled ones only move, so the calendar's EXDATEs stay where the
 * rule puts them.
 */
async function changeFollowing(trx: Db, event: LockedEvent, viewerId: number, patch: UpdateEventBody) {
  const seriesId = event.series_id!;
  const atIndex = event.series_index!;
  const { series, tail } = await findSeriesTail(trx, seriesId, atIndex);
  let timesAt: ((index: number) => Occurrence) | null = null;
  if (patch.startsAt !== undefined || patch.endsAt !== undefined) {
    const first = {
      startsAt: patch.startsAt === undefined ? event.starts_at : instant(patch.startsAt),
      endsAt: patch.endsAt === undefined ? event.ends_at : instant(patch.endsAt),
    };
    checkTimes(first.startsAt, first.endsAt, patch.endsAt === undefined ? 'startsAt' : 'endsAt');
    const zone = patch.timeZone === undefined ? event.time_zone : timeZone(patch.timeZone);
    const expanded = expandRecurrence(first, zone, {
      freq: series.freq,
      interval: series.repeat_every,
      count: series.occurrences - atIndex + 1,
    });
    timesAt = (index) => expanded[index - atIndex]!;
  }
  for (const row of tail) {
    if (row.past) continue;
    const times = timesAt?.(row.series_index!);
    if (row.status === 'cancelled') {
      if (times) await updateEvent(trx, row.id, { startsAt: times.startsAt, endsAt: times.endsAt });
      continue;
    }
    const occurrence = row.id === event.id ? event : await lockForChange(trx, row.id, viewerId);
    // A series' photos stay with one meetup (see createEvents): only this one's change.
    await applyChange(trx, occurrence, viewerId, patch, times, row.id === event.id);
  }
  if (atIndex > 1) await splitSeries(trx, series, atIndex);
}

/** Writes a change to one occurrence, with what follows from it: seats, notifications, checks. */
async function applyChange(
  trx: Db,
  event: LockedEvent,
  viewerId: number,
  patch: UpdateEventBody,
  times: Occurrence | undefined,
  withMedia: boolean,
): Promise<void> {
  const id = event.id;
  const changes = plainChanges(patch);
  if (times) {
    checkTimes(times.startsAt, times.endsAt, patch.endsAt === undefined ? 'startsAt' : 'endsAt');
    changes.startsAt = times.startsAt;
    changes.endsAt = times.endsAt;
  }
  let location: LatLng | undefined;
  let privacy = patch.locationPrivacy;
  if (patch.placeId !== undefined && patch.placeId !== null) {
    changes.placeId = patch.placeId;
    const place = await placePoint(trx, patch.placeId);
    location = { lat: place.lat, lng: place.lng };
    if (place.private_home) privacy ??= 'approximate';
  } else {
    if (patch.placeId === null) changes.placeId = null;
    if (patch.location !== undefined) {
      location = patch.location;
      changes.placeId = null;
    }
  }
  if (location !== undefined || privacy !== undefined) {
    changes.where = {
      location: location ?? { lat: event.lat, lng: event.lng },
      privacy: privacy ?? event.location_privacy,
    };
  }
  const minPlayers = changes.minPlayers === undefined ? event.min_players : changes.minPlayers;
  checkPlayers(minPlayers, changes.capacity === undefined ? event.capacity : changes.capacity);
  const startsAt = changes.startsAt ?? event.starts_at;
  if (patch.decideHoursBefore !== undefined) {
    changes.playersDeadline = deadlineOf(startsAt, patch.decideHoursBefore);
  } else if (changes.startsAt && event.players_deadline) {
    // The deadline keeps its distance from the start when the meetup moves.
    changes.playersDeadline = new Date(
      event.players_deadline.getTime() + changes.startsAt.getTime() - event.starts_at.getTime(),
    );
  }
  if (minPlayers === null && patch.minPlayers === null) changes.playersDeadline = null;
  const deadline = changes.playersDeadline === undefined ? event.players_deadline : changes.playersDeadline;
  if (deadline !== null && minPlayers === null) throw invalidField('minPlayers', 'is needed with a deadline', 'body');
  if (changes.playersDeadline && changes.playersDeadline.getTime() <= Date.now()) {
    throw invalidField('decideHoursBefore', 'puts the deadline in the past', 'body');
  }

  // Games from the list replace the names (with any names given beside them).
  if (patch.gameIds) changes.games = games([...(await gameNames(trx, patch.gameIds)), ...(changes.games ?? [])]);
  const before = await eventSnapshot(trx, id);
  await updateEvent(trx, id, changes);
  if (changes.capacity !== undefined) await fillSeats(trx, { id, capacity: changes.capacity });
  await notifyEventChanged(trx, before, viewerId);
  await schedulePlayerChecks(trx, [id]);
  if (patch.mediaIds && withMedia) await setMedia(trx, { type: 'event', id }, patch.mediaIds, viewerId);
  if (patch.gameIds) await linkGames(trx, { type: 'event', id }, patch.gameIds);
}

/** Cancels one meetup; it stays readable as cancelled and its RSVPs are kept. Repeating it is harmless. */
export async function cancel(db: Db, id: number, viewerId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const event = await lockForChange(trx, id, viewerId);
    if (event.status === 'cancelled') return;
    if (event.past) throw conflict('event_past', 'This meetup is over and cannot be cancelled.');
    await cancelEvent(trx, id);
    await notifyEventCancelled(trx, id, viewerId);
  });
}

/** Parsed and checked `from`/`to` of a list. */
function timeWindow(from: string | undefined, to: string | undefined): { from: Date | null; to: Date | null } {
  const window = { from: from === undefined ? null : new Date(from), to: to === undefined ? null : new Date(to) };
  if (window.from && window.to && window.to.getTime() <= window.from.getTime()) {
    throw invalidField('to', 'must be after from');
  }
  return window;
}

/**
 * A meetup moderators removed, as its page shows it to everyone: why, never what (as a removed
 * post): no title, description, organizer, place, games or photos; when, roughly where, and in
 * which group stay, so that its discussion and the log make sense.
 */
function removedEvent(event: Awaited<ReturnType<typeof findEvent>> & object): Event {
  const reason = event.moderation?.reason ?? '';
  return {
    ...event,
    title: REMOVED_EVENT_TITLE,
    description: removedText(reason),
    descriptionHtml: `<p>${escapeHtml(removedText(reason))}</p>`,
    place: null,
    organizer: null,
    games: [],
    canEdit: false,
    media: [],
    linkedGames: [],
    calendarUrl: `/api/events/${event.id}/calendar.ics`,
    moderation: { state: 'removed', reason },
  };
}

/** The meetup as the viewer sees it, with its calendar file's path (keyed for a private group's member). */
export async function readEvent(
  calendarKeys: SignedCodec,
  db: Db,
  id: number,
  viewerId: number | null,
  mediaKeys: SignedCodec | null = null,
): Promise<Event> {
  const event = await findEvent(db, id, viewerId);
  if (!event) throw notFound('This meetup');
  if (event.moderation?.state === 'removed') return removedEvent(event);
  const viewer = viewerId !== null && mediaKeys ? { id: viewerId, keys: mediaKeys } : null;
  await addAvatars(db, [event.organizer]);
  return {
    ...event,
    // Rendered as it is read, as few meetups are opened at once and their descriptions are short.
    descriptionHtml: renderMarkdown(event.description),
    media: (await mediaOf(db, 'event', [id], viewer)).get(id) ?? [],
    linkedGames: await linkedGames(db, 'event', id),
    calendarUrl: await calendarPath(
      (g, u) => findMembershipStart(db, g, u),
      calendarKeys,
      `/api/events/${id}/calendar.ics`,
      event.group,
      viewerId,
    ),
  };
}

/** The list query's parameters checked together, and the rows of one page. */
export async function listEventsPage(cursors: SignedCodec, db: Db, query: EventsQuery, viewerId: number | null) {
  const given = (['lat', 'lng', 'radius'] as const).filter((field) => query[field] !== undefined);
  if (given.length > 0 && given.length < 3) {
    const missing = (['lat', 'lng', 'radius'] as const).find((field) => query[field] === undefined)!;
    throw invalidField(missing, 'is required with lat, lng and radius');
  }
  const near = given.length === 3 ? { point: { lat: query.lat!, lng: query.lng! }, radius: query.radius! } : null;
  const order = query.order ?? (near ? 'distance' : 'soonest');
  if (order === 'distance' && !near) throw invalidField('lat', 'is required for order=distance (with lng and radius)');
  const after = query.cursor ? cursors.decode(query.cursor, isListPosition) : null;
  if (after && after.o !== order) throw invalidField('cursor', 'belongs to a list in another order');
  if (query.mine && viewerId === null) throw unauthorized('Sign in to list your meetups.');
  const { rows, more } = await listEvents(db, {
    near,
    order,
    ...timeWindow(query.from, query.to),
    groupId: query.groupId ?? null,
    seriesId: query.seriesId ?? null,
    placeId: query.placeId ?? null,
    includeCancelled: query.includeCancelled,
    mine: query.mine ?? null,
    needsPlayers: query.needsPlayers ?? false,
    collapseSeries: query.collapseSeries,
    limit: query.limit,
    after,
    viewerId,
  });
  const last = rows.at(-1);
  return { rows, nextCursor: more && last ? cursors.encode(last.position) : null };
}

export function isListPosition(value: unknown): value is ListPosition {
  const v = value as Record<string, unknown>;
  if (typeof v !== 'object' || v === null || !Number.isSafeInteger(v.i)) return false;
  if (v.o === 'soonest') return Number.isSafeInteger(v.s);
  return v.o === 'distance' && typeof v.d === 'number' && Number.isFinite(v.d) && v.d >= 0;
}

/** A page of who is going or waitlisted, for whoever may see the meetup. */
export async function attendeesPage(
  cursors: SignedCodec,
  db: Db,
  eventId: number,
  query: AttendeesQuery,
  viewerId: number | null,
) {
  const event = await findEvent(db, eventId, viewerId);
  // A removed meetup's page says why; who was going is no longer shown.
  if (!event || event.moderation?.state === 'removed') throw notFound('This meetup');
  const after = query.cursor ? cursors.decode(query.cursor, isAttendeePosition) : null;
  const { attendees, last, more } = await listAttendees(db, eventId, query.status, after, query.limit);
  return { attendees, nextCursor: more && last ? cursors.encode(last) : null };
}

export function isAttendeePosition(value: unknown): value is AttendeePosition {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as AttendeePosition).a);
}
