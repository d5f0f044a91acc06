/** Blocking people: silent to the person blocked; undone at any time. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { block, blockedBy, unblock } from './service.js';
import { BlockList, UserIdParams } from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function blockRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/blocks',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['blocks'],
        summary: 'The people you blocked',
        ...secured,
        response: { 200: BlockList, ...errorResponses(401) },
      },
    },
    async (request) => ({ blocks: await blockedBy(app.db, viewerOf(request).id) }),
  );

  api.put(
    '/api/blocks/:userId',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['blocks'],
        summary: 'Block a person',
        description:
          'Neither of you sees the other’s posts, comments or meetups anywhere (feed, nearby, map, search, ' +
          'calendars); their comments in threads show as "a comment from someone you blocked" with the replies still ' +
          'readable; they cannot reply to you, and neither learns of the other’s doings near home. They are not told. ' +
          'Blocking again changes nothing.',
        ...secured,
        params: UserIdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await block(app.db, viewerOf(request).id, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/api/blocks/:userId',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['blocks'],
        summary: 'Unblock a person',
        ...secured,
        params: UserIdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await unblock(app.db, viewerOf(request).id, request.params.userId);
      return reply.status(204).send(null);
    },
  );
}
