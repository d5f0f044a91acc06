/** Health (for people, load balancers and the start-up log) and the web app's map defaults. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../../config/index.js';
import { ClientConfig, Health, Liveness, Readiness } from './schemas.js';
import { checkHealth, checkReadiness } from './service.js';

export default async function systemRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Is the server and its database up?',
        description:
          '200 `ok`; 503 `degraded` when the database answers but cannot write (its disk is full: writes answer 507 `storage_full`, reads go on), 503 `unavailable` when it does not answer.',
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      const health = await checkHealth(app.db, app.dbKind, app.dbReplicas?.status(), app.dbWriteHealth, request.log);
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );

  api.get(
    '/api/health/live',
    {
      schema: {
        tags: ['system'],
        summary: 'Is the process alive? (liveness)',
        description:
          'Answers as long as the process runs its event loop, without asking the database: restart the process only when this fails. Never waits in the line.',
        response: { 200: Liveness },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  api.get(
    '/api/health/ready',
    {
      schema: {
        tags: ['system'],
        summary: 'Should this process get traffic? (readiness)',
        description:
          '200 when the database answers and has applied every migration this version needs; 503 otherwise, and while the process drains on shutdown. A full disk (`database: cannot_write`) leaves it ready. Never waits in the line.',
        response: { 200: Readiness, 503: Readiness },
      },
    },
    async (request, reply) => {
      const readiness = await checkReadiness(app.db, app.draining, app.dbWriteHealth, request.log);
      return reply.status(readiness.ready ? 200 : 503).send(readiness);
    },
  );

  const clientConfig = {
    mapCenter: config.mapCenter,
    zoom: config.mapZoom,
    tileUrl: config.tileUrl,
    tileAttribution: config.tileAttribution,
    addressSearch: config.geocoderUrl !== null,
  };
  api.get(
    '/api/config',
    { schema: { tags: ['system'], summary: 'Map defaults for the web app', response: { 200: ClientConfig } } },
    async () => clientConfig,
  );
}
