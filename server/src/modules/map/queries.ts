/**
 * What is inside a map viewport. Few items come back one by one; many are grouped in the
 * database into a grid of Mercator cells about CLUSTER_PIXELS wide on screen, so the answer
 * stays small (≤ MAX_FEATURES) however many items the view holds.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import { METERS_PER_PIXEL_Z0, EARTH_RADIUS, latFromMercator, lngFromMercator, mercatorX, mercatorY } from '../../geo/mercator.js';
import { SOURCES } from '../nearby/sources.js';
import { MAX_ZOOM } from './schemas.js';

/** Up to this many items are sent individually. */
export const INDIVIDUAL_LIMIT = 300;
/** Hard cap on features in one answer. */
export const MAX_FEATURES = 500;
/** On-screen width of a cluster cell. */
const CLUSTER_PIXELS = 60;
/** However large the view, it is cut into at most this many cells per side. */
const CELLS_PER_SIDE = 20;

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

interface ItemRow {
  kind: ItemKind;
  id: number;
  name: string;
  lat: number;
  lng: number;
  props: Record<string, unknown>;
}

interface CellRow {
  count: number;
  total: number;
  counts: Partial<Record<ItemKind, number>>;
  avg_x: number;
  avg_y: number;
  spread: number;
  single: ItemRow | null;
}

/** Lat/lng rectangles to test against; a view across the antimeridian is two of them. */
function envelopes(bbox: Bbox): RawBuilder<unknown>[] {
  const box = (minLng: number, maxLng: number) =>
    sql`ST_MakeEnvelope(${minLng}::float8, ${bbox.minLat}::float8, ${maxLng}::float8, ${bbox.maxLat}::float8, 4326)`;
  return bbox.minLng <= bbox.maxLng ? [box(bbox.minLng, bbox.maxLng)] : [box(bbox.minLng, 180), box(-180, bbox.maxLng)];
}

function itemsInView(db: Kysely<Database>, bbox: Bbox, kinds: ItemKind[], viewerId: number | null, limit?: number) {
  const boxes = envelopes(bbox);
  const branches = kinds.flatMap((kind) => {
    const source = SOURCES[kind];
    if (!source) return [];
    // `&&` on the geometry cast uses the expression GiST index; for points it is exact.
    const inView = sql.join(
      boxes.map((box) => sql`s.loc::geometry && ${box}`),
      sql` or `,
    );
    let branch = db
      .selectFrom(source.visible(db, viewerId).as('s'))
      .select([
        sql<ItemKind>`${kind}::text`.as('kind'),
        's.id',
        's.name',
        sql<number>`ST_Y(s.loc::geometry)`.as('lat'),
        sql<number>`ST_X(s.loc::geometry)`.as('lng'),
        's.props',
      ])
      .where(sql<boolean>`(${inView})`);
    if (limit !== undefined) branch = branch.orderBy('s.id').limit(limit);
    return [db.selectFrom(branch.as(`b_${kind}`)).selectAll()];
  });
  const [first, ...rest] = branches;
  return first ? rest.reduce((all, branch) => all.unionAll(branch), first) : null;
}

export type MapAnswer =
  | { clustered: false; items: ItemRow[] }
  | {
      clustered: true;
      total: number;
      cells: { lat: number; lng: number; count: number; counts: CellRow['counts']; expansionZoom: number; single: ItemRow | null }[];
    };

export async function itemsForView(
  db: Kysely<Database>,
  bbox: Bbox,
  zoom: number,
  kinds: ItemKind[],
  viewerId: number | null,
): Promise<MapAnswer> {
  const few = itemsInView(db, bbox, kinds, viewerId, INDIVIDUAL_LIMIT + 1);
  if (!few) return { clustered: false, items: [] };
  const items = (await db
    .selectFrom(few.as('v'))
    .selectAll()
    .orderBy('kind')
    .orderBy('id')
    .limit(INDIVIDUAL_LIMIT + 1)
    .execute()) as ItemRow[];
  if (items.length <= INDIVIDUAL_LIMIT) return { clustered: false, items };
  return { clustered: true, ...(await clusterView(db, bbox, zoom, kinds, viewerId)) };
}

async function clusterView(db: Kysely<Database>, bbox: Bbox, zoom: number, kinds: ItemKind[], viewerId: number | null) {
  const all = itemsInView(db, bbox, kinds, viewerId)!;
  const crossesAntimeridian = bbox.minLng > bbox.maxLng;
  const width = mercatorX((crossesAntimeridian ? bbox.maxLng + 360 : bbox.maxLng) - bbox.minLng);
  const height = mercatorY(bbox.maxLat) - mercatorY(bbox.minLat);
  const cell = Math.max((METERS_PER_PIXEL_Z0 / 2 ** zoom) * CLUSTER_PIXELS, width / CELLS_PER_SIDE, height / CELLS_PER_SIDE);

  // Across the antimeridian, points west of it move by 360° so the grid has no seam.
  const lng = crossesAntimeridian ? sql`(case when v.lng < ${bbox.minLng}::float8 then v.lng + 360 else v.lng end)` : sql`v.lng`;
  const x = sql`radians(${lng}) * ${EARTH_RADIUS}::float8`;
  const y = sql`${EARTH_RADIUS}::float8 * ln(tan(pi() / 4 + radians(greatest(-85.05112878, least(85.05112878, v.lat))) / 2))`;
  const perKind = sql.join(
    kinds.map((kind) => sql`${kind}::text, count(*) filter (where p.kind = ${kind}::text)`),
    sql`, `,
  );

  const { rows } = await sql<CellRow>`
    with p as (
      select v.*, ${x} as x, ${y} as y from (${all}) v
    )
    select count(*)::int as count,
           (sum(count(*)) over ())::int as total,
           jsonb_build_object(${perKind}) as counts,
           avg(p.x) as avg_x,
           avg(p.y) as avg_y,
           greatest(max(p.x) - min(p.x), max(p.y) - min(p.y)) as spread,
           case when count(*) = 1 then (array_agg(jsonb_build_object(
             'kind', p.kind, 'id', p.id, 'name', p.name, 'lat', p.lat, 'lng', p.lng, 'props', p.props)))[1] end as single
    from p
    group by floor(p.x / ${cell}::float8), floor(p.y / ${cell}::float8)
    order by count desc, avg_x, avg_y
    limit ${MAX_FEATURES}`.execute(db);

  const zeroPixelsCell = METERS_PER_PIXEL_Z0 * CLUSTER_PIXELS;
  return {
    total: rows[0]?.total ?? 0,
    cells: rows.map((row) => ({
      lat: latFromMercator(row.avg_y),
      lng: lngFromMercator(row.avg_x),
      count: row.count,
      counts: Object.fromEntries(Object.entries(row.counts).filter(([, n]) => n > 0)),
      // The first zoom whose cells are narrower than the cluster's spread, i.e. where it splits.
      expansionZoom:
        row.spread > 0
          ? Math.min(MAX_ZOOM, Math.max(zoom + 1, Math.floor(Math.log2(zeroPixelsCell / row.spread)) + 1))
          : MAX_ZOOM,
      single: row.single,
    })),
  };
}
