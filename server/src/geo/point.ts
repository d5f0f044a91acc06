/**
 * The one place where points, distances and GeoJSON are expressed in SQL. Every feature uses
 * these helpers so that "distance" means the same thing everywhere: metres on the WGS84
 * spheroid, as PostGIS geography computes it.
 */
import { sql, type RawBuilder } from 'kysely';

export interface LatLng {
  lat: number;
  lng: number;
}

/**
 * A point read from another row, one row per query when queries are batched: as geometry in
 * degrees and as geography. Both are made once per row, before the queries read them, rather
 * than once per candidate each query compares with the point.
 */
export interface PointColumns {
  geometryColumn: string;
  geographyColumn: string;
}

/** A point given by value, or by the columns that hold it. */
export type PointSource = LatLng | PointColumns;

/**
 * A point as a plain geometry in degrees (note PostGIS wants x = lng first): for
 * nearest-first index scans (`<->` on `column::geometry`) where a roughly nearest-first order will do.
 */
export function planarPointSql(point: PointSource): RawBuilder<unknown> {
  if ('geometryColumn' in point) return sql.ref(point.geometryColumn);
  return makePointSql(sql`${point.lng}::float8`, sql`${point.lat}::float8`);
}

/** A point from two float8 columns (latitude, longitude), as planarPointSql writes a point given by value. */
export function planarPointOfColumnsSql(latColumn: string, lngColumn: string): RawBuilder<unknown> {
  return makePointSql(sql.ref(lngColumn), sql.ref(latColumn));
}

function makePointSql(lng: RawBuilder<unknown>, lat: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`ST_SetSRID(ST_MakePoint(${lng}, ${lat}), 4326)`;
}

/** The same point as geography, for distances in metres. */
export function pointSql(point: PointSource): RawBuilder<string> {
  if ('geographyColumn' in point) return sql<string>`${sql.ref(point.geographyColumn)}`;
  return sql<string>`${planarPointSql(point)}::geography`;
}

/** Geodesic distance in metres between a geography column and a point. */
export function distanceSql(column: string, point: PointSource): RawBuilder<number> {
  return sql<number>`ST_Distance(${sql.ref(column)}, ${pointSql(point)})`;
}

/**
 * On the WGS84 spheroid, a distance is never more than 0.6% away from the great-circle distance
 * on PostGIS's mean-radius sphere (the extremes are north-south near the equator and near the
 * poles). Sphere distances are several times cheaper, so they pre-filter and bound; scaled by
 * this factor (plus a metre for rounding) they can only over-include, and the exact spheroid
 * distance decides.
 */
export const SPHERE_SLACK = 1.01;

/** Great-circle distance in metres on the mean-radius sphere: cheap, within 0.6% of the exact one. */
export function sphereDistanceSql(column: string, point: PointSource): RawBuilder<number> {
  return sql<number>`ST_Distance(${sql.ref(column)}, ${pointSql(point)}, false)`;
}

/**
 * True when the column lies within `radius` metres of the point, boundary included.
 * ST_DWithin on the sphere, with slack, lets the GiST index pick candidates cheaply; the exact
 * ST_Distance comparison then makes the boundary agree with the distances we report.
 */
export function withinSql(
  column: string,
  point: PointSource,
  radius: number | RawBuilder<number>,
): RawBuilder<boolean> {
  const metres = typeof radius === 'number' ? sql<number>`${radius}::float8` : radius;
  return sql<boolean>`(${roughlyWithinSql(column, point, metres)}
    and ST_Distance(${sql.ref(column)}, ${pointSql(point)}) <= ${metres})`;
}

/**
 * The index-backed half of withinSql alone: true for every point within `radius` metres and for
 * some a little beyond. For queries that compute each candidate's exact distance anyway (for a
 * score or an order): they compute it once in a subquery ending in OFFSET 0 and compare it a
 * level above. Without the OFFSET 0, PostgreSQL merges the two levels, copies the distance into
 * the scan's filter and computes it twice per candidate.
 */
export function roughlyWithinSql(column: string, point: PointSource, radius: RawBuilder<number>): RawBuilder<boolean> {
  return sql<boolean>`ST_DWithin(${sql.ref(column)}, ${pointSql(point)}, ${radius} * ${SPHERE_SLACK}::float8 + 1, false)`;
}

export function latSql(column: string): RawBuilder<number> {
  return sql<number>`ST_Y(${sql.ref(column)}::geometry)`;
}

export function lngSql(column: string): RawBuilder<number> {
  return sql<number>`ST_X(${sql.ref(column)}::geometry)`;
}
