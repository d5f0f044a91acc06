/** Liveness and database reachability, for people, load balancers and the start-up log. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { postgisVersion } from '../../db/index.js';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
  postgis: Type.Union([Type.String(), Type.Null()], { description: 'PostGIS version; null when unreachable.' }),
});

export default async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Is the server and its database up?',
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      try {
        const postgis = await postgisVersion(app.db);
        if (postgis === null) throw new Error('PostGIS extension is missing');
        return { status: 'ok' as const, database: app.dbKind, postgis };
      } catch (error) {
        request.log.warn({ err: error }, 'health check failed');
        return reply.status(503).send({ status: 'unavailable' as const, database: app.dbKind, postgis: null });
      }
    },
  );
}
