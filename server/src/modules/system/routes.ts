/** Health (for people, load balancers and the start-up log) and the web app's map defaults. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config/index.js';
import { postgisVersion } from '../../db/index.js';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Union([Type.Literal('embedded'), Type.Literal('postgres')]),
  postgis: Type.Union([Type.String(), Type.Null()], { description: 'PostGIS version; null when unreachable.' }),
});

const ClientConfig = Type.Object({
  mapCenter: Type.Object({ lat: Type.Number(), lng: Type.Number() }),
  zoom: Type.Integer(),
  tileUrl: Type.String({ description: 'Leaflet tile URL template.' }),
  tileAttribution: Type.String(),
});

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
