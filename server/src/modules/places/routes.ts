/** Places where meetups happen: cafés, game stores, libraries… created and kept by their creator. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, forbidden, invalidField, notFound } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { NearbyCollection } from '../../geo/schemas.js';
import { RadiusQuery } from '../nearby/schemas.js';
import { nearbyPage } from '../nearby/service.js';
import { deletePlace, findPlace, insertPlace, placeCreator, updatePlace } from './queries.js';
import { IdParams } from '../../plugins/schemas.js';
import { CreatePlaceBody, Place, UpdatePlaceBody } from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function placeRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** Loads the place for a change and checks the viewer created it. */
  async function ownPlace(id: number, viewerId: number) {
    const place = await placeCreator(app.db, id);
    if (!place) throw notFound('This place');
    if (place.created_by !== viewerId) throw forbidden('Only the person who added this place can change it.');
  }

  api.get(
    '/api/places',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['places'],
        summary: 'Places within a radius, nearest first',
        querystring: RadiusQuery,
        response: { 200: NearbyCollection, ...errorResponses(400) },
      },
    },
    async (request, reply) => nearbyPage(app, reply, request.query, ['place'], request.viewer?.id ?? null),
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
      if (request.body.name.trim() === '') throw invalidField('name', 'must not be blank', 'body');
      const id = await insertPlace(app.db, request.body, viewerOf(request).id);
      return reply.status(201).send((await findPlace(app.db, id))!);
    },
  );

  api.get(
    '/api/places/:id',
    {
      schema: {
        tags: ['places'],
        summary: 'One place',
        params: IdParams,
        response: { 200: Place, ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      const place = await findPlace(app.db, request.params.id);
      if (!place) throw notFound('This place');
      return place;
    },
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
      await ownPlace(request.params.id, viewerOf(request).id);
      if (request.body.name !== undefined && request.body.name.trim() === '') {
        throw invalidField('name', 'must not be blank', 'body');
      }
      await updatePlace(app.db, request.params.id, request.body);
      return (await findPlace(app.db, request.params.id))!;
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
      await ownPlace(request.params.id, viewerOf(request).id);
      await deletePlace(app.db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
