/** Registration, sign-in and the signed-in person's own profile. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AppError, errorResponses, invalidField, notFound } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { hashPassword, verifyPassword } from './password.js';
import { findCredentials, findMe, insertUser, updateMe } from './queries.js';
import { AuthAnswer, LoginBody, Me, RegisterBody, UpdateMeBody } from './schemas.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email)) throw invalidField('email', 'must be an email address like name@example.org', 'body');
  return email;
}

function normaliseName(raw: string, field = 'displayName'): string {
  const name = raw.trim();
  if (name.length < 1 || name.length > 60) throw invalidField(field, 'must be 1 to 60 characters', 'body');
  return name;
}

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
      const email = normaliseEmail(request.body.email);
      const displayName = normaliseName(request.body.displayName);
      const user = await insertUser(app.db, {
        email,
        displayName,
        passwordHash: await hashPassword(request.body.password),
      });
      if (!user) throw new AppError(409, 'email_taken', 'An account with this email already exists.');
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
      const email = request.body.email.trim().toLowerCase();
      const credentials = await findCredentials(app.db, email);
      const ok = await verifyPassword(credentials?.password_hash, request.body.password);
      if (!credentials || !ok) throw new AppError(401, 'invalid_credentials', 'The email or password is wrong.');
      const user = (await findMe(app.db, credentials.id))!;
      return { token: app.issueToken(user.id), user };
    },
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
    async (request) => {
      const me = await findMe(app.db, viewerOf(request).id);
      if (!me) throw notFound('Your account');
      return me;
    },
  );

  api.patch(
    '/api/me',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['accounts'],
        summary: 'Change your name, bio or home location',
        description: 'The home location is stored precisely for ranking but only ever returned snapped to ~500 m.',
        security: [{ bearerAuth: [] }],
        body: UpdateMeBody,
        response: { 200: Me, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const patch = { ...request.body };
      if (patch.displayName !== undefined) patch.displayName = normaliseName(patch.displayName);
      const me = await updateMe(app.db, viewerOf(request).id, patch);
      if (!me) throw notFound('Your account');
      return me;
    },
  );
}
