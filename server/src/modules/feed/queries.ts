/**
 * The feed in one query: posts and upcoming events within the radius (candidates found by the
 * GiST indexes through ST_DWithin), each scored in SQL by the formula in score.ts, ordered and
 * cut to one page by the database. Node only formats the page it gets back.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  distanceSql,
  latSql,
  lngSql,
  planarPointSql,
  pointSql,
  roughlyWithinSql,
  withinSql,
  type LatLng,
} from '../../geo/point.js';
import { notBlockedSql, visibleContentSql } from '../../policy/moderation.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';
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
  /** Plain text, made when the post or meetup was written (markdown/excerpt.ts). */
  excerpt: string;
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

function hoursBetween(later: RawBuilder<unknown>, earlier: RawBuilder<unknown>): RawBuilder<number> {
  return sql<number>`greatest(0, extract(epoch from (${later} - ${earlier}))::float8 / 3600)`;
}

/**
 * Seed windows, in hours: the nearest items of the last day find a high bar in busy areas, those
 * of the last nine days one in quieter areas.
 */
const SEED_WINDOWS_HOURS = [AGE_SCALE_HOURS / 3, 3 * AGE_SCALE_HOURS];

/**
 * Look-back windows of the newest-first feed, in hours, smallest first: the first that holds a
 * page's worth of items bounds the page. Each is read only when the one before holds fewer, so
 * it holds fewer than 24 (or 9) times a page's worth itself.
 */
const LATEST_WINDOWS_HOURS = [1, 24, 9 * 24];

/**
 * The creation time of the n-th newest item (n: the items up to this page's end) the reader may
 * see within the radius, among those created in the last `hours`; null when there are fewer.
 * The page is at least that new. Items count only where the page itself would take them: within
 * the radius by the exact distance, and visible.
 */
function nthNewestSql(query: FeedQuery, now: RawBuilder<unknown>, hours: number): RawBuilder<unknown> {
  const { point, radius, viewerId } = query;
  const needed = query.offset + query.limit;
  const since = sql`${now} - make_interval(secs => ${hours * 3600}::float8)`;
  return sql`
    select case when count(*) < ${needed}::int then null else min(k.created_at) end from (
      select created_at from (
        (select p.created_at from posts p
         where p.deleted_at is null and p.created_at <= ${now} and p.created_at >= ${since}
           and ${withinSql('p.location', point, radius)} and ${groupContentVisibleSql('p.group_id', viewerId)}
       and ${visibleContentSql('post', 'p.id')} and ${notBlockedSql('p.author_id', viewerId)}
         order by p.created_at desc limit ${needed}::int)
        union all
        (select e.created_at from events e
         where e.status = 'scheduled' and e.ends_at > ${now} and e.created_at <= ${now} and e.created_at >= ${since}
           and ${withinSql('e.public_location', point, radius)} and ${groupContentVisibleSql('e.group_id', viewerId)}
       and ${visibleContentSql('event', 'e.id')} and ${notBlockedSql('e.organizer_id', viewerId)}
         order by e.created_at desc limit ${needed}::int)) w
      order by created_at desc limit ${needed}::int) k`;
}

/**
 * Bounds for one page, computed in the database before the real search. Score falls with both
 * distance and age, so once we know `n` items that score at least s, every item of the page
 * scores at least s too, and must satisfy
 *
 *   distance / D + age / T <= ln(boost) - ln(s)   (boost: the largest group boost the reader can get)
 *
 * i.e. lie within D·L metres and be younger than T·L hours, with L = ln(boost) - ln(s). The known
 * items ("seeds") are the nearest recent posts and soonest events, cheap to find through the
 * indexes and usually good; with fewer than `n` of them, nothing is pruned. Any real items give a
 * correct bound, so posts are taken nearest first in planar degrees (migration 0010), which is
 * cheaper than the geodesic order and nearly the same over a few kilometres. In latest mode the
 * page is bounded by creation time instead, from the newest items of a look-back window
 * (nthNewestSql).
 *
 * Answers one row: `reach` (max distance, metres), `since` (oldest creation time still
 * possible), `until_hours` (latest event start still possible, from now); null means unbounded.
 */
function pruneSql(query: FeedQuery, now: RawBuilder<unknown>): RawBuilder<unknown> {
  const { point, radius, viewerId, mode } = query;
  if (mode === 'latest') {
    const windows = LATEST_WINDOWS_HOURS.map((hours) => sql`(${nthNewestSql(query, now, hours)})`);
    return sql`select null::float8 as reach, null::float8 as until_hours, coalesce(${sql.join(windows)}) as since`;
  }
  const needed = query.offset + query.limit;
  const seedsWithin = (hours: number) => sql`
    (select 'post'::text as kind, p.id, ${distanceSql('p.location', point)} as distance,
            ${hoursBetween(now, sql`p.created_at`)} as hours, p.created_at
     from posts p
     where p.deleted_at is null and p.created_at <= ${now}
       and p.created_at >= ${now} - make_interval(secs => ${hours * 3600}::float8)
       and ${groupContentVisibleSql('p.group_id', viewerId)}
       and ${visibleContentSql('post', 'p.id')} and ${notBlockedSql('p.author_id', viewerId)}
     order by p.location::geometry <-> ${planarPointSql(point)}
     limit ${needed}::int)
    union all
    (select 'event'::text, e.id, ${distanceSql('e.public_location', point)}, ${hoursBetween(sql`e.starts_at`, now)},
            e.created_at
     from events e
     where e.status = 'scheduled' and e.ends_at > ${now} and e.created_at <= ${now}
       and e.starts_at <= ${now} + make_interval(secs => ${hours * 3600}::float8)
       and ${groupContentVisibleSql('e.group_id', viewerId)}
       and ${visibleContentSql('event', 'e.id')} and ${notBlockedSql('e.organizer_id', viewerId)}
     order by e.public_location <-> ${pointSql(point)}
     limit ${needed}::int)`;
  // The same item may be a seed of both windows; counted once.
  const seeds = sql`select distinct on (kind, id) * from (${sql.join(SEED_WINDOWS_HOURS.map(seedsWithin), sql` union all `)}) w`;
  const boost = viewerId === null ? 1 : GROUP_BOOST;
  // A little slack so rounding in exp/ln can never drop an item that belongs on the page.
  return sql`
    select least(${radius}::float8, b.l * ${DISTANCE_SCALE_METERS}::float8 * 1.000001 + 0.001) as reach,
           b.l * ${AGE_SCALE_HOURS}::float8 * 1.000001 + 0.001 as until_hours,
           ${now} - make_interval(secs => (b.l * ${AGE_SCALE_HOURS}::float8 * 1.000001 + 0.001) * 3600) as since
    from (select case when count(*) < ${needed}::int then null
                      else ln(${boost}::float8) - ln(min(k.score)) end as l
          from (select exp(-s.distance / ${DISTANCE_SCALE_METERS}::float8)
                       * exp(-least(s.hours, ${MAX_AGE_HOURS}::float8) / ${AGE_SCALE_HOURS}::float8) as score
                from (${seeds}) s where s.distance <= ${radius}::float8
                order by score desc limit ${needed}::int) k) b`;
}

/** The SQL of one page; exported so its plan can be inspected. */
export function feedSql(query: FeedQuery): RawBuilder<FeedRow> {
  const { point, radius, asOf, viewerId } = query;
  const now = sql`${asOf.toISOString()}::timestamptz`;
  const reach = sql<number>`coalesce((select reach from bounds), ${radius}::float8)`;
  const since = sql`coalesce((select since from bounds), '-infinity'::timestamptz)`;
  const until = sql`coalesce(${now} + make_interval(secs => (select until_hours from bounds) * 3600), 'infinity'::timestamptz)`;

  // The exact distance, needed for the score, is computed once and compared (see roughlyWithinSql).
  const within = (candidates: RawBuilder<unknown>) =>
    sql`select * from (${candidates} offset 0) c where c.distance <= ${reach}`;

  const posts = within(sql`
    select 'post'::text as kind, p.id, p.title, p.location, p.created_at,
           null::timestamptz as starts_at, null::text as time_zone, p.group_id, p.place_id,
           ${distanceSql('p.location', point)} as distance,
           ${hoursBetween(now, sql`p.created_at`)} as hours
    from posts p
    where p.deleted_at is null
      and p.created_at <= ${now}
      and p.created_at >= ${since}
      and ${roughlyWithinSql('p.location', point, reach)}
      and ${groupContentVisibleSql('p.group_id', viewerId)}
       and ${visibleContentSql('post', 'p.id')} and ${notBlockedSql('p.author_id', viewerId)}`);

  // Upcoming: scheduled and not yet over. Before it starts, "age" is the time until it does.
  const events = within(sql`
    select 'event'::text as kind, e.id, e.title, e.public_location as location, e.created_at,
           e.starts_at, e.time_zone, e.group_id,
           -- An approximate meetup's place would tell where it is: lists leave it out.
           case when e.location_privacy = 'approximate' then null else e.place_id end as place_id,
           ${distanceSql('e.public_location', point)} as distance,
           ${hoursBetween(sql`e.starts_at`, now)} as hours
    from events e
    where e.status = 'scheduled'
      and e.ends_at > ${now}
      and e.created_at <= ${now}
      and e.starts_at <= ${until}
      and ${query.mode === 'latest' ? sql`e.created_at >= ${since}` : sql`true`}
      and ${roughlyWithinSql('e.public_location', point, reach)}
      and ${groupContentVisibleSql('e.group_id', viewerId)}
       and ${visibleContentSql('event', 'e.id')} and ${notBlockedSql('e.organizer_id', viewerId)}`);

  const isMember =
    viewerId === null
      ? sql<boolean>`false`
      : sql<boolean>`exists (select 1 from group_members gm where gm.group_id = c.group_id and gm.user_id = ${viewerId}::bigint)`;

  const order = (row: 's' | 'p') =>
    sql.raw(
      query.mode === 'nearby'
        ? `${row}.score desc, ${row}.kind, ${row}.id`
        : `${row}.created_at desc, ${row}.kind, ${row}.id desc`,
    );

  // The page is ranked from the candidates' places, times and the reader's groups alone. What
  // only the page shows is read for its own rows: the excerpts and the names of groups and places.
  // (Carried through the ranking, long posts' texts were decompressed for every candidate, a few
  // hundred a page, which cost more than the ranking itself.)
  return sql<FeedRow>`
    with bounds as materialized (${pruneSql(query, now)}),
    candidates as (${posts} union all ${events}),
    factored as (
      select c.*, ${isMember} as is_member,
             exp(-c.distance / ${DISTANCE_SCALE_METERS}::float8) as distance_effect,
             exp(-least(c.hours, ${MAX_AGE_HOURS}::float8) / ${AGE_SCALE_HOURS}::float8) as age_effect
      from candidates c
    ),
    scored as (
      select f.*, m.member_effect, f.distance_effect * f.age_effect * m.member_effect as score
      from factored f, lateral (select case when f.is_member then ${GROUP_BOOST}::float8 else 1::float8 end as member_effect) m
    ),
    page as (
      select s.* from scored s
      order by ${order('s')}
      limit ${query.limit}::int offset ${query.offset}::int
    )
    select p.kind, p.id, p.title,
           case when p.kind = 'post' then (select excerpt from posts where id = p.id)
                else (select excerpt from events where id = p.id) end as excerpt,
           p.created_at, p.starts_at, p.time_zone, p.group_id, g.name as group_name, g.visibility as group_visibility,
           p.place_id, pl.name as place_name, p.is_member, p.distance, p.hours,
           p.distance_effect, p.age_effect, p.member_effect, p.score,
           ${latSql('p.location')} as lat, ${lngSql('p.location')} as lng
    from page p
    left join groups g on g.id = p.group_id
    left join places pl on pl.id = p.place_id
    order by ${order('p')}`;
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
