/** Places where meetups happen: cafés, game stores, libraries… created and kept by their creator. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { GEOJSON_TYPE, producesGeoJson, sendJsonText } from '../../plugins/json-text.js';
import { errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { NearbyCollection } from '../../geo/schemas.js';
import { RadiusQuery } from '../../items/schemas.js';
import { featureCollectionJson } from '../../items/radius-page.js';
import { addPlace, changePlace, readPlace, removePlace } from './service.js';
import { IdParams } from '../../plugins/schemas.js';
import { CreatePlaceBody, Place, UpdatePlaceBody } from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function placeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/places',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['places'],
        summary: 'Places within a radius, nearest first',
        querystring: RadiusQuery,
        ...producesGeoJson,
        response: { 200: NearbyCollection, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      const page = await app.radiusPage(request.query, ['place'], request.viewer?.id ?? null);
      return sendJsonText(reply, featureCollectionJson(page), GEOJSON_TYPE);
    },
  );

  api.post(
    '/api/places',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['places'],
        summary: 'Add a place',
        ...secured,
        body: CreatePlaceBody,
        response: { 201: Place, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      return reply.status(201).send(await addPlace(app.db, request.body, viewerOf(request).id));
    },
  );

  api.get(
    '/api/places/:id',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['places'],
        summary: 'One place',
        description:
          'A private home shows its exact point and address only to whoever added it; everyone else sees its ' +
          'area (`locationPrecisionMeters`) and no address.',
        params: IdParams,
        response: { 200: Place, ...errorResponses(400, 404) },
      },
    },
    async (request) => readPlace(app.db, request.params.id, request.viewer?.id ?? null),
  );

  api.patch(
    '/api/places/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['places'],
        summary: 'Change a place you added',
        ...secured,
        params: IdParams,
        body: UpdatePlaceBody,
        response: { 200: Place, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      return changePlace(app.db, request.params.id, viewerOf(request).id, request.body);
    },
  );

  api.delete(
    '/api/places/:id',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['places'],
        summary: 'Delete a place you added',
        ...secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removePlace(app.db, request.params.id, viewerOf(request).id);
      return reply.status(204).send(null);
    },
  );
}
