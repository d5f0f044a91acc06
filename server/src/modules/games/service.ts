/**
 * The games list: anyone signed in may add a game (one per name, case ignored) and everyone may
 * search it. Meetups link the games they will play (through events' own service, with
 * `linkGames`); a group's owners and organizers, and whoever added a place, set the games they own.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { conflict, forbidden, invalidField, notFound } from '../../plugins/errors.js';
import { mayEdit } from '../../policy/content.js';
import { roleMay } from '../../policy/group-roles.js';
import {
  findGame,
  findGameByName,
  findGames,
  gamesOf,
  groupForGames,
  insertGame,
  placeForGames,
  searchGames,
  setGamesOf,
  type GameOwner,
  type GameRow,
} from './queries.js';
import type { CreateGameBody, Game } from './schemas.js';

type Db = Kysely<Database>;

export function toGame(row: GameRow): Game {
  return {
    id: Number(row.id),
    name: row.name,
    minPlayers: row.min_players,
    maxPlayers: row.max_players,
    playMinutes: row.play_minutes,
  };
}

export async function findGamesByName(db: Db, q: string, limit: number): Promise<Game[]> {
  return (await searchGames(db, q.trim(), limit)).map(toGame);
}

export async function readGame(db: Db, id: number): Promise<Game> {
  const row = await findGame(db, id);
  if (!row) throw notFound('This game');
  return toGame(row);
}

export async function addGame(db: Db, body: CreateGameBody, userId: number): Promise<Game> {
  const name = body.name.trim().replace(/\s+/g, ' ');
  if (name === '') throw invalidField('name', 'must not be blank', 'body');
  if (body.minPlayers !== undefined && body.maxPlayers !== undefined && body.minPlayers > body.maxPlayers) {
    throw invalidField('maxPlayers', 'must not be less than minPlayers', 'body');
  }
  const id = await insertGame(
    db,
    {
      name,
      minPlayers: body.minPlayers ?? null,
      maxPlayers: body.maxPlayers ?? null,
      playMinutes: body.playMinutes ?? null,
    },
    userId,
  );
  if (id === undefined) {
    const existing = await findGameByName(db, name);
    throw conflict('game_exists', `“${existing?.name ?? name}” is in the list already (id ${existing?.id}).`);
  }
  return readGame(db, id);
}

/** The names of the games, in the order given; 400 naming `gameIds` when one is not in the list. */
export async function gameNames(db: Db, gameIds: number[]): Promise<string[]> {
  const rows = await findGames(db, gameIds);
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  const missing = gameIds.find((id) => !byId.has(id));
  if (missing !== undefined) throw invalidField('gameIds', `has ${missing}, which is not a game in the list`, 'body');
  return gameIds.map((id) => byId.get(id)!.name);
}

/** Checks the ids name games and links them to the owner, in order. */
export async function linkGames(trx: Db, owner: GameOwner, gameIds: number[]): Promise<void> {
  await gameNames(trx, gameIds);
  await setGamesOf(trx, owner, gameIds);
}

export async function linkedGames(db: Db, type: GameOwner['type'], id: number): Promise<Game[]> {
  return ((await gamesOf(db, type, [id])).get(id) ?? []).map(toGame);
}

export async function groupGames(db: Db, groupId: number, viewerId: number | null): Promise<Game[]> {
  const group = await groupForGames(db, groupId, viewerId);
  if (!group || !group.visible) throw notFound('This group');
  return linkedGames(db, 'group', groupId);
}

export async function setGroupGames(db: Db, groupId: number, viewerId: number, gameIds: number[]): Promise<Game[]> {
  const group = await groupForGames(db, groupId, viewerId);
  if (!group || !group.visible) throw notFound('This group');
  if (!roleMay(group.role, 'manage_events')) {
    throw forbidden('Only the group’s owners and organizers can change its games.');
  }
  await db.transaction().execute((trx) => linkGames(trx, { type: 'group', id: groupId }, gameIds));
  return linkedGames(db, 'group', groupId);
}

export async function placeGames(db: Db, placeId: number): Promise<Game[]> {
  if (!(await placeForGames(db, placeId))) throw notFound('This place');
  return linkedGames(db, 'place', placeId);
}

export async function setPlaceGames(db: Db, placeId: number, viewerId: number, gameIds: number[]): Promise<Game[]> {
  const place = await placeForGames(db, placeId);
  if (!place) throw notFound('This place');
  if (!mayEdit({ authorId: place.created_by }, viewerId)) {
    throw forbidden('Only the person who added this place can change its games.');
  }
  await db.transaction().execute((trx) => linkGames(trx, { type: 'place', id: placeId }, gameIds));
  return linkedGames(db, 'place', placeId);
}
