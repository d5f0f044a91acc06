/** The games list: searching it, adding a game, and the games a group or a place owns. */
import { getJson, request, withQuery } from './http';
import type { Query, RequestBody, Schema } from './types';

export type Game = Schema<'Game'>;
export type NewGame = RequestBody<'/api/games', 'post'>;
/** Who owns a list of games: a group (its owners and organizers edit it) or a place (whoever added it). */
export type GameOwner = { kind: 'group' | 'place'; id: number };

/** Games whose name contains `q`, names starting with it first. */
export async function searchGames(q: string, signal?: AbortSignal, limit = 20): Promise<Game[]> {
  const url = withQuery<Query<'/api/games'>>('/api/games', { q, limit });
  return (await getJson<Schema<'GameList'>>(url, signal)).games;
}

/** Adds a game to the list; a name already there answers 409 `game_exists`. */
export function addGame(game: NewGame): Promise<Game> {
  return request('POST', '/api/games', { body: game });
}

const ownerPath = (owner: GameOwner) => `/api/${owner.kind === 'group' ? 'groups' : 'places'}/${owner.id}/games`;

export async function gamesOwnedBy(owner: GameOwner, signal?: AbortSignal): Promise<Game[]> {
  return (await getJson<Schema<'GameList'>>(ownerPath(owner), signal)).games;
}

/** Replaces the owner's games with these, in this order. */
export async function setGamesOwnedBy(owner: GameOwner, gameIds: number[]): Promise<Game[]> {
  const body: RequestBody<'/api/groups/{id}/games', 'put'> = { gameIds };
  return (await request<Schema<'GameList'>>('PUT', ownerPath(owner), { body })).games;
}
