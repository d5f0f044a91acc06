/**
 * "What is within R metres of this point", nearest first, across kinds, in pages.
 *
 * Each kind is queried on its own (spatial index → exact distance → its own nearest `limit+1`),
 * then the branches are merged and cut again. Pages continue after the last item's
 * (distance, kind, id), so walking the cursors returns every item in the radius exactly once.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { distanceSql, latSql, lngSql, pointSql, withinSql, type LatLng } from '../../geo/point.js';
import type { ItemKind } from '../../geo/schemas.js';
import { SOURCES } from './sources.js';

export interface NearbyPosition {
  d: number;
  k: ItemKind;
  i: number;
}

export function isNearbyPosition(value: unknown): value is NearbyPosition {
  const v = value as NearbyPosition;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.d === 'number' &&
    Number.isFinite(v.d) &&
    v.d >= 0 &&
    typeof v.k === 'string' &&
    v.k in SOURCES &&
    Number.isSafeInteger(v.i)
  );
}

export interface NearbyRow {
  kind: ItemKind;
  id: number;
  name: string;
  lat: number;
  lng: number;
  distance: number;
  props: Record<string, unknown>;
}

export interface NearbyQuery {
  point: LatLng;
  radius: number;
  kinds: ItemKind[];
  limit: number;
  after: NearbyPosition | null;
  viewerId: number | null;
}

/** The SQL of one page (limit + 1 rows, to know whether another page follows); null for no kinds. */
export function nearbyQuery(db: Kysely<Database>, query: NearbyQuery) {
  const { point, radius, limit, after, viewerId } = query;
  const branches = query.kinds.flatMap((kind) => {
    const source = SOURCES[kind];
    if (!source) return [];
    const distance = distanceSql('s.loc', point);
    const afterPosition = after
      ? sql<boolean>`(${distance}, ${kind}::text, s.id) > (${after.d}::float8, ${after.k}::text, ${after.i}::bigint)`
      : sql<boolean>`true`;
    // Step 1: the planar (degrees) index on `loc::geometry` hands out rows roughly nearest first
    // (`<->`) without visiting the rest of the radius. Any `limit + 1` rows will do for what
    // follows — the farthest of them, by exact spheroid distance, bounds the page, because the
    // `limit + 1` nearest rows can lie no farther away — and nearly-nearest ones make it tight.
    // No radius filter here, so the planner has no reason to collect and sort the whole radius.
    const nearestFirst = sql<{ d: number }>`
      select ${distance} as d from (${source.visible(db, viewerId)}) s
      where ${afterPosition}
      order by s.loc::geometry <-> ST_SetSRID(ST_MakePoint(${point.lng}::float8, ${point.lat}::float8), 4326)
      limit ${limit + 1}`;
    const bound = sql<{ r: number }>`(select case when count(*) <= ${limit}::int then ${radius}::float8
        else least(max(k.d), ${radius}::float8) end as r
      from (${nearestFirst}) k)`;
    // Step 2: exact distances, exact order, within that bound only (computed once, joined in).
    const branch = db
      .selectFrom([bound.as('b'), source.visible(db, viewerId).as('s')])
      .select([
        sql<ItemKind>`${kind}::text`.as('kind'),
        's.id',
        's.name',
        latSql('s.loc').as('lat'),
        lngSql('s.loc').as('lng'),
        distance.as('distance'),
        's.props',
      ])
      .where(withinSql('s.loc', point, sql<number>`b.r`))
      .where(afterPosition);
    // Wrapped so the branch keeps its own ORDER BY / LIMIT inside the UNION ALL.
    return [db.selectFrom(branch.orderBy('distance').orderBy('s.id').limit(limit + 1).as(`b_${kind}`)).selectAll()];
  });
  const [first, ...rest] = branches;
  if (!first) return null;
  const union = rest.reduce((all, branch) => all.unionAll(branch), first);
  return db.selectFrom(union.as('u')).selectAll().orderBy('distance').orderBy('kind').orderBy('id').limit(limit + 1);
}

export async function findNearby(db: Kysely<Database>, query: NearbyQuery): Promise<{ rows: NearbyRow[]; more: boolean }> {
  const rows = ((await nearbyQuery(db, query)?.execute()) ?? []) as NearbyRow[];
  return { rows: rows.slice(0, query.limit), more: rows.length > query.limit };
}

export function toFeature(row: NearbyRow) {
  return {
    type: 'Feature' as const,
    id: `${row.kind}:${row.id}`,
    geometry: { type: 'Point' as const, coordinates: [row.lng, row.lat] },
    properties: { ...row.props, kind: row.kind, id: row.id, name: row.name, distanceMeters: row.distance },
  };
}
