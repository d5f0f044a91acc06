/**
 * Everything that can appear on the map or in a radius query is an "item" of some kind. Each
 * feature module describes its kind once, as the rows a given viewer may see and the point to
 * show them at; the radius, feed-free map and cluster queries are then written once for all.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import type { Viewer } from '../groups/visibility.js';
import { placeSource } from '../places/source.js';
import { groupSource } from '../groups/source.js';
import { postSource } from '../posts/source.js';
import { eventSource } from '../events/source.js';

export interface VisibleItem {
  id: number;
  name: string;
  /** The geography point to show the item at (already coarsened where privacy asks for it). */
  loc: string;
  /** Extra GeoJSON properties of this kind (a JSON object). */
  props: Record<string, unknown>;
}

export interface ItemSource {
  kind: ItemKind;
  /**
   * A plain SELECT (no aggregates, no LIMIT) so PostgreSQL can pull it up into the caller's
   * query and use the spatial index on the column behind `loc`.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind selects from its own tables
  visible(db: Kysely<Database>, viewer: Viewer): SelectQueryBuilder<Database, any, VisibleItem>;
}

export const SOURCES: Partial<Record<ItemKind, ItemSource>> = {
  place: placeSource,
  group: groupSource,
  post: postSource,
  event: eventSource,
};

/** The kinds that exist in this build, in the order used to break distance ties. */
export function availableKinds(): ItemKind[] {
  return (Object.keys(SOURCES) as ItemKind[]).sort();
}
