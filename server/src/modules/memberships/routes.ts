/**
 * Group membership: joining (at once for public groups, by request for private ones), leaving,
 * answering join requests, roles (owner, organizer, member) and the member list.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import {
  approveRequest,
  changeRole,
  declineRequest,
  join,
  leave,
  listGroupsOf,
  listJoinRequests,
  listMembers,
  removeFromGroup,
  withdrawRequest,
} from './service.js';
import {
  JoinAnswer,
  JoinBody,
  JoinRequestList,
  Member,
  MemberList,
  MemberParams,
  PageQuery,
  PersonGroupList,
  RoleBody,
} from './schemas.js';

const secured = { security: [{ bearerAuth: [] }] };

export default async function membershipRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/me/groups',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'The groups you belong to, with your role',
        description: 'Private groups included. Groups you own first, then those you organize, then the others.',
        ...secured,
        response: { 200: PersonGroupList, ...errorResponses(401) },
      },
    },
    async (request) => ({ groups: await listGroupsOf(app.db, viewerOf(request).id, viewerOf(request).id) }),
  );

  api.get(
    '/api/people/:id/groups',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['groups'],
        summary: 'The public groups a person belongs to, with their role',
        description:
          'Only public groups, also for fellow members of a private one; your own private groups are listed too.',
        params: IdParams,
        response: { 200: PersonGroupList, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ groups: await listGroupsOf(app.db, request.params.id, request.viewer?.id ?? null) }),
  );

  api.get(
    '/api/groups/:id/members',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['groups'],
        summary: 'The group’s members, owners and organizers first',
        description: 'Anyone may list a public group’s members; a private group’s only its members (403 members_only).',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: MemberList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listMembers(app.cursors, app.db, request.params.id, request.query, request.viewer?.id ?? null),
  );

  api.post(
    '/api/groups/:id/members',
    {
      onRequest: app.requireUser,
      // The body is optional: no body at all means no message.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['groups'],
        summary: 'Join a group (or ask to join a private one)',
        description:
          'A public group: you become a member (201, status `member`). A private group: your request waits for an ' +
          'owner or organizer (202, status `pending`). 409 already_member or request_pending when repeated.',
        ...secured,
        params: IdParams,
        body: JoinBody,
        response: { 201: JoinAnswer, 202: JoinAnswer, ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const status = await join(app.db, request.params.id, viewerOf(request).id, request.body.message ?? '');
      return status === 'member'
        ? reply.status(201).send({ status, role: 'member' as const })
        : reply.status(202).send({ status, role: null });
    },
  );

  api.delete(
    '/api/groups/:id/members/me',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Leave a group',
        description:
          'The last owner cannot leave (409 last_owner): make another member owner first, or delete the group.',
        ...secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      await leave(app.db, request.params.id, viewerOf(request).id);
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/api/groups/:id/members/:userId',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Remove a member (owners only)',
        description:
          'The person stops being a member at once: private content and their calendar link stop working, and a ' +
          'calendar link from before stays dead if they are let back in. Owners cannot be removed (change their ' +
          'role first); to leave yourself use `DELETE /api/groups/{id}/members/me`.',
        ...secured,
        params: MemberParams,
        response: { 204: Type.Null({ description: 'Removed.' }), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      await removeFromGroup(app.db, id, viewerOf(request).id, userId);
      return reply.status(204).send(null);
    },
  );

  api.patch(
    '/api/groups/:id/members/:userId',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Change a member’s role (owners only)',
        description:
          'Organizers create and manage the group’s meetups and answer join requests. Making a member owner hands the ' +
          'group over; the last owner cannot step down (409 last_owner).',
        ...secured,
        params: MemberParams,
        body: RoleBody,
        response: { 200: Member, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      return changeRole(app.db, id, viewerOf(request).id, userId, request.body.role);
    },
  );

  api.get(
    '/api/groups/:id/requests',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Pending requests to join (owners and organizers)',
        ...secured,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: JoinRequestList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => listJoinRequests(app.cursors, app.db, request.params.id, request.query, viewerOf(request).id),
  );

  api.post(
    '/api/groups/:id/requests/:userId/approve',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Approve a request to join (owners and organizers)',
        description: 'The person becomes a member.',
        ...secured,
        params: MemberParams,
        response: { 200: Member, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      return approveRequest(app.db, id, viewerOf(request).id, userId);
    },
  );

  api.post(
    '/api/groups/:id/requests/:userId/decline',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Decline a request to join (owners and organizers)',
        description: 'The request is removed; the person may ask again later.',
        ...secured,
        params: MemberParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { id, userId } = request.params;
      await declineRequest(app.db, id, viewerOf(request).id, userId);
      return reply.status(204).send(null);
    },
  );

  api.delete(
    '/api/groups/:id/requests/me',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['groups'],
        summary: 'Withdraw your request to join',
        ...secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await withdrawRequest(app.db, request.params.id, viewerOf(request).id);
      return reply.status(204).send(null);
    },
  );
}
