/**
 * The SQL of the OGC API – Features collections: a kind's items as its ItemSource lets the viewer
 * see them (the same rows, visibility and privacy as /api/nearby and /api/map), inside a box and
 * a time window, in id order.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemSource } from '../../items/item-source.js';

type Db = Kysely<Database>;

export interface CollectionFilter {
  /** minLng, minLat, maxLng, maxLat; minLng > maxLng crosses the antimeridian. */
  bbox: [number, number, number, number] | null;
  /** Meetups overlapping [from, to]; null ends are open. */
  during: { from: string | null; to: string | null } | null;
}

export interface CollectionRow {
  id: number;
  name: string;
  lat: number;
  lng: number;
  props: Record<string, unknown>;
}

function filtered(db: Db, source: ItemSource, viewerId: number | null, filter: CollectionFilter) {
  let select = db.selectFrom(source.visible(db, viewerId).as('s'));
  if (filter.bbox) {
    const [minLng, minLat, maxLng, maxLat] = filter.bbox;
    const box = (west: number, east: number) =>
      sql<boolean>`s.loc::geometry && ST_MakeEnvelope(${west}::float8, ${minLat}::float8, ${east}::float8, ${maxLat}::float8, 4326)`;
    select = select.where(
      minLng <= maxLng ? box(minLng, maxLng) : sql<boolean>`(${box(minLng, 180)} or ${box(-180, maxLng)})`,
    );
  }
  if (filter.during?.from)
    select = select.where(sql<boolean>`(s.props->>'endsAt')::timestamptz >= ${filter.during.from}::timestamptz`);
  if (filter.during?.to)
    select = select.where(sql<boolean>`(s.props->>'startsAt')::timestamptz <= ${filter.during.to}::timestamptz`);
  return select;
}

/** A page of a collection's items, by id. */
export async function findCollectionItems(
  db: Db,
  source: ItemSource,
  viewerId: number | null,
  filter: CollectionFilter,
  page: { limit: number; offset: number },
): Promise<CollectionRow[]> {
  return (await filtered(db, source, viewerId, filter)
    .select([
      's.id',
      's.name',
      sql<number>`ST_Y(s.loc::geometry)`.as('lat'),
      sql<number>`ST_X(s.loc::geometry)`.as('lng'),
      's.props',
    ])
    .orderBy('s.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute()) as CollectionRow[];
}

/** How many items match, for `numberMatched`. */
export async function countCollectionItems(
  db: Db,
  source: ItemSource,
  viewerId: number | null,
  filter: CollectionFilter,
): Promise<number> {
  const row = await filtered(db, source, viewerId, filter)
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One item, when the viewer may see it. */
export async function findCollectionItem(
  db: Db,
  source: ItemSource,
  viewerId: number | null,
  id: number,
): Promise<CollectionRow | undefined> {
  return (await filtered(db, source, viewerId, { bbox: null, during: null })
    .select([
      's.id',
      's.name',
      sql<number>`ST_Y(s.loc::geometry)`.as('lat'),
      sql<number>`ST_X(s.loc::geometry)`.as('lng'),
      's.props',
    ])
    .where('s.id', '=', id)
    .executeTakeFirst()) as CollectionRow | undefined;
}
