/** Tables the shared item layer reads: the index of all listed items and the map's count pyramid. */
import type { Geography } from './geography.js';

/** One row per listed item of any kind, for radius queries across kinds (migrations 0008, 0009). */
export interface NearbyItemsTable {
  kind: string;
  id: number;
  location: Geography;
  group_id: number | null;
  ends_at: Date | null;
  name: string;
  props: Record<string, unknown>;
  /** A meetup's seat limit, for counting its seats left at read time. */
  capacity: number | null;
}

/** Map cluster counts per quadtree cell, kind and meetup end hour (migration 0007). */
export interface MapCellsTable {
  level: number;
  cx: number;
  cy: number;
  kind: string;
  bucket: Date;
  n: number;
  sx: number;
  sy: number;
}

export interface ItemTables {
  nearby_items: NearbyItemsTable;
  map_cells: MapCellsTable;
}
