import { sql, type RawBuilder } from 'kysely';
import type { ItemSource } from '../../items/item-source.js';
import { THIS_WEEK_DAYS } from '../../items/item-filter.js';
import { notBlockedSql, visibleContentSql } from '../../policy/moderation.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';

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
 * Meetups that have not ended and are not cancelled, seen only by those who may see them: a
 * private group's meetups only by its members, so they add nothing to what others see on the map.
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
        withSeatsLeft(sql`event_item_props(events)`, 'events.capacity', 'events.id').as('props'),
      ])
      .where('events.ends_at', '>', sql<Date>`now()`)
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
  liveProps: (row) => withSeatsLeft(row.props, row.capacity, row.id),
};
