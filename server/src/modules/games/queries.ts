import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupRole } from '../../db/tables/places-and-groups.js';
import { groupContentVisibleSql } from '../../policy/visibility.js';

type Db = Kysely<Database>;

/** What links games: a meetup ("event" in code), a group or a place. */
export type GameOwner = { type: 'event' | 'group' | 'place'; id: number };

const GAME_COLUMNS = [
  'games.id',
  'games.name',
  'games.min_players',
  'games.max_players',
  'games.play_minutes',
] as const;

export type GameRow = {
  id: number;
  name: string;
  min_players: number | null;
  max_players: number | null;
  play_minutes: number | null;
};

/** `%` and `_` typed by a person are letters, not patterns. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Games whose name contains `q` (case ignored), names starting with it first, then by name. */
export async function searchGames(db: Db, q: string, limit: number): Promise<GameRow[]> {
  const pattern = literal(q.toLowerCase());
  return db
    .selectFrom('games')
    .select(GAME_COLUMNS)
    .where(sql<boolean>`lower(games.name) like ${`%${pattern}%`}`)
    .orderBy(sql`lower(games.name) like ${`${pattern}%`}`, 'desc')
    .orderBy(sql`lower(games.name)`)
    .orderBy('games.id')
    .limit(limit)
    .execute();
}

export async function findGame(db: Db, id: number): Promise<GameRow | undefined> {
  return db.selectFrom('games').select(GAME_COLUMNS).where('games.id', '=', id).executeTakeFirst();
}

/** Adds a game; undefined when one of that name (case ignored) exists already. */
export async function insertGame(
  db: Db,
  game: { name: string; minPlayers: number | null; maxPlayers: number | null; playMinutes: number | null },
  createdBy: number,
): Promise<number | undefined> {
  const row = await db
    .insertInto('games')
    .values({
      name: game.name,
      min_players: game.minPlayers,
      max_players: game.maxPlayers,
      play_minutes: game.playMinutes,
      created_by: createdBy,
    })
    .onConflict((conflict) => conflict.expression(sql`lower(name)`).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function findGameByName(db: Db, name: string): Promise<GameRow | undefined> {
  return db
    .selectFrom('games')
    .select(GAME_COLUMNS)
    .where(sql<boolean>`lower(games.name) = lower(${name})`)
    .executeTakeFirst();
}

/** Those of `ids` that name games, with their names. */
export async function findGames(db: Db, ids: number[]): Promise<GameRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('games').select(GAME_COLUMNS).where('games.id', 'in', ids).execute();
}

/** The games linked to each owner, in their order. */
export async function gamesOf(db: Db, type: GameOwner['type'], ids: number[]): Promise<Map<number, GameRow[]>> {
  const result = new Map<number, GameRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return result;
  const { rows } = await sql<GameRow & { owner_id: number }>`
    select l.owner_id, g.id, g.name, g.min_players, g.max_players, g.play_minutes
    from (${linksOf(type)}) l join games g on g.id = l.game_id
    where l.owner_id = any(${ids}::bigint[])
    order by l.owner_id, l.position`.execute(db);
  for (const row of rows) result.get(Number(row.owner_id))?.push(row);
  return result;
}

function linksOf(type: GameOwner['type']) {
  switch (type) {
    case 'event':
      return sql`select event_id as owner_id, game_id, position from event_games`;
    case 'group':
      return sql`select group_id as owner_id, game_id, position from group_games`;
    case 'place':
      return sql`select place_id as owner_id, game_id, position from place_games`;
  }
}

/** Replaces the owner's games with these, in this order. */
export async function setGamesOf(trx: Db, owner: GameOwner, gameIds: number[]): Promise<void> {
  const table = `${owner.type}_games` as const;
  const column = `${owner.type}_id` as const;
  await sql`delete from ${sql.table(table)} where ${sql.ref(column)} = ${owner.id}::bigint`.execute(trx);
  if (gameIds.length === 0) return;
  await sql`insert into ${sql.table(table)} (${sql.ref(column)}, game_id, position)
    select ${owner.id}::bigint, g.id, g.position
    from unnest(${gameIds}::bigint[]) with ordinality as g(id, position)`.execute(trx);
}

/** The viewer's role in the group, and whether they may see its content; undefined when there is no such group. */
export async function groupForGames(db: Db, groupId: number, viewerId: number | null) {
  return db
    .selectFrom('groups')
    .select([
      groupContentVisibleSql('groups.id', viewerId).as('visible'),
      sql<GroupRole | null>`(select gm.role from group_members gm
        where gm.group_id = groups.id and gm.user_id = ${viewerId}::bigint)`.as('role'),
    ])
    .where('groups.id', '=', groupId)
    .executeTakeFirst();
}

export async function placeForGames(db: Db, placeId: number) {
  return db.selectFrom('places').select('created_by').where('id', '=', placeId).executeTakeFirst();
}
