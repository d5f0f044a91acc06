import { Type, type Static } from 'typebox';
import { Id } from '../../plugins/schemas.js';

const Players = Type.Integer({ minimum: 1, maximum: 100 });

export const Game = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String(),
    minPlayers: Type.Union([Type.Integer(), Type.Null()]),
    maxPlayers: Type.Union([Type.Integer(), Type.Null()]),
    playMinutes: Type.Union([Type.Integer(), Type.Null()], { description: 'A usual game’s length in minutes.' }),
  },
  { $id: 'Game' },
);
export type Game = Static<typeof Game>;

export const GameList = Type.Object({ games: Type.Array(Game) }, { $id: 'GameList' });

export const GamesQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 120, description: 'Part of the name, case ignored.' }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 20 }),
  },
  { additionalProperties: false },
);
export type GamesQuery = Static<typeof GamesQuery>;

export const CreateGameBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 120 }),
    minPlayers: Type.Optional(Players),
    maxPlayers: Type.Optional(Players),
    playMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
  },
  { additionalProperties: false },
);
export type CreateGameBody = Static<typeof CreateGameBody>;

export const GameIdsField = Type.Array(Id, {
  maxItems: 30,
  uniqueItems: true,
  description: 'Ids from /api/games, in the order to show them.',
});

export const SetGamesBody = Type.Object({ gameIds: GameIdsField }, { additionalProperties: false });
export type SetGamesBody = Static<typeof SetGamesBody>;
