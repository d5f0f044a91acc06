/** Local communities: created by an owner, found on the map, changed or removed by the owner. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, forbidden, invalidField, notFound } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { NearbyCollection } from '../../geo/schemas.js';
import { RadiusQuery } from '../nearby/schemas.js';
import { nearbyPage } from '../nearby/service.js';
import { deleteGroup, findGroup, groupExists, insertGroup, roleOf, updateGroup } from './queries.js';
import { CreateGroupBody, Group, UpdateGroupBody } from './schemas.js';
import { calendarPath } from '../events/calendar-keys.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function groupRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  /** The group as the viewer sees it, with its calendar feed's path (keyed for a private group's member). */
  async function readGroup(id: number, viewerId: number | null) {
    const group = await findGroup(app.db, id, viewerId);
    if (!group) throw notFound('This group');
    const member = group.myRole === null ? null : viewerId;
    return { ...group, calendarUrl: calendarPath(app.calendarKeys, `/api/groups/${id}/calendar.ics`, group, member) };
  }

  async function requireOwner(groupId: number, viewerId: number) {
    if (!(await groupExists(app.db, groupId))) throw notFound('This group');
    if ((await roleOf(app.db, groupId, viewerId)) !== 'owner') throw forbidden('Only the group’s owner can do this.');
  }

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
        response: { 200: NearbyCollection, ...errorResponses(400) },
      },
    },
    async (request, reply) => nearbyPage(app, reply, request.query, ['group'], request.viewer?.id ?? null),
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
      if (request.body.name.trim() === '') throw invalidField('name', 'must not be blank', 'body');
      const viewer = viewerOf(request);
      const id = await insertGroup(app.db, request.body, viewer.id);
      return reply.status(201).send(await readGroup(id, viewer.id));
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
    async (request) => {
      return readGroup(request.params.id, request.viewer?.id ?? null);
    },
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
      await requireOwner(request.params.id, viewer.id);
      if (request.body.name !== undefined && request.body.name.trim() === '') {
        throw invalidField('name', 'must not be blank', 'body');
      }
      await updateGroup(app.db, request.params.id, request.body);
      return readGroup(request.params.id, viewer.id);
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
      await requireOwner(request.params.id, viewerOf(request).id);
      await deleteGroup(app.db, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
