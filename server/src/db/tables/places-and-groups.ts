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
  /** A private home (migration 0061): listed at `public_location`, its address shown only to whoever added it. */
  private_home: ColumnType<boolean, boolean | undefined, boolean>;
  /** Where lists and maps show the place: the snapped point for a private home, else `location` (a trigger keeps it). */
  public_location: ColumnType<Geography, Geography | undefined, Geography>;
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
  /** The rules people read when they join, linked from each moderation action (migration 0090). */
  rules: ColumnType<string, string | undefined, string>;
  /** Words or links that send a post or comment to the group's queue instead of publishing it. */
  held_terms: ColumnType<string[], string[] | undefined, string[]>;
}

export interface GroupMembersTable {
  group_id: number;
  user_id: number;
  role: GroupRole;
  joined_at: ColumnType<Date, Date | undefined, never>;
}

export interface PlaceAndGroupTables {
  places: PlacesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
}
