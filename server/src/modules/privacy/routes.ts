/** A person's own data: take all of it away (export), or take it out of Vicinity (delete). */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { deleteAccount, exportData } from './service.js';
import { DataExport, DeleteAccountBody } from './schemas.js';

export default async function privacyRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/api/me/export',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['accounts'],
        summary: 'Download your data',
        description:
          'One JSON document with everything Vicinity keeps about you, served as a file download. Your photos are ' +
          'links to their largest rendition, good for at least a day (`photoLinksExpireAt`).',
        security: [{ bearerAuth: [] }],
        response: { 200: DataExport, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const data = await exportData(app.db, viewerOf(request).id, {
        keys: app.mediaKeys,
        origin: `${request.protocol}://${request.host}`,
      });
      const day = data.exportedAt.slice(0, 10);
      return reply
        .header('content-disposition', `attachment; filename="vicinity-data-${day}.json"`)
        .header('cache-control', 'no-store')
        .send(data);
    },
  );

  api.delete(
    '/api/me',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['accounts'],
        summary: 'Delete your account',
        description:
          'Confirmed with your password. Erases your profile, memberships, RSVPs (your seats go to the waitlist), ' +
          'the text of your posts and comments (replies by others stay), every photo you uploaded, meetups you organized outside a group, ' +
          'and groups only you are in. Places you added stay on the map without your name. Refused with 409 ' +
          '`last_owner` (details.groups) while you are the only owner of a group with other members.',
        security: [{ bearerAuth: [] }],
        body: DeleteAccountBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await deleteAccount(app.db, viewerOf(request).id, request.body.password);
      return reply.status(204).send(null);
    },
  );
}
