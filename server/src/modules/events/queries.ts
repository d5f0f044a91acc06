import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { EventStatus, LocationPrivacy, RecurrenceFreq, RsvpStatus, Shortfall } from '../../db/tables/events.js';
import type { GroupVisibility } from '../../db/tables/places-and-groups.js';
import { distanceSql, latSql, lngSql, pointSql, withinSql, type LatLng } from '../../geo/point.js';
import { notBlockedSql, visibleContentSql } from '../../policy/moderation.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';
import { viewerMaySql } from '../../policy/group-roles.js';
import type { Occurrence } from './recurrence.js';
import type { Event, EventSummary } from './schemas.js';
import { formatInZone } from './zoned-time.js';
import { excerptOf } from '../../markdown/excerpt.js';
import { coarsen, COARSEN_METERS } from '../../geo/coarsen.js';

type Db = Kysely<Database>;

/**
 * Whether the viewer may change the event: for a group's meetup, those whose current role in the
 * group may manage its meetups (so a demoted organizer loses the right); for anyone else's, its
 * organizer.
 */
function canEditSql(viewerId: number | null): RawBuilder<boolean> {
  if (viewerId === null) return sql<boolean>`false`;
  return sql<boolean>`coalesce(case when e.group_id is null then e.organizer_id = ${viewerId}::bigint
    else ${viewerMaySql('e.group_id', viewerId, 'manage_events')} end, false)`;
}

/**
 * A series' rhythm in plain words ("weekly", "every 2 weeks", "monthly", "every 3 months"), from
 * its row `s`: lists of meetups and the nearby items say it the same way.
 */
export function seriesRuleSql(s: string): RawBuilder<string> {
  const freq = sql.ref(`${s}.freq`);
  const every = sql.ref(`${s}.repeat_every`);
  return sql<string>`case when ${every} = 1 then ${freq}
    else 'every ' || ${every} || case when ${freq} = 'weekly' then ' weeks' else ' months' end end`;
}

/** Occurrences of the series of event `e` that have not ended and are not cancelled. */
export function seriesUpcomingSql(seriesId: string): RawBuilder<number> {
  return sql<number>`(select count(*)::int from events o where o.series_id = ${sql.ref(seriesId)}
    and o.status = 'scheduled' and o.ends_at > now())`;
}

const goingCountSql = sql<number>`(select count(*)::int from event_rsvps r where r.event_id = e.id and r.status = 'going')`;

/**
 * Whether the viewer sees the meetup's exact point and address: always for an exact meetup; for
 * an approximate one, only its organizers (who may change it) and the people going. Everyone
 * else, the waitlist included, sees the area (`public_location`) and no place. Every list ranks,
 * filters and pages by `public_location` for everyone (see listEvents), so only what a row shows
 * depends on this, never which rows come or in what order.
 */
function seesExactSql(viewerId: number | null): RawBuilder<boolean> {
  if (viewerId === null) return sql<boolean>`(e.location_privacy = 'exact')`;
  return sql<boolean>`(e.location_privacy = 'exact' or ${canEditSql(viewerId)}
    or exists (select 1 from event_rsvps x where x.event_id = e.id and x.user_id = ${viewerId}::bigint
      and x.status = 'going'))`;
}

/** The point to show the viewer: exact or the area's centre, as seesExactSql decides. */
const shownSql = (seesExact: RawBuilder<boolean>, of: typeof latSql) =>
  sql<number>`case when ${seesExact} then ${of('e.location')} else ${of('e.public_location')} end`;

/**
 * Events the viewer may see, with everything the JSON answer shows. `page`: one meetup's own page,
 * which answers for a removed meetup too (a placeholder with the reason, made by the caller) and
 * for a held one to its organizer; every list leaves both out.
 */
function visibleEvents(db: Db, viewerId: number | null, page = false) {
  const viewer = sql`${viewerId}::bigint`;
  const seesExact = seesExactSql(viewerId);
  const exactOnly = <T>(value: RawBuilder<T>) => sql<T | null>`case when ${seesExact} then ${value} end`;
  return (
    db
      .selectFrom('events as e')
      .leftJoin('places as p', 'p.id', 'e.place_id')
      .leftJoin('groups as g', 'g.id', 'e.group_id')
      .leftJoin('users as u', 'u.id', 'e.organizer_id')
      .leftJoin('event_series as s', 's.id', 'e.series_id')
      .select([
        'e.id',
        'e.title',
        'e.starts_at',
        'e.ends_at',
        'e.time_zone',
        'e.capacity',
        'e.games',
        'e.status',
        'e.series_id',
        'e.series_index',
        's.freq as series_freq',
        's.occurrences as series_count',
        's.repeat_every as series_interval',
        seriesRuleSql('s').as('series_rule'),
        seriesUpcomingSql('e.series_id').as('series_upcoming'),
        exactOnly(sql<number>`e.place_id`).as('place_id'),
        exactOnly(sql<string>`p.name`).as('place_name'),
        exactOnly(sql<string | null>`p.address`).as('place_address'),
        seesExact.as('sees_exact'),
        'e.location_privacy',
        'e.min_players',
        'e.players_deadline',
        'e.on_shortfall',
        'e.group_id',
        'g.name as group_name',
        'g.visibility as group_visibility',
        'e.organizer_id',
        'u.display_name as organizer_name',
        'e.created_at',
        'e.updated_at',
        shownSql(seesExact, latSql).as('lat'),
        shownSql(seesExact, lngSql).as('lng'),
        goingCountSql.as('going'),
        sql<number>`(select count(*)::int from event_rsvps r where r.event_id = e.id and r.status = 'waitlisted')`.as(
          'waitlisted',
        ),
        sql<RsvpStatus | null>`(select r.status from event_rsvps r where r.event_id = e.id and r.user_id = ${viewer})`.as(
          'my_status',
        ),
        sql<number>`(select count(*)::int from event_rsvps me join event_rsvps w
        on w.event_id = me.event_id and w.status = 'waitlisted' and w.arrival <= me.arrival
        where me.event_id = e.id and me.user_id = ${viewer} and me.status = 'waitlisted')`.as('my_position'),
        canEditSql(viewerId).as('can_edit'),
      ])
      .where(groupContentVisibleSql('e.group_id', viewerId))
      // Removed or held meetups and those of people who blocked each other are gone from every
      // list and calendar; a removed one's page says why.
      .where(
        page
          ? sql<boolean>`coalesce((select mc.state = 'removed' or e.organizer_id = ${viewer} from moderated_content mc
              where mc.subject_type = 'event' and mc.subject_id = e.id), true)`
          : visibleContentSql('event', 'e.id'),
      )
      .where(notBlockedSql('e.organizer_id', viewerId))
  );
}

type EventRow = Awaited<ReturnType<ReturnType<typeof visibleEvents>['executeTakeFirstOrThrow']>>;

function toSummary(row: EventRow): EventSummary {
  const zone = row.time_zone;
  return {
    id: row.id,
    title: row.title,
    startsAt: formatInZone(row.starts_at, zone),
    endsAt: formatInZone(row.ends_at, zone),
    timeZone: zone,
    location: { lat: row.lat, lng: row.lng },
    locationPrivacy: row.location_privacy,
    locationPrecisionMeters: row.sees_exact ? null : COARSEN_METERS,
    place:
      row.place_id !== null && row.place_name !== null
        ? { id: row.place_id, name: row.place_name, address: row.place_address }
        : null,
    group:
      row.group_id !== null && row.group_name !== null
        ? { id: row.group_id, name: row.group_name, visibility: row.group_visibility as GroupVisibility }
        : null,
    organizer:
      row.organizer_id !== null && row.organizer_name !== null
        ? { id: row.organizer_id, displayName: row.organizer_name }
        : null,
    capacity: row.capacity,
    going: row.going,
    waitlisted: row.waitlisted,
    seatsLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.going),
    games: row.games,
    minPlayers: row.min_players,
    needsPlayers: row.min_players === null ? 0 : Math.max(0, row.min_players - row.going),
    playersDeadline: row.players_deadline?.toISOString() ?? null,
    onShortfall: row.on_shortfall,
    status: row.status,
    series:
      row.series_id !== null && row.series_index !== null && row.series_freq !== null && row.series_count !== null
        ? {
            id: row.series_id,
            freq: row.series_freq,
            interval: row.series_interval ?? 1,
            rule: row.series_rule,
            index: row.series_index,
            count: row.series_count,
            upcoming: row.series_upcoming,
          }
        : null,
    myRsvp:
      row.my_status === null
        ? null
        : { status: row.my_status, waitlistPosition: row.my_status === 'waitlisted' ? row.my_position : null },
    canEdit: row.can_edit,
    url: `/events/${row.id}`,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** Moderators' verdict on the meetup `e`, null when they have none. */
const moderationStateSql = sql<'removed' | 'held' | null>`(select mc.state from moderated_content mc
  where mc.subject_type = 'event' and mc.subject_id = e.id)`;

/**
 * The event as the viewer may see it on its page, with its moderation state (removed: for
 * everyone; held: for its organizer); undefined when it does not exist or is hidden from them.
 */
export async function findEvent(
  db: Db,
  id: number,
  viewerId: number | null,
): Promise<Omit<Event, 'descriptionHtml' | 'calendarUrl' | 'media' | 'linkedGames'> | undefined> {
  const row = await visibleEvents(db, viewerId, true)
    .select([
      'e.description',
      moderationStateSql.as('mod_state'),
      sql<string | null>`(select mc.reason from moderated_content mc
        where mc.subject_type = 'event' and mc.subject_id = e.id)`.as('mod_reason'),
    ])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toSummary(row),
    description: row.description,
    ...(row.mod_state ? { moderation: { state: row.mod_state, reason: row.mod_reason ?? '' } } : {}),
  };
}

export type ListPosition = { o: 'soonest'; s: number; i: number } | { o: 'distance'; d: number; i: number };

export interface EventListQuery {
  near: { point: LatLng; radius: number } | null;
  order: 'distance' | 'soonest';
  /** Meetups ending after this instant (null: now). */
  from: Date | null;
  /** Meetups starting before this instant. */
  to: Date | null;
  groupId: number | null;
  seriesId: number | null;
  placeId: number | null;
  includeCancelled: boolean;
  /** Only the viewer's: those they answered going (or are waitlisted for), or those they may change. */
  mine: 'attending' | 'organizing' | null;
  needsPlayers: boolean;
  /** Each series once, as its soonest occurrence among those selected. */
  collapseSeries: boolean;
  limit: number;
  after: ListPosition | null;
  viewerId: number | null;
}

export interface ListedEvent {
  summary: EventSummary;
  distance: number | null;
  position: ListPosition;
}

export async function listEvents(db: Db, query: EventListQuery): Promise<{ rows: ListedEvent[]; more: boolean }> {
  const { near, after } = query;
  // Ranked, filtered and paged by the public point for everyone: an outsider's distances, order
  // and cursors never come from an approximate meetup's exact point.
  const distance: RawBuilder<number | null> = near
    ? distanceSql('e.public_location', near.point)
    : sql<null>`null::float8`;
  let select = visibleEvents(db, query.viewerId)
    .select(distance.as('distance'))
    .where('e.ends_at', '>', query.from ?? sql<Date>`now()`);
  if (near) select = select.where(withinSql('e.public_location', near.point, near.radius));
  if (query.needsPlayers) {
    select = select.where(sql<boolean>`e.min_players is not null and e.min_players > ${goingCountSql}`);
  }
  if (query.to) select = select.where('e.starts_at', '<', query.to);
  if (query.groupId !== null) select = select.where('e.group_id', '=', query.groupId);
  if (query.seriesId !== null) select = select.where('e.series_id', '=', query.seriesId);
  // A place's list leaves out its approximate meetups: it would say where they are.
  if (query.placeId !== null) {
    select = select.where('e.place_id', '=', query.placeId).where('e.location_privacy', '=', 'exact');
  }
  if (!query.includeCancelled) select = select.where('e.status', '=', 'scheduled');
  if (query.mine === 'attending') {
    select = select.where(
      sql<boolean>`exists (select 1 from event_rsvps mr where mr.event_id = e.id
        and mr.user_id = ${query.viewerId}::bigint and mr.status in ('going', 'waitlisted'))`,
    );
  } else if (query.mine === 'organizing') {
    select = select.where(canEditSql(query.viewerId));
  }
  // With collapseSeries, each series keeps its soonest row among those selected so far; the
  // window runs before the cursor, so a series never comes back on a later page.
  const ranked = select.select(
    query.collapseSeries
      ? sql<number>`row_number() over (partition by coalesce(e.series_id, -e.id) order by e.starts_at, e.id)`.as(
          'series_rank',
        )
      : sql<number>`1`.as('series_rank'),
  );
  let page = db.selectFrom(ranked.as('e')).selectAll().where('e.series_rank', '=', 1);
  if (query.order === 'distance') {
    if (after?.o === 'distance') {
      page = page.where(sql<boolean>`(e.distance, e.id) > (${after.d}::float8, ${after.i}::bigint)`);
    }
    page = page.orderBy('e.distance').orderBy('e.id');
  } else {
    if (after?.o === 'soonest') {
      page = page.where(sql<boolean>`(e.starts_at, e.id) > (${new Date(after.s)}::timestamptz, ${after.i}::bigint)`);
    }
    page = page.orderBy('e.starts_at').orderBy('e.id');
  }
  const rows = await page.limit(query.limit + 1).execute();
  return {
    more: rows.length > query.limit,
    rows: rows.slice(0, query.limit).map((row) => ({
      summary: toSummary(row),
      distance: row.distance,
      position:
        query.order === 'distance'
          ? { o: 'distance', d: row.distance ?? 0, i: row.id }
          : { o: 'soonest', s: row.starts_at.getTime(), i: row.id },
    })),
  };
}

export type CalendarEntry = Omit<Event, 'descriptionHtml' | 'calendarUrl' | 'media' | 'linkedGames'> & {
  revision: number;
};

/**
 * The meetups of a calendar feed: not yet ended, soonest first, cancelled ones included. A single
 * meetup's file, and the occurrences of given series (for their repeating entry), whenever
 * visible, even after they ended. `attendee`: the meetups that person goes to, waits for or organizes.
 */
export async function calendarEvents(
  db: Db,
  filter: {
    eventId?: number;
    groupId?: number;
    near?: { point: LatLng; radius: number };
    seriesIds?: number[];
    attendee?: number;
  },
  viewerId: number | null,
  limit: number,
): Promise<CalendarEntry[]> {
  let select = visibleEvents(db, viewerId).select(['e.description', 'e.revision']);
  if (filter.eventId !== undefined) select = select.where('e.id', '=', filter.eventId);
  else if (filter.seriesIds !== undefined) select = select.where('e.series_id', 'in', [...filter.seriesIds, -1]);
  else select = select.where('e.ends_at', '>', sql<Date>`now()`);
  if (filter.groupId !== undefined) select = select.where('e.group_id', '=', filter.groupId);
  if (filter.near) select = select.where(withinSql('e.public_location', filter.near.point, filter.near.radius));
  if (filter.attendee !== undefined) {
    const attendee = filter.attendee;
    select = select.where((eb) =>
      eb.or([
        eb('e.organizer_id', '=', attendee),
        eb.exists(
          eb
            .selectFrom('event_rsvps as mine')
            .select(sql`1`.as('one'))
            .whereRef('mine.event_id', '=', 'e.id')
            .where('mine.user_id', '=', attendee)
            .where('mine.status', 'in', ['going', 'waitlisted']),
        ),
      ]),
    );
  }
  const rows = await select.orderBy('e.starts_at').orderBy('e.id').limit(limit).execute();
  return rows.map((row) => ({ ...toSummary(row), description: row.description, revision: row.revision }));
}

export interface LockedEvent {
  id: number;
  status: EventStatus;
  past: boolean;
  capacity: number | null;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  can_edit: boolean;
  location_privacy: LocationPrivacy;
  lat: number;
  lng: number;
  min_players: number | null;
  players_deadline: Date | null;
  series_id: number | null;
  series_index: number | null;
  /** Moderators' verdict on the meetup, if any: removed meetups and held ones take no RSVPs. */
  moderation_state: 'removed' | 'held' | null;
}

/**
 * Locks the event's row for the rest of the transaction (RSVPs, changes and cancellation of one
 * event happen one at a time) and reads it; undefined when it does not exist or is hidden.
 */
export async function lockEvent(trx: Db, id: number, viewerId: number | null): Promise<LockedEvent | undefined> {
  return trx
    .selectFrom('events as e')
    .select([
      'e.id',
      'e.status',
      sql<boolean>`e.ends_at <= now()`.as('past'),
      'e.capacity',
      'e.starts_at',
      'e.ends_at',
      'e.time_zone',
      canEditSql(viewerId).as('can_edit'),
      'e.location_privacy',
      latSql('e.location').as('lat'),
      lngSql('e.location').as('lng'),
      'e.min_players',
      'e.players_deadline',
      'e.series_id',
      'e.series_index',
      moderationStateSql.as('moderation_state'),
    ])
    .where('e.id', '=', id)
    .where(groupContentVisibleSql('e.group_id', viewerId))
    .forUpdate()
    .executeTakeFirst();
}

export interface NewEvent {
  title: string;
  description: string;
  timeZone: string;
  location: LatLng;
  placeId: number | null;
  groupId: number | null;
  organizerId: number;
  capacity: number | null;
  games: string[];
  locationPrivacy: LocationPrivacy;
  minPlayers: number | null;
  /** Each occurrence's deadline for players is this many hours before it starts; null for none. */
  decideHoursBefore: number | null;
  onShortfall: Shortfall;
}

/** The point everyone but the people going sees: the exact one, or the grid cell's (geo/coarsen.ts). */
function publicPoint(location: LatLng, privacy: LocationPrivacy): LatLng {
  return privacy === 'approximate' ? coarsen(location) : location;
}

/** Inserts one event, or every occurrence of a series, together; returns their ids in order. */
export async function insertEvents(
  trx: Db,
  event: NewEvent,
  occurrences: Occurrence[],
  rule: { freq: RecurrenceFreq; interval: number } | null,
): Promise<number[]> {
  let seriesId: number | null = null;
  if (rule !== null) {
    ({ id: seriesId } = await trx
      .insertInto('event_series')
      .values({ freq: rule.freq, repeat_every: rule.interval, occurrences: occurrences.length })
      .returning('id')
      .executeTakeFirstOrThrow());
  }
  const rows = await trx
    .insertInto('events')
    .values(
      occurrences.map((occurrence, index) => ({
        title: event.title,
        description: event.description,
        excerpt: excerptOf(event.description),
        starts_at: occurrence.startsAt,
        ends_at: occurrence.endsAt,
        time_zone: event.timeZone,
        location: pointSql(event.location),
        location_privacy: event.locationPrivacy,
        public_location: pointSql(publicPoint(event.location, event.locationPrivacy)),
        min_players: event.minPlayers,
        players_deadline:
          event.decideHoursBefore === null
            ? null
            : new Date(occurrence.startsAt.getTime() - event.decideHoursBefore * 3_600_000),
        on_shortfall: event.onShortfall,
        place_id: event.placeId,
        group_id: event.groupId,
        organizer_id: event.organizerId,
        capacity: event.capacity,
        games: event.games,
        series_id: seriesId,
        series_index: seriesId === null ? null : index + 1,
      })),
    )
    .returning(['id', 'starts_at'])
    .execute();
  return rows.sort((a, b) => a.starts_at.getTime() - b.starts_at.getTime() || a.id - b.id).map((row) => row.id);
}

export interface EventChanges {
  title?: string;
  description?: string;
  startsAt?: Date;
  endsAt?: Date;
  timeZone?: string;
  placeId?: number | null;
  capacity?: number | null;
  games?: string[];
  /** Both together, whenever either the point or the privacy changes. */
  where?: { location: LatLng; privacy: LocationPrivacy };
  minPlayers?: number | null;
  playersDeadline?: Date | null;
  onShortfall?: Shortfall;
}

export async function updateEvent(trx: Db, id: number, changes: EventChanges): Promise<void> {
  await trx
    .updateTable('events')
    .set({
      updated_at: new Date(),
      revision: sql<number>`revision + 1`,
      ...(changes.title === undefined ? {} : { title: changes.title }),
      ...(changes.description === undefined
        ? {}
        : { description: changes.description, excerpt: excerptOf(changes.description) }),
      ...(changes.startsAt === undefined ? {} : { starts_at: changes.startsAt }),
      ...(changes.endsAt === undefined ? {} : { ends_at: changes.endsAt }),
      ...(changes.timeZone === undefined ? {} : { time_zone: changes.timeZone }),
      ...(changes.where === undefined
        ? {}
        : {
            location: pointSql(changes.where.location),
            location_privacy: changes.where.privacy,
            public_location: pointSql(publicPoint(changes.where.location, changes.where.privacy)),
          }),
      ...(changes.minPlayers === undefined ? {} : { min_players: changes.minPlayers }),
      ...(changes.playersDeadline === undefined ? {} : { players_deadline: changes.playersDeadline }),
      ...(changes.onShortfall === undefined ? {} : { on_shortfall: changes.onShortfall }),
      ...(changes.placeId === undefined ? {} : { place_id: changes.placeId }),
      ...(changes.capacity === undefined ? {} : { capacity: changes.capacity }),
      ...(changes.games === undefined ? {} : { games: changes.games }),
    })
    .where('id', '=', id)
    .execute();
}

export async function cancelEvent(trx: Db, id: number): Promise<void> {
  await trx
    .updateTable('events')
    .set({ status: 'cancelled', updated_at: new Date(), revision: sql<number>`revision + 1` })
    .where('id', '=', id)
    .execute();
}

export async function placeLocation(db: Db, id: number): Promise<(LatLng & { private_home: boolean }) | undefined> {
  return db
    .selectFrom('places')
    .select([latSql('location').as('lat'), lngSql('location').as('lng'), 'private_home'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface AttendeePosition {
  a: number;
}

/** People going to (or waitlisted for) an event, in arrival order, which for the waitlist is its order. */
export async function listAttendees(
  db: Db,
  eventId: number,
  status: 'going' | 'waitlisted',
  after: AttendeePosition | null,
  limit: number,
) {
  let select = db
    .selectFrom('event_rsvps as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.user_id',
      'u.display_name',
      'r.status',
      'r.arrival',
      'r.updated_at',
      sql<number>`(select count(*)::int from event_rsvps w
        where w.event_id = r.event_id and w.status = 'waitlisted' and w.arrival <= r.arrival)`.as('position'),
    ])
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', status);
  if (after) select = select.where('r.arrival', '>', after.a);
  const rows = await select
    .orderBy('r.arrival')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    attendees: page.map((row) => ({
      user: { id: row.user_id, displayName: row.display_name },
      status: row.status,
      waitlistPosition: row.status === 'waitlisted' ? row.position : null,
      respondedAt: row.updated_at.toISOString(),
    })),
    last: last ? { a: last.arrival } : null,
    more: rows.length > limit,
  };
}

export async function groupExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('groups').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The event's group (null for none); undefined when there is no such event. */
export async function findEventGroupId(db: Db, id: number): Promise<{ groupId: number | null } | undefined> {
  const row = await db.selectFrom('events').select('group_id').where('id', '=', id).executeTakeFirst();
  return row ? { groupId: row.group_id } : undefined;
}

/** A group's name, and whether the viewer may see its content; undefined when there is no such group. */
export async function findCalendarGroup(db: Db, groupId: number, viewerId: number | null) {
  return db
    .selectFrom('groups')
    .select(['name', groupContentVisibleSql('groups.id', viewerId).as('visible')])
    .where('id', '=', groupId)
    .executeTakeFirst();
}

/** Deletes the meetups a person organized outside any group (a group's meetups stay with it). */
export async function deleteEventsOrganizedBy(trx: Db, userId: number): Promise<void> {
  await trx.deleteFrom('events').where('organizer_id', '=', userId).where('group_id', 'is', null).execute();
}

/** What a meetup's discussion needs of the meetup; undefined when it does not exist or is hidden. */
export async function findEventThread(db: Db, id: number, viewerId: number | null) {
  return db
    .selectFrom('events as e')
    .select([
      'e.id',
      'e.discussion_locked',
      'e.pinned_comment_id',
      canEditSql(viewerId).as('can_edit'),
      sql<number>`(select count(*)::int from comments c where c.event_id = e.id)`.as('total_comments'),
    ])
    .where('e.id', '=', id)
    .where(groupContentVisibleSql('e.group_id', viewerId))
    .executeTakeFirst();
}

/** Whether the comment is a live (not deleted) comment of the meetup's discussion. */
export async function isLiveEventComment(db: Db, eventId: number, commentId: number): Promise<boolean> {
  const row = await db
    .selectFrom('comments')
    .select('id')
    .where('id', '=', commentId)
    .where('event_id', '=', eventId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function updateEventDiscussion(
  trx: Db,
  id: number,
  patch: { locked?: boolean; pinnedCommentId?: number | null },
): Promise<void> {
  await trx
    .updateTable('events')
    .set({
      ...(patch.locked === undefined ? {} : { discussion_locked: patch.locked }),
      ...(patch.pinnedCommentId === undefined ? {} : { pinned_comment_id: patch.pinnedCommentId }),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * A meetup's row locked for the deadline check, whoever may see it (the check runs as no one):
 * undefined when it is gone.
 */
export async function lockEventForPlayerCheck(trx: Db, id: number) {
  return trx
    .selectFrom('events as e')
    .select([
      'e.id',
      'e.status',
      'e.min_players',
      'e.players_deadline',
      'e.on_shortfall',
      sql<boolean>`e.ends_at <= now()`.as('past'),
      goingCountSql.as('going'),
    ])
    .where('e.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The deadlines still ahead of the given meetups, for their check jobs. */
export async function findPlayerDeadlines(trx: Db, ids: number[]) {
  if (ids.length === 0) return [];
  return trx.selectFrom('events').select(['id', 'players_deadline', 'status']).where('id', 'in', ids).execute();
}

/**
 * This installation's random id (migration 0030), made again should its row be missing: calendar
 * UIDs carry it when PUBLIC_URL is not set.
 */
export async function findInstallationId(db: Db): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    with made as (insert into installation default values on conflict do nothing returning id)
    select id from made union all select id from installation limit 1`.execute(db);
  return rows[0]!.id;
}

/** A series' rule and the occurrences from `fromIndex` on, soonest in the series first. */
export async function findSeriesTail(trx: Db, seriesId: number, fromIndex: number) {
  const series = await trx
    .selectFrom('event_series')
    .select(['id', 'freq', 'repeat_every', 'occurrences'])
    .where('id', '=', seriesId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const tail = await trx
    .selectFrom('events')
    .select(['id', 'series_index', 'status', sql<boolean>`ends_at <= now()`.as('past')])
    .where('series_id', '=', seriesId)
    .where('series_index', '>=', fromIndex)
    .orderBy('series_index')
    .forUpdate()
    .execute();
  return { series, tail };
}

/**
 * Splits a series before occurrence `atIndex`: the occurrences from there on move to a new series
 * with the same rule, numbered from 1; the old series keeps the earlier ones. Every occurrence of
 * both gets a new revision, so calendar apps replace the old repeating entry (its COUNT shrank).
 * Returns the new series' id.
 */
export async function splitSeries(
  trx: Db,
  series: { id: number; freq: RecurrenceFreq; repeat_every: number; occurrences: number },
  atIndex: number,
): Promise<number> {
  const { id: newId } = await trx
    .insertInto('event_series')
    .values({ freq: series.freq, repeat_every: series.repeat_every, occurrences: series.occurrences - atIndex + 1 })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('events')
    .set({
      series_id: newId,
      series_index: sql<number>`series_index - ${atIndex - 1}::int`,
      revision: sql<number>`revision + 1`,
      updated_at: new Date(),
    })
    .where('series_id', '=', series.id)
    .where('series_index', '>=', atIndex)
    .execute();
  await trx
    .updateTable('event_series')
    .set({ occurrences: atIndex - 1 })
    .where('id', '=', series.id)
    .execute();
  await trx
    .updateTable('events')
    .set({ revision: sql<number>`revision + 1` })
    .where('series_id', '=', series.id)
    .execute();
  return newId;
}
