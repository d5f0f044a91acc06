/**
 * The feed in one query: posts and upcoming events within the radius (candidates found by the
 * GiST indexes through ST_DWithin), each scored in SQL by the formula in score.ts, ordered and
 * cut to one page by the database. Node only formats the page it gets back.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { distanceSql, latSql, lngSql, withinSql, type LatLng } from '../../geo/point.js';
import { groupContentVisibleSql } from '../groups/visibility.js';
import { AGE_SCALE_HOURS, DISTANCE_SCALE_METERS, GROUP_BOOST, MAX_AGE_HOURS, type ScoredRow } from './score.js';

export type FeedMode = 'nearby' | 'latest';

export interface FeedQuery {
  point: LatLng;
  radius: number;
  mode: FeedMode;
  /** The clock of the whole walk through the pages: items made later are left out, ages count to it. */
  asOf: Date;
  viewerId: number | null;
  offset: number;
  limit: number;
}

export interface FeedRow extends ScoredRow {
  id: number;
  title: string;
  /** The start of the Markdown source, for the excerpt. */
  text: string;
  lat: number;
  lng: number;
  created_at: Date;
  starts_at: Date | null;
  /** Events only: the IANA zone the meetup keeps its clock in. */
  time_zone: string | null;
  group_id: number | null;
  group_visibility: 'public' | 'private' | null;
  place_id: number | null;
  place_name: string | null;
}

/** Enough Markdown to make a 280-character excerpt from. */
const EXCERPT_SOURCE_CHARS = 2000;

function hoursBetween(later: RawBuilder<unknown>, earlier: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`greatest(0, extract(epoch from (${later} - ${earlier}))::float8 / 3600)`;
}

/** The SQL of one page; exported so its plan can be inspected. */
export function feedSql(query: FeedQuery): RawBuilder<FeedRow> {
  const { point, radius, asOf, viewerId } = query;
  const now = sql`${asOf.toISOString()}::timestamptz`;

  const posts = sql`
    select 'post'::text as kind, p.id, p.title, left(p.body, ${EXCERPT_SOURCE_CHARS}) as text,
           p.location, p.created_at, null::timestamptz as starts_at, null::text as time_zone, p.group_id, p.place_id,
           ${distanceSql('p.location', point)} as distance,
           ${hoursBetween(now, sql`p.created_at`)} as hours
    from posts p
    where p.deleted_at is null
      and p.created_at <= ${now}
      and ${withinSql('p.location', point, radius)}
      and ${groupContentVisibleSql('p.group_id', viewerId)}`;

  // Upcoming: scheduled and not yet over. Before it starts, "age" is the time until it does.
  const events = sql`
    select 'event'::text as kind, e.id, e.title, left(e.description, ${EXCERPT_SOURCE_CHARS}) as text,
           e.location, e.created_at, e.starts_at, e.time_zone, e.group_id, e.place_id,
           ${distanceSql('e.location', point)} as distance,
           ${hoursBetween(sql`e.starts_at`, now)} as hours
    from events e
    where e.status = 'scheduled'
      and e.ends_at > ${now}
      and e.created_at <= ${now}
      and ${withinSql('e.location', point, radius)}
      and ${groupContentVisibleSql('e.group_id', viewerId)}`;

  const isMember =
    viewerId === null
      ? sql<boolean>`false`
      : sql<boolean>`exists (select 1 from group_members gm where gm.group_id = c.group_id and gm.user_id = ${viewerId}::bigint)`;

  const order = query.mode === 'nearby' ? sql`score desc, kind, id` : sql`created_at desc, kind, id desc`;

  return sql<FeedRow>`
    with candidates as (${posts} union all ${events}),
    factored as (
      select c.*, g.name as group_name, g.visibility as group_visibility, pl.name as place_name,
             ${isMember} as is_member,
             exp(-c.distance / ${DISTANCE_SCALE_METERS}::float8) as distance_effect,
             exp(-least(c.hours, ${MAX_AGE_HOURS}::float8) / ${AGE_SCALE_HOURS}::float8) as age_effect
      from candidates c
      left join groups g on g.id = c.group_id
      left join places pl on pl.id = c.place_id
    ),
    scored as (
      select f.*, case when f.is_member then ${GROUP_BOOST}::float8 else 1::float8 end as member_effect
      from factored f
    )
    select s.kind, s.id, s.title, s.text, s.created_at, s.starts_at, s.time_zone, s.group_id, s.group_name, s.group_visibility,
           s.place_id, s.place_name, s.is_member, s.distance, s.hours,
           s.distance_effect, s.age_effect, s.member_effect,
           s.distance_effect * s.age_effect * s.member_effect as score,
           ${latSql('s.location')} as lat, ${lngSql('s.location')} as lng
    from scored s
    order by ${order}
    limit ${query.limit}::int offset ${query.offset}::int`;
}

export async function findFeedPage(db: Kysely<Database>, query: FeedQuery): Promise<FeedRow[]> {
  return (await feedSql(query).execute(db)).rows;
}

/** The person's precise home point (used for ranking only, never sent out); undefined when none is saved. */
export async function homeOf(db: Kysely<Database>, userId: number): Promise<LatLng | undefined> {
  const row = await db
    .selectFrom('users')
    .select([latSql('home_location').as('lat'), lngSql('home_location').as('lng')])
    .where('id', '=', userId)
    .where('home_location', 'is not', null)
    .executeTakeFirst();
  return row ? { lat: row.lat, lng: row.lng } : undefined;
}
