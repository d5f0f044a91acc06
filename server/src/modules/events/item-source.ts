import { sql, type RawBuilder } from 'kysely';
import type { ItemSource } from '../../items/item-source.js';
import { THIS_WEEK_DAYS } from '../../items/item-filter.js';
import { notBlockedSql, visibleContentSql } from '../../policy/moderation.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';
import { seriesRuleSql, seriesUpcomingSql } from './queries.js';

/**
 * A meetup's seats left, counted now because RSVPs change them without touching the meetup's
 * row, added to its stored map properties (event_item_props, migration 0009).
 */
function withSeatsLeft(storedProps: RawBuilder<unknown>, capacity: string, eventId: string) {
  return sql<Record<string, unknown>>`${storedProps} || jsonb_build_object('seatsLeft',
    case when ${sql.ref(capacity)} is null then null else greatest(${sql.ref(capacity)} -
      (select count(*) from event_rsvps r where r.event_id = ${sql.ref(eventId)} and r.status = 'going'), 0) end)`;
}

/**
 * A meetup's series, as `series: {id, rule, upcoming}` merged into its properties (nothing for a
 * single meetup): read live, as a change to "following" splits a series without touching the
 * later rows' indexed properties.
 */
function withSeries(props: RawBuilder<unknown>, eventId: string) {
  return sql<Record<string, unknown>>`${props} || coalesce((select jsonb_build_object('series', jsonb_build_object(
      'id', s.id, 'rule', ${seriesRuleSql('s')}, 'upcoming', ${seriesUpcomingSql('se.series_id')}))
    from events se join event_series s on s.id = se.series_id where se.id = ${sql.ref(eventId)}), '{}'::jsonb)`;
}

/**
 * Whether meetup `eventId` is a later occurrence of a series whose sooner one is still listed
 * (not ended, not cancelled): the map and the nearby lists show each series once, as its next
 * occurrence.
 */
function laterInSeriesSql(eventId: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from events me join events o on o.series_id = me.series_id
    where me.id = ${sql.ref(eventId)} and o.status = 'scheduled' and o.ends_at > now()
      and (o.starts_at, o.id) < (me.starts_at, me.id))`;
}

/**
 * Meetups that have not ended and are not cancelled, seen only by those who may see them: a
 * private group's meetups only by its members, so they add nothing to what others see on the map.
 * A series is one item, its next occurrence (cluster counts of the map's pyramid still count
 * every occurrence).
 */
export const eventItemSource: ItemSource = {
  kind: 'event',
  filters: ['needsPlayers', 'thisWeek'],
  visible: (db, viewerId, filter) => {
    const listed = db
      .selectFrom('events')
      .select([
        'events.id',
        'events.title as name',
        sql<string>`events.public_location`.as('loc'),
        withSeries(withSeatsLeft(sql`event_item_props(events)`, 'events.capacity', 'events.id'), 'events.id').as(
          'props',
        ),
      ])
      .where('events.ends_at', '>', sql<Date>`now()`)
      .where(sql<boolean>`not ${laterInSeriesSql('events.id')}`)
      .where('events.status', '=', 'scheduled')
      .where(groupContentVisibleSql('events.group_id', viewerId))
      .where(visibleContentSql('event', 'events.id'))
      .where(notBlockedSql('events.organizer_id', viewerId));
    const soon = filter?.thisWeek
      ? listed.where('events.starts_at', '<', sql<Date>`now() + make_interval(days => ${THIS_WEEK_DAYS}::int)`)
      : listed;
    return filter?.needsPlayers
      ? soon.where(
          sql<boolean>`events.min_players > (select count(*) from event_rsvps r
            where r.event_id = events.id and r.status = 'going')`,
        )
      : soon;
  },
  listedInIndex: (id) => sql<boolean>`not ${laterInSeriesSql(id)}`,
  liveProps: (row) => withSeries(withSeatsLeft(row.props, row.capacity, row.id), row.id),
};
