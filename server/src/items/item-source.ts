/**
 * Everything that can appear on the map or in a radius query is an "item" of some kind. Each
 * feature describes its kind once, as an ItemSource: the rows a given viewer may see and the
 * point to show them at. The radius, map and cluster queries are then written once for all, and
 * the features register their sources in app.ts.
 */
import type { Kysely, RawBuilder, SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import type { ItemKind } from '../geo/schemas.js';
import type { ViewerRef } from '../policy/visibility.js';

export interface VisibleItem {
  id: number;
  name: string;
  /** The geography point to show the item at (already coarsened where privacy asks for it). */
  loc: string;
  /** Extra GeoJSON properties of this kind (a JSON object). */
  props: Record<string, unknown>;
}

/** Where a row of the all-kinds index (`nearby_items`) keeps what live properties are computed from. */
export interface IndexedItemColumns {
  /** The item's stored properties. */
  props: RawBuilder<unknown>;
  id: string;
  capacity: string;
}

/** Narrowing a radius page or map view asks of the kinds that can answer it (item-filter.ts). */
export interface ItemFilter {
  /** Only meetups that still need people to go (minPlayers not reached). */
  needsPlayers?: boolean;
  /** Only meetups that start within the next seven days, or are on now. */
  thisWeek?: boolean;
  /** Only places of these kinds (PLACE_KINDS), sorted. */
  placeKinds?: string[];
}
export type ItemFilterName = keyof ItemFilter;

export interface ItemSource {
  kind: ItemKind;
  /** The filters `visible` can apply; a kind that cannot apply a filter set is left out of the answer. */
  filters?: readonly ItemFilterName[];
  /**
   * A plain SELECT (no aggregates, no LIMIT) so PostgreSQL can pull it up into the caller's
   * query and use the spatial index on the column behind `loc`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind selects from its own tables
  visible(db: Kysely<Database>, viewer: ViewerRef, filter?: ItemFilter): SelectQueryBuilder<Database, any, VisibleItem>;
  /**
   * Whether a row of this kind in the all-kinds index (`nearby_items`, item id in column `id`) is
   * listed; absent: every row the index holds for the viewer. Keeps a radius page of several kinds
   * in step with `visible` where that leaves rows out (a series' later meetups).
   */
  listedInIndex?(id: string): RawBuilder<boolean>;
  /**
   * Properties that change without the item's own row changing (a meetup's seats left), added at
   * read time to the properties stored in the all-kinds index. Absent: the stored ones are current.
   */
  liveProps?(row: IndexedItemColumns): RawBuilder<Record<string, unknown>>;
}
