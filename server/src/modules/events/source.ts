import { sql } from 'kysely';
import type { ItemSource } from '../nearby/sources.js';
import { groupContentVisibleSql } from '../groups/visibility.js';

const utcIso = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Meetups that have not ended and are not cancelled, seen only by those who may see them: a
 * private group's meetups only by its members, so they add nothing to what others see on the map.
 */
export const eventSource: ItemSource = {
  kind: 'event',
  visible: (db, viewerId) =>
    db
      .selectFrom('events')
      .select([
        'events.id',
        'events.title as name',
        sql<string>`events.location`.as('loc'),
        sql<Record<string, unknown>>`jsonb_build_object(
          'startsAt', ${utcIso('events.starts_at')},
          'endsAt', ${utcIso('events.ends_at')},
          'timeZone', events.time_zone,
          'status', events.status,
          'seatsLeft', case when events.capacity is null then null else greatest(events.capacity -
            (select count(*) from event_rsvps r where r.event_id = events.id and r.status = 'going'), 0) end,
          'groupId', events.group_id)`.as('props'),
      ])
      .where('events.ends_at', '>', sql<Date>`now()`)
      .where('events.status', '=', 'scheduled')
      .where(groupContentVisibleSql('events.group_id', viewerId)),
};
