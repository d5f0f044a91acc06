/**
 * The OpenAPI document is generated from the route schemas: `/api/openapi.json` serves it and
 * `/api/docs` renders it. Registered before the routes so that every route is collected.
 */
import fp from 'fastify-plugin';
import type { FastifySchema } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { ErrorBody } from './errors.js';
import { GEOJSON_TYPE } from './json-text.js';
import { API_DESCRIPTION } from './openapi-description.js';
import { Type, type TSchema } from 'typebox';

/**
 * Schemas with an `$id` (Place, Event, NearbyCollection…) become named components of the
 * document, so that clients, the web app's generated types among them, get one named type per
 * shape rather than an anonymous copy in every route. The generator names the `$id`s it finds
 * inside a route's schema but not the schema itself, so a named answer is wrapped for it and
 * unwrapped in the finished document. Only the document changes: routes validate and serialize
 * with their own schema objects. Answers only: request schemas are compiled by our AJV
 * (validation.ts), for which two schemas with one `$id` are an error.
 */
const WRAPPED = 'x-vicinity-named';

/** The project's licence (package.json). */
const LICENSE = 'UNLICENSED';

interface Answer {
  $id?: unknown;
  description?: string;
  content?: Record<string, { schema: Answer }>;
}

function wrapNamedAnswers(schema: FastifySchema): FastifySchema {
  if (typeof schema.response !== 'object' || schema.response === null) return schema;
  const response: Record<string, unknown> = {};
  const wrap = (answer: Answer) =>
    typeof answer.$id === 'string'
      ? { [WRAPPED]: true, allOf: [answer], ...(answer.description ? { description: answer.description } : {}) }
      : answer;
  for (const [status, answer] of Object.entries(schema.response as Record<string, Answer>)) {
    // The answer's description stays the response's description, as for an unnamed answer.
    // An answer with its own media type (GeoJSON) has its schema under `content`.
    response[status] = answer.content
      ? {
          ...answer,
          content: Object.fromEntries(
            Object.entries(answer.content).map(([type, media]) => [type, { ...media, schema: wrap(media.schema) }]),
          ),
        }
      : wrap(answer);
  }
  return { ...schema, response };
}

/** `getPlacesById` for GET /api/places/:id: stable names a generated client calls its functions by. */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .flatMap((part) => part.split(/[^A-Za-z0-9]+/))
    .filter(Boolean);
  return method.toLowerCase() + words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join('');
}

/**
 * What every route's entry says beyond its own schema: an operationId; who may call it (a route
 * whose answer changes when signed in takes a token but needs none); that any request may be
 * answered 503 `busy` under load, and one with a body 413 (too large) or 415 (not JSON).
 */
function describeRoute(schema: FastifySchema, method: string, url: string, optionalAuth: boolean): FastifySchema {
  const described = schema as FastifySchema & { operationId?: string; security?: unknown; body?: unknown };
  const response = { ...(described.response as Record<string, unknown> | undefined) };
  response[503] ??= Type.Ref('ErrorBody');
  if (described.body !== undefined) {
    response[413] ??= Type.Ref('ErrorBody');
    response[415] ??= Type.Ref('ErrorBody');
  }
  return {
    ...described,
    operationId: described.operationId ?? operationIdFor(method, url),
    security: described.security ?? (optionalAuth ? [{}, { bearerAuth: [] }] : []),
    response,
  } as FastifySchema;
}

type Node = Record<string, unknown>;
const children = (node: unknown): Node[] =>
  typeof node === 'object' && node !== null ? (Object.values(node) as Node[]) : [];

function unwrapNamedAnswers<T extends { paths?: unknown }>(document: T): T {
  for (const operations of children(document.paths)) {
    for (const operation of children(operations)) {
      for (const [status, answer] of Object.entries((operation.responses ?? {}) as Record<string, Node>)) {
        const content = answer.content as Record<string, unknown> | undefined;
        // A route that produces GeoJSON still answers its errors as JSON.
        if (content && !status.startsWith('2') && content[GEOJSON_TYPE]) {
          answer.content = { 'application/json': content[GEOJSON_TYPE] };
        }
        for (const media of children(answer.content)) {
          const schema = media.schema as { [WRAPPED]?: boolean; allOf?: unknown[] } | undefined;
          if (schema?.[WRAPPED] === true) media.schema = schema.allOf?.[0];
        }
      }
    }
  }
  return document;
}

export default fp<{ sharedSchemas: TSchema[] }>(
  async function openapi(app, { sharedSchemas }) {
    app.addSchema(ErrorBody);
    // Shared schemas live at the root: one added inside a route plugin would make that plugin's
    // routes validate with Fastify's default AJV instead of ours (server/src/plugins/validation.ts).
    for (const schema of sharedSchemas) app.addSchema(schema);
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Vicinity API',
          version: '0.1.0',
          description: API_DESCRIPTION,
          license: { name: LICENSE },
        },
        servers: [{ url: '/', description: 'This server' }],
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
          { name: 'games', description: 'The games list, and the games meetups play and groups and places own' },
          { name: 'calendars', description: 'iCalendar (RFC 5545) files and feeds of meetups' },
          { name: 'ogc', description: 'OGC API – Features (Part 1: Core) under /ogc, for GIS tools' },
          { name: 'notifications', description: 'Your inbox, its live stream, email and what you are told' },
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
      transform: ({ schema, url, route }) => {
        if (!schema) return { schema, url };
        const method = [route.method].flat()[0] ?? 'GET';
        const optionalAuth = [route.onRequest].flat().includes(app.optionalUser);
        return { schema: wrapNamedAnswers(describeRoute(schema, method, url, optionalAuth)), url };
      },
      transformObject: (document) =>
        'openapiObject' in document ? unwrapNamedAnswers(document.openapiObject) : document.swaggerObject,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  },
  { name: 'openapi' },
);
