/**
 * The games list, searchable, and the games a group or a place owns. A meetup's games are set
 * with its own `gameIds` and shown in its answer.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { addGame, findGamesByName, groupGames, placeGames, readGame, setGroupGames, setPlaceGames } from './service.js';
import { CreateGameBody, Game, GameList, GamesQuery, SetGamesBody } from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function gameRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/games',
    {
      schema: {
        tags: ['games'],
        summary: 'Search the games list',
        description: 'Games whose name contains `q` (case ignored), names starting with it first.',
        querystring: GamesQuery,
        response: { 200: GameList, ...errorResponses(400) },
      },
    },
    async (request) => ({ games: await findGamesByName(app.db, request.query.q, request.query.limit) }),
  );

  api.post(
    '/api/games',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['games'],
        summary: 'Add a game to the list',
        description: 'One game per name, case ignored: a name already there answers 409 `game_exists`.',
        ...secured,
        body: CreateGameBody,
        response: { 201: Game, ...errorResponses(400, 401, 409) },
      },
    },
    async (request, reply) => reply.status(201).send(await addGame(app.db, request.body, viewerOf(request).id)),
  );

  api.get(
    '/api/games/:id',
    {
      schema: {
        tags: ['games'],
        summary: 'One game',
        params: IdParams,
        response: { 200: Game, ...errorResponses(400, 404) },
      },
    },
    async (request) => readGame(app.db, request.params.id),
  );

  api.get(
    '/api/groups/:id/games',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['games'],
        summary: 'The games a group owns',
        description: 'A private group’s games are for its members (404 to others).',
        params: IdParams,
        response: { 200: GameList, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ games: await groupGames(app.db, request.params.id, request.viewer?.id ?? null) }),
  );

  api.put(
    '/api/groups/:id/games',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['games'],
        summary: 'Set the games a group owns (its owners and organizers)',
        ...secured,
        params: IdParams,
        body: SetGamesBody,
        response: { 200: GameList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      games: await setGroupGames(app.db, request.params.id, viewerOf(request).id, request.body.gameIds),
    }),
  );

  api.get(
    '/api/places/:id/games',
    {
      schema: {
        tags: ['games'],
        summary: 'The games a place has to play',
        params: IdParams,
        response: { 200: GameList, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ games: await placeGames(app.db, request.params.id) }),
  );

  api.put(
    '/api/places/:id/games',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['games'],
        summary: 'Set the games a place has (whoever added it)',
        ...secured,
        params: IdParams,
        body: SetGamesBody,
        response: { 200: GameList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      games: await setPlaceGames(app.db, request.params.id, viewerOf(request).id, request.body.gameIds),
    }),
  );
}
