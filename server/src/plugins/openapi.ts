/**
 * The OpenAPI document is generated from the route schemas: `/api/openapi.json` serves it and
 * `/api/docs` renders it. Registered before the routes so that every route is collected.
 */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody } from './errors.js';
import { API_DESCRIPTION } from './openapi-description.js';

export default fp(
  async function openapi(app) {
    app.addSchema(ErrorBody);
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: { title: 'Vicinity API', version: '0.1.0', description: API_DESCRIPTION },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
        tags: [
          { name: 'system', description: 'Health and configuration' },
          { name: 'accounts', description: 'Registration, sign-in and your profile' },
          { name: 'map', description: 'Radius queries, map viewports and place-name search' },
          { name: 'places', description: 'Cafés, game stores, libraries and other places to meet' },
          { name: 'groups', description: 'Local communities' },
        ],
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get(
      '/api/openapi.json',
      { schema: { hide: true } },
      async () => app.swagger(),
    );
  },
  { name: 'openapi' },
);
