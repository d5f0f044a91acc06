/** Local communities: created by an owner, found on the map, changed or removed by the owner. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { GEOJSON_TYPE, producesGeoJson, sendJsonText } from '../../plugins/json-text.js';
import { errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { NearbyCollection } from '../../geo/schemas.js';
import { RadiusQuery } from '../../items/schemas.js';
import { featureCollectionJson } from '../../items/radius-page.js';
import { changeGroup, createGroup, readGroup, removeGroup } from './service.js';
import { CreateGroupBody, Group, UpdateGroupBody } from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function groupRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  const read = (id: number, viewerId: number | null) => readGroup(app.calendarKeys, app.db, id, viewerId);

  api.get(
    '/api/groups',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['groups'],
        summary: 'Groups within a radius, nearest first',
        description:
          'Private groups are listed at their coarsened (~500 m) point, and their distance is measured from it.',
        querystring: RadiusQuery,
        ...producesGeoJson,
        response: { 200: NearbyCollection, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const page = await app.radiusPage(request.query, ['group'], request.viewer?.id ?? null);
      return sendJsonText(reply, featureCollectionJson(page), GEOJSON_TYPE);
    },
  );

  api.post(
    '/api/groups',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Start a group (you become its owner)',
        ...secured,
        body: CreateGroupBody,
        response: { 201: Group, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const id = await createGroup(app.db, request.body, viewer.id);
      return reply.status(201).send(await read(id, viewer.id));
    },
  );

  api.get(
    '/api/groups/:id',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['groups'],
        summary: 'One group',
        params: IdParams,
        response: { 200: Group, ...errorResponses(400, 404) },
      },
    },
    async (request) => read(request.params.id, request.viewer?.id ?? null),
  );

  api.patch(
    '/api/groups/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Change a group you own',
        ...secured,
        params: IdParams,
        body: UpdateGroupBody,
        response: { 200: Group, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      await changeGroup(app.db, request.params.id, viewer.id, request.body);
      return read(request.params.id, viewer.id);
    },
  );

  api.delete(
    '/api/groups/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Delete a group you own',
        ...secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeGroup(app.db, request.params.id, viewerOf(request).id);
      return reply.status(204).send(null);
    },
  );
}
