/** Health (for people, load balancers and the start-up log) and the web app's map defaults. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.js';
import { ClientConfig, Health } from './schemas.js';
import { checkHealth } from './service.js';

export default async function systemRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Is the server and its database up?',
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      const health = await checkHealth(app.db, app.dbKind, request.log);
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );

  const clientConfig = {
    mapCenter: config.mapCenter,
    zoom: config.mapZoom,
    tileUrl: config.tileUrl,
    tileAttribution: config.tileAttribution,
  };
  api.get(
    '/api/config',
    { schema: { tags: ['system'], summary: 'Map defaults for the web app', response: { 200: ClientConfig } } },
    async () => clientConfig,
  );
}
