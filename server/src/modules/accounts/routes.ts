/** Registration, sign-in and the signed-in person's own profile. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { changeMe, logIn, readMe, readPerson, register } from './service.js';
import { AuthAnswer, LoginBody, Me, PublicUser, RegisterBody, UpdateMeBody } from './schemas.js';

export default async function accountRoutes(app: FastifyInstance, options: { authRateLimit: number }) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const rateLimit = { max: options.authRateLimit, timeWindow: '1 minute' };

  api.post(
    '/api/auth/register',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account',
        body: RegisterBody,
        response: { 201: AuthAnswer, ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const user = await register(app.db, request.body);
      return reply.status(201).send({ token: app.issueToken(user.id), user });
    },
  );

  api.post(
    '/api/auth/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in',
        body: LoginBody,
        response: { 200: AuthAnswer, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const user = await logIn(app.db, request.body);
      return { token: app.issueToken(user.id), user };
    },
  );

  api.get(
    '/api/people/:id',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['accounts'],
        summary: 'A person’s public profile',
        description: 'Display name, bio and avatar; never their email or home location.',
        params: IdParams,
        response: { 200: PublicUser, ...errorResponses(400, 404) },
      },
    },
    async (request) => readPerson(app.db, request.params.id),
  );

  api.get(
    '/api/me',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['accounts'],
        summary: 'Your profile',
        security: [{ bearerAuth: [] }],
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => readMe(app.db, viewerOf(request).id),
  );

  api.patch(
    '/api/me',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['accounts'],
        summary: 'Change your name, bio, home location or profile photo',
        description: 'The home location is stored precisely for ranking but only ever returned snapped to ~500 m.',
        security: [{ bearerAuth: [] }],
        body: UpdateMeBody,
        response: { 200: Me, ...errorResponses(400, 401) },
      },
    },
    async (request) => changeMe(app.db, viewerOf(request).id, request.body),
  );
}
