/**
 * "What is within R metres of this point", nearest first, across kinds, in pages.
 *
 * One kind is read from its own table; several kinds from the `nearby_items` index that holds
 * them all. Pages continue after the last item's
 * (distance, kind, id), so walking the cursors returns every item in the radius exactly once.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import {
  distanceSql,
  latSql,
  lngSql,
  planarPointOfColumnsSql,
  planarPointSql,
  roughlyWithinSql,
  sphereDistanceSql,
  SPHERE_SLACK,
  type LatLng,
  type PointSource,
} from '../geo/point.js';
import type { ItemKind } from '../geo/schemas.js';
import { nearbyItemAuthorSql, notBlockedSql, visibleItemSql } from '../policy/moderation.js';
import { groupContentVisibleSql, type ViewerRef } from '../policy/visibility.js';
import { filtersSet, kindsPassing } from './item-filter.js';
import type { ItemFilter } from './item-source.js';
import type { ItemRegistry } from './registry.js';

/** Where a page ends: the last item's distance, kind and id (a cursor carries it to the next page). */
export interface RadiusPosition {
  d: number;
  k: ItemKind;
  i: number;
}

/** A check that a decoded cursor holds a position of a kind this server lists. */
export function radiusPositionGuard(registry: ItemRegistry) {
  return (value: unknown): value is RadiusPosition => {
    const v = value as RadiusPosition;
    return (
      typeof v === 'object' &&
      v !== null &&
      typeof v.d === 'number' &&
      Number.isFinite(v.d) &&
      v.d >= 0 &&
      registry.has(v.k) &&
      Number.isSafeInteger(v.i)
    );
  };
}

/** One item of a page, before it becomes a GeoJSON feature. */
interface RadiusRow {
  kind: ItemKind;
  id: number;
  name: string;
  lat: number;
  lng: number;
  distance: number;
  props: Record<string, unknown>;
}

export interface RadiusSearch {
  point: PointSource;
  /** Metres, or the float8 column that holds them (one row per query of a batch). */
  radius: number | { radiusColumn: string };
  kinds: ItemKind[];
  limit: number;
  after: RadiusPosition | null;
  viewerId: ViewerRef;
  /** Narrowing (item-filter.ts); the kinds that cannot apply it are left out. Absent: none. */
  filter?: ItemFilter;
}

/** One kind at a time, from each kind's own table and spatial index. */
function perKindQuery(db: Kysely<Database>, registry: ItemRegistry, query: RadiusSearch) {
  const { point, radius, limit, after, viewerId } = query;
  const branches = query.kinds.flatMap((kind) => {
    const source = registry.source(kind);
    if (!source) return [];
    const distance = distanceSql('s.loc', point);
    const afterPosition = after
      ? sql<boolean>`(${distance}, ${kind}::text, s.id) > (${after.d}::float8, ${after.k}::text, ${after.i}::bigint)`
      : sql<boolean>`true`;
    // Step 1: the planar (degrees) index on `loc::geometry` hands out rows roughly nearest first
    // (`<->`) without visiting the rest of the radius. Any `limit + 1` rows will do for what
    // follows — the farthest of them (by sphere distance with slack, see boundSql) bounds the
    // page, because the `limit + 1` nearest rows can lie no farther away — and nearly-nearest
    // ones make it tight.
    // No radius filter here, so the planner has no reason to collect and sort the whole radius.
    const nearestFirst = sql<{ d: number }>`
      select ${sphereDistanceSql('s.loc', point)} as d from (${source.visible(db, viewerId, query.filter)}) s
      where ${afterPosition}
      order by s.loc::geometry <-> ${planarPointSql(point)}
      limit ${limit + 1}`;
    const bound = boundSql(nearestFirst, limit, radius);
    // Step 2: exact distances, exact order, within that bound only (computed once, joined in).
    // Each candidate's exact distance is computed once, then compared (see roughlyWithinSql).
    const candidates = db
      .selectFrom([bound.as('b'), source.visible(db, viewerId, query.filter).as('s')])
      .select([
        sql<ItemKind>`${kind}::text`.as('kind'),
        's.id',
        's.name',
        latSql('s.loc').as('lat'),
        lngSql('s.loc').as('lng'),
        distance.as('distance'),
        's.props',
        sql<number>`b.r`.as('r'),
      ])
      .where(roughlyWithinSql('s.loc', point, sql<number>`b.r`))
      .offset(0);
    const branch = db
      .selectFrom(candidates.as('c'))
      .select(['c.kind', 'c.id', 'c.name', 'c.lat', 'c.lng', 'c.distance', 'c.props'])
      .where(exactlyWithinSql(after));
    // Wrapped so the branch keeps its own ORDER BY / LIMIT inside the UNION ALL.
    return [
      db
        .selectFrom(
          branch
            .orderBy('c.distance')
            .orderBy('c.id')
            .limit(limit + 1)
            .as(`b_${kind}`),
        )
        .selectAll(),
    ];
  });
  const [first, ...rest] = branches;
  if (!first) return null;
  const union = rest.reduce((all, branch) => all.unionAll(branch), first);
  return db
    .selectFrom(union.as('u'))
    .selectAll()
    .orderBy('distance')
    .orderBy('kind')
    .orderBy('id')
    .limit(limit + 1);
}

/**
 * Of candidates `c` that passed roughlyWithinSql, each with its exact `distance` and the page's
 * bound `r` (from a subquery ending in OFFSET 0, see roughlyWithinSql): those within the bound
 * and after the cursor.
 */
function exactlyWithinSql(after: RadiusPosition | null): RawBuilder<boolean> {
  const afterCursor = after
    ? sql<boolean>`(c.distance, c.kind, c.id) > (${after.d}::float8, ${after.k}::text, ${after.i}::bigint)`
    : sql<boolean>`true`;
  return sql<boolean>`c.distance <= c.r and ${afterCursor}`;
}

/**
 * A page's upper distance bound from any `limit + 1` candidates (see perKindQuery's steps), whose
 * `d` are sphere distances: scaled by the slack, the farthest bounds their exact distances too.
 */
function boundSql(nearestFirst: RawBuilder<{ d: number }>, limit: number, radius: RadiusSearch['radius']) {
  const metres = typeof radius === 'number' ? sql`${radius}::float8` : sql.ref(radius.radiusColumn);
  return sql<{ r: number }>`(select case when count(*) <= ${limit}::int then ${metres}
        else least(max(k.d) * ${SPHERE_SLACK}::float8 + 1, ${metres}) end as r
      from (${nearestFirst}) k)`;
}

/** What kinds' `listedInIndex` leave out of the index's rows, as `and …` conditions. */
function indexFilters(registry: ItemRegistry, kinds: ItemKind[]) {
  const filters = kinds.flatMap((kind) => {
    const listed = registry.source(kind)?.listedInIndex;
    return listed ? [sql`and (n.kind <> ${kind}::text or ${listed('n.id')})`] : [];
  });
  return sql.join(filters, sql` `);
}

/**
 * Several kinds at once, ranked in the one `nearby_items` index (migration 0008): the same two
 * steps as perKindQuery, once instead of once per kind. The index rows carry each item's name
 * and properties (migration 0009), so the page is read from that one table.
 */
function acrossKindsQuery(db: Kysely<Database>, registry: ItemRegistry, query: RadiusSearch) {
  const { point, radius, limit, after, viewerId, kinds } = query;
  const distance = distanceSql('n.location', point);
  const listed = sql<boolean>`n.kind in (${sql.join(kinds.map((kind) => sql`${kind}::text`))})
    and (n.ends_at is null or n.ends_at > now()) and ${groupContentVisibleSql('n.group_id', viewerId)}
    and ${visibleItemSql('n.kind', 'n.id')} and ${notBlockedSql(nearbyItemAuthorSql('n.kind', 'n.id'), viewerId)}
    ${indexFilters(registry, kinds)}`;
  const afterPosition = after
    ? sql<boolean>`(${distance}, n.kind, n.id) > (${after.d}::float8, ${after.k}::text, ${after.i}::bigint)`
    : sql<boolean>`true`;
  const nearestFirst = sql<{ d: number }>`
    select ${sphereDistanceSql('n.location', point)} as d from nearby_items n
    where ${listed} and ${afterPosition}
    order by n.location::geometry <-> ${planarPointSql(point)}
    limit ${limit + 1}`;
  const ranked = sql`
    select c.kind, c.id, c.name, c.location, c.props, c.capacity, c.distance from (
      select n.kind, n.id, n.name, n.location, n.props, n.capacity, ${distance} as distance, b.r
      from ${boundSql(nearestFirst, limit, radius)} b, nearby_items n
      where ${roughlyWithinSql('n.location', point, sql<number>`b.r`)} and ${listed}
      offset 0) c
    where ${exactlyWithinSql(after)}
    order by c.distance, c.kind, c.id
    limit ${limit + 1}`;
  // Live properties (a meetup's seats left) are computed for the page's items only, after the limit.
  const live = registry
    .withLiveProps()
    .filter((source) => kinds.includes(source.kind))
    .map(
      (source) =>
        sql`when item.kind = ${source.kind}::text then ${source.liveProps!({ props: sql`item.props`, id: 'item.id', capacity: 'item.capacity' })}`,
    );
  const props = live.length === 0 ? sql`item.props` : sql`case ${sql.join(live, sql` `)} else item.props end`;
  const page = sql<RadiusRow>`(select item.kind, item.id, item.name, ${latSql('item.location')} as lat,
      ${lngSql('item.location')} as lng, item.distance, ${props} as props
    from (${ranked}) item)`;
  return db.selectFrom(page.as('p')).selectAll().orderBy('distance').orderBy('kind').orderBy('id');
}

/** The SQL of one page (limit + 1 rows, to know whether another page follows); null for no kinds. */
export function radiusQuery(db: Kysely<Database>, registry: ItemRegistry, query: RadiusSearch) {
  const kinds = kindsPassing(registry, query.kinds, query.filter);
  if (kinds.length === 0) return null;
  // One kind: its own table is the smallest index that holds it.
  // With a filter only some kinds can apply, the kinds are read from their own tables.
  return kinds.length === 1 || filtersSet(query.filter).length > 0
    ? perKindQuery(db, registry, { ...query, kinds })
    : acrossKindsQuery(db, registry, { ...query, kinds });
}

/** A page as the API answers it: its features as GeoJSON text, and where the next page starts. */
export interface RadiusPageJson {
  features: string;
  more: boolean;
  last: RadiusPosition | null;
}

/**
 * One feature of a page (`p`) as GeoJSON text, with the values json_build_object gave it. Joined
 * as text because json_build_object took a large share of a page's time (docs/performance.md,
 * "Lessons"). The name goes through to_json to be escaped; kinds and ids need no
 * escaping. The stored properties come last, their opening brace dropped: no kind's properties
 * use the four keys written before them.
 */
const FEATURE_TEXT = sql<string>`'{"type":"Feature","id":"' || p.kind || ':' || p.id
  || '","geometry":{"type":"Point","coordinates":[' || p.lng::text || ',' || p.lat::text
  || ']},"properties":{"kind":"' || p.kind || '","itemId":' || p.id || ',"name":' || to_json(p.name)
  || ',"distanceMeters":' || to_jsonb(p.distance)
  || case when p.props = '{}'::jsonb then '}' else ',' || substr(p.props::text, 2) end || '}'`;

/**
 * The page's features built as GeoJSON by the database, in their order, with the position of
 * the page's last item for the next cursor. The server sends the text on as it is: decoding the
 * rows only to encode them again was most of the server's work per page (docs/performance.md).
 */
export function radiusPageQuery(db: Kysely<Database>, registry: ItemRegistry, query: RadiusSearch) {
  const rows = radiusQuery(db, registry, query);
  if (!rows) return null;
  const { limit } = query;
  const onPage = sql<boolean>`p.n <= ${limit}`;
  return sql<{
    features: string;
    more: boolean;
    last_d: number | null;
    last_k: ItemKind | null;
    last_i: number | null;
  }>`
    select coalesce('[' || string_agg(${FEATURE_TEXT}, ',' order by p.n) filter (where ${onPage}) || ']', '[]') as features,
      count(*) > ${limit} as more,
      max(p.distance) filter (where p.n = ${limit}) as last_d,
      max(p.kind) filter (where p.n = ${limit}) as last_k,
      max(p.id) filter (where p.n = ${limit}) as last_i
    from (select r.*, row_number() over (order by r.distance, r.kind, r.id) as n from (${rows}) r) p`;
}

type PageRow = NonNullable<ReturnType<typeof radiusPageQuery>> extends RawBuilder<infer Row> ? Row : never;

const EMPTY_PAGE: RadiusPageJson = { features: '[]', more: false, last: null };

function pageFromRow(row: PageRow | undefined): RadiusPageJson {
  if (!row) return EMPTY_PAGE;
  const last = row.last_k === null ? null : { d: row.last_d!, k: row.last_k, i: row.last_i! };
  return { features: row.features, more: row.more, last };
}

export async function findRadiusPage(
  db: Kysely<Database>,
  registry: ItemRegistry,
  query: RadiusSearch,
): Promise<RadiusPageJson> {
  const page = radiusPageQuery(db, registry, query);
  return pageFromRow(page ? (await page.execute(db)).rows[0] : undefined);
}

/** What a batch of page queries share: the kinds, the page size and the cursor. */
export type RadiusPageShape = Omit<RadiusSearch, 'point' | 'radius' | 'viewerId'>;

/** One page query of a batch: where, how far, and for whom. */
export interface RadiusAsk {
  point: LatLng;
  radius: number;
  viewerId: number | null;
}

/**
 * Pages for several asks in one statement, one row per ask with its ordinal `i` (from 1): the
 * page query runs once per ask (a LATERAL join over them), so the statement is parsed and
 * planned once and makes one round trip. When all asks share a viewer, the viewer is written
 * into the statement as for a single page. Null for no kinds.
 */
export function radiusPagesQuery(
  db: Kysely<Database>,
  registry: ItemRegistry,
  shape: RadiusPageShape,
  asks: RadiusAsk[],
) {
  const viewers = new Set(asks.map((ask) => ask.viewerId));
  const oneViewer = viewers.size === 1 ? asks[0]!.viewerId : undefined;
  const page = radiusPageQuery(db, registry, {
    ...shape,
    point: { geometryColumn: 'ask.geometry', geographyColumn: 'ask.geography' },
    radius: { radiusColumn: 'ask.radius' },
    viewerId: oneViewer === undefined ? { viewerColumn: 'ask.viewer_id' } : oneViewer,
  });
  if (!page) return null;
  const column = <T>(pick: (ask: RadiusAsk) => T) => asks.map(pick);
  // OFFSET 0 keeps each ask's point a value made once, not an expression copied into the page query.
  const point = planarPointOfColumnsSql('a.lat', 'a.lng');
  return sql<PageRow & { i: number }>`
    select ask.i, page.* from (
      select a.i, a.radius, a.viewer_id, ${point} as geometry, ${point}::geography as geography
      from unnest(${column((a) => a.point.lat)}::float8[], ${column((a) => a.point.lng)}::float8[],
          ${column((a) => a.radius)}::float8[], ${column((a) => a.viewerId)}::bigint[])
        with ordinality as a(lat, lng, radius, viewer_id, i)
      offset 0) ask
    cross join lateral (${page}) page`;
}

/** Pages for several asks, in their order; each is the page findRadiusPage answers alone. */
export async function findRadiusPages(
  db: Kysely<Database>,
  registry: ItemRegistry,
  shape: RadiusPageShape,
  asks: RadiusAsk[],
): Promise<RadiusPageJson[]> {
  if (asks.length === 1) return [await findRadiusPage(db, registry, { ...shape, ...asks[0]! })];
  const pages = asks.map(() => EMPTY_PAGE);
  const query = radiusPagesQuery(db, registry, shape, asks);
  if (!query) return pages;
  for (const row of (await query.execute(db)).rows) pages[Number(row.i) - 1] = pageFromRow(row);
  return pages;
}
