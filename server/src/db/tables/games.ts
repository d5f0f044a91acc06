import type { ColumnType, Generated } from 'kysely';

/** The shared list of board games (migration 0062). */
export interface GamesTable {
  id: Generated<number>;
  name: string;
  min_players: number | null;
  max_players: number | null;
  play_minutes: number | null;
  created_by: number | null;
  created_at: ColumnType<Date, never, never>;
}

/** Which games a meetup plays, or a group or place owns, in the order given. */
export interface EventGamesTable {
  event_id: number;
  game_id: number;
  position: number;
}
export interface GroupGamesTable {
  group_id: number;
  game_id: number;
  position: number;
}
export interface PlaceGamesTable {
  place_id: number;
  game_id: number;
  position: number;
}

export interface GameTables {
  games: GamesTable;
  event_games: EventGamesTable;
  group_games: GroupGamesTable;
  place_games: PlaceGamesTable;
}
