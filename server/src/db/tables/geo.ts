import type { ColumnType, Generated } from 'kysely';
import type { Geography } from './geography.js';

export const PLACE_KINDS = ['cafe', 'game_store', 'library', 'bar', 'community_centre', 'park', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export type GroupVisibility = 'public' | 'private';
export type GroupRole = 'owner' | 'organizer' | 'member';

export interface PlacesTable {
  id: Generated<number>;
  name: string;
  kind: PlaceKind;
  address: string | null;
  description: ColumnType<string, string | undefined, string>;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  location: Geography;
  created_by: number | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface GroupsTable {
  id: Generated<number>;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  visibility: GroupVisibility;
  location: Geography;
  public_location: Geography;
  created_by: number | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface GroupMembersTable {
  group_id: number;
  user_id: number;
  role: GroupRole;
  joined_at: ColumnType<Date, Date | undefined, never>;
}

export interface GeoTables {
  places: PlacesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  nearby_items: NearbyItemsTable;
  map_cells: MapCellsTable;
}

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
