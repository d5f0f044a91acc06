import type { ColumnType, Generated } from 'kysely';
import type { Geography } from './geography.js';

export type EventStatus = 'scheduled' | 'cancelled';
export type RsvpStatus = 'going' | 'waitlisted' | 'not_going';
export type RecurrenceFreq = 'weekly' | 'monthly';
export type LocationPrivacy = 'exact' | 'approximate';
export type Shortfall = 'cancel' | 'keep';

export interface EventSeriesTable {
  id: Generated<number>;
  freq: RecurrenceFreq;
  occurrences: number;
  /** Every how many weeks or months (migration 0100). */
  repeat_every: ColumnType<number, number | undefined, number>;
  created_at: ColumnType<Date, never, never>;
}

export interface EventsTable {
  id: Generated<number>;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  /** Plain text of the description for the feed, made when it is written (markdown/excerpt.ts). */
  excerpt: ColumnType<string, string | undefined, string>;
  starts_at: ColumnType<Date, Date, Date>;
  ends_at: ColumnType<Date, Date, Date>;
  time_zone: string;
  location: Geography;
  /** Who sees the exact point and address: everyone, or only those going and the organizers (migration 0061). */
  location_privacy: ColumnType<LocationPrivacy, LocationPrivacy | undefined, LocationPrivacy>;
  /**
   * The point everyone else sees, and every list ranks by: the snapped point (geo/coarsen.ts) of an
   * approximate meetup, else `location` (a trigger keeps it).
   */
  public_location: ColumnType<Geography, Geography | undefined, Geography>;
  /** Players the meetup needs going to happen; null: no minimum. */
  min_players: ColumnType<number | null, number | null | undefined, number | null>;
  /** When a meetup still short of min_players is cancelled or kept (on_shortfall). */
  players_deadline: ColumnType<Date | null, Date | null | undefined, Date | null>;
  on_shortfall: ColumnType<Shortfall, Shortfall | undefined, Shortfall>;
  place_id: number | null;
  group_id: number | null;
  organizer_id: number | null;
  capacity: number | null;
  games: ColumnType<string[], string[] | undefined, string[]>;
  status: ColumnType<EventStatus, EventStatus | undefined, EventStatus>;
  series_id: number | null;
  series_index: number | null;
  revision: ColumnType<number, number | undefined, number>;
  /** Organizers closed the discussion: no new comments (migration 0060). */
  discussion_locked: ColumnType<boolean, boolean | undefined, boolean>;
  /** The comment organizers pinned above the discussion. */
  pinned_comment_id: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface EventRsvpsTable {
  event_id: number;
  user_id: number;
  status: RsvpStatus;
  /** From the event_rsvp_arrival sequence: the order in which RSVPs were decided. */
  arrival: number;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface GroupJoinRequestsTable {
  group_id: number;
  user_id: number;
  message: ColumnType<string, string | undefined, string>;
  created_at: ColumnType<Date, never, never>;
}

export interface EventTables {
  event_series: EventSeriesTable;
  events: EventsTable;
  event_rsvps: EventRsvpsTable;
  group_join_requests: GroupJoinRequestsTable;
}
