/**
 * The OpenAPI document is generated from the route schemas: `/api/openapi.json` serves it and
 * `/api/docs` renders it. Registered before the routes so that every route is collected.
 */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody } from './errors.js';
import { API_DESCRIPTION } from './openapi-description.js';
import type { TSchema } from 'typebox';

export default fp<{ sharedSchemas: TSchema[] }>(
  async function openapi(app, { sharedSchemas }) {
    app.addSchema(ErrorBody);
    // Shared schemas live at the root: one added inside a route plugin would make that plugin's
    // routes validate with Fastify's default AJV instead of ours (server/src/plugins/validation.ts).
    for (const schema of sharedSchemas) app.addSchema(schema);
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
          { name: 'groups', description: 'Local communities, their members, roles and join requests' },
          { name: 'events', description: 'Meetups: RSVPs with seats and a waitlist, recurring series' },
          { name: 'calendars', description: 'iCalendar (RFC 5545) files and feeds of meetups' },
          { name: 'posts', description: 'Long-form posts with threaded discussions' },
          {
            name: 'feed',
            description:
              'Posts and upcoming events near you, ranked by score = exp(−distance/2000 m) · exp(−age/72 h) · ' +
              '(1.5 in your own groups); never by popularity. Every item explains its score.',
          },
        ],
      },
      refResolver: { buildLocalReference: (json, _baseUri, _fragment, index) => String(json.$id ?? `def-${index}`) },
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
