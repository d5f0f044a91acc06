/**
 * The local feed: posts and upcoming meetups near a point, ranked by distance and time only,
 * each with the arithmetic that placed it (see score.ts for the formula).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { LatLng } from '../../geo/point.js';
import { invalidField } from '../../plugins/errors.js';
import { findFeedPage, homeOf, type FeedRow } from './queries.js';
import {
  FORMULA,
  MAX_AS_OF_SKEW_SECONDS,
  MAX_FEED_PAGE,
  type FeedAnswer,
  type FeedItem,
  type FeedQuerySchema,
} from './schemas.js';
import { explain, FEED_PAGE_SIZE } from './score.js';

type Db = Kysely<Database>;

const MAX_AS_OF_SKEW_MS = MAX_AS_OF_SKEW_SECONDS * 1000;

function toItem(row: FeedRow): FeedItem {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    location: { lat: row.lat, lng: row.lng },
    distanceMeters: row.distance,
    createdAt: row.created_at.toISOString(),
    ...(row.starts_at === null ? {} : { startsAt: row.starts_at.toISOString() }),
    ...(row.time_zone === null ? {} : { timeZone: row.time_zone }),
    ...(row.group_id === null || row.group_name === null || row.group_visibility === null
      ? {}
      : { group: { id: row.group_id, name: row.group_name, visibility: row.group_visibility } }),
    ...(row.place_id === null || row.place_name === null ? {} : { place: { id: row.place_id, name: row.place_name } }),
    url: `/${row.kind}s/${row.id}`,
    why: explain(row),
  };
}

/** Where the feed is ranked from: the point asked for, else the signed-in person's home. */
async function feedOrigin(db: Db, query: FeedQuerySchema, viewerId: number | null): Promise<LatLng> {
  const { lat, lng } = query;
  let point: LatLng | undefined;
  if (lat !== undefined && lng !== undefined) point = { lat, lng };
  else if (lat !== undefined) throw invalidField('lng', 'is required with lat');
  else if (lng !== undefined) throw invalidField('lat', 'is required with lng');
  else if (viewerId !== null) point = await homeOf(db, viewerId);
  if (!point) throw invalidField('lat', 'and lng are required unless you are signed in with a saved home location');
  return point;
}

export async function feedPage(db: Db, query: FeedQuerySchema, viewerId: number | null): Promise<FeedAnswer> {
  const { radius, mode, page } = query;
  const point = await feedOrigin(db, query, viewerId);
  const asOf = query.asOf === undefined ? new Date() : new Date(query.asOf);
  if (asOf.getTime() > Date.now() + MAX_AS_OF_SKEW_MS) throw invalidField('asOf', 'must not be in the future');

  const rows = await findFeedPage(db, {
    point,
    radius,
    mode,
    asOf,
    viewerId,
    offset: (page - 1) * FEED_PAGE_SIZE,
    limit: FEED_PAGE_SIZE + 1,
  });
  return {
    items: rows.slice(0, FEED_PAGE_SIZE).map(toItem),
    page,
    nextPage: rows.length > FEED_PAGE_SIZE && page < MAX_FEED_PAGE ? page + 1 : null,
    asOf: asOf.toISOString(),
    mode,
    radius,
    origin: query.lat === undefined ? 'home' : 'query',
    formula: FORMULA,
  };
}
