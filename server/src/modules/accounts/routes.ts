/** Registration, sign-in, sessions and passwords, and the signed-in person's own profile. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Mailer } from '../../mail/mailer.js';
import { AppError, errorResponses } from '../../plugins/errors.js';
import { viewerOf } from '../../plugins/auth.js';
import { IdParams } from '../../plugins/schemas.js';
import { createSignedCodec } from '../../plugins/signed-values.js';
import { passwordResetEmailJob, registrationEmailJob, registrationTakenEmailJob } from './jobs.js';
import {
  changeMe,
  changePassword,
  confirmPasswordReset,
  confirmRegistration,
  endAllSessions,
  endSession,
  listDevices,
  logIn,
  PASSWORD_RESET_EMAIL_JOB,
  readMe,
  readPerson,
  register,
  REGISTRATION_EMAIL_JOB,
  REGISTRATION_TAKEN_EMAIL_JOB,
  requestPasswordReset,
  requestRegistration,
} from './service.js';
import {
  Accepted,
  AuthAnswer,
  ChangePasswordBody,
  LoginBody,
  Me,
  PasswordResetBody,
  PasswordResetConfirmBody,
  PublicUser,
  RegisterBody,
  RegisterConfirmBody,
  SessionId,
  SessionList,
  UpdateMeBody,
} from './schemas.js';

export interface AccountRouteOptions {
  authRateLimit: number;
  /** Null when this server sends no email: then there is no password reset by email. */
  mailer: Mailer | null;
  publicUrl: string | null;
  secret: string;
}

export default async function accountRoutes(app: FastifyInstance, options: AccountRouteOptions) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const rateLimit = { max: options.authRateLimit, timeWindow: '1 minute' };
  const resetLinks = createSignedCodec(options.secret, 'password-reset', 'token', 'reset link');
  const resetByEmail = options.mailer !== null && options.publicUrl !== null;
  // With email, registering says nothing about who is a member (docs/privacy.md).
  const confirmByEmail = resetByEmail;
  app.jobs.handle(
    PASSWORD_RESET_EMAIL_JOB,
    passwordResetEmailJob({ db: app.db, mailer: options.mailer, publicUrl: options.publicUrl, links: resetLinks }),
  );
  const registrationLinks = createSignedCodec(options.secret, 'registration', 'token', 'registration link');
  app.jobs.handle(
    REGISTRATION_EMAIL_JOB,
    registrationEmailJob({
      db: app.db,
      mailer: options.mailer,
      publicUrl: options.publicUrl,
      links: registrationLinks,
    }),
  );
  app.jobs.handle(
    REGISTRATION_TAKEN_EMAIL_JOB,
    registrationTakenEmailJob({ db: app.db, mailer: options.mailer, publicUrl: options.publicUrl }),
  );
  const signedIn = { onRequest: app.requireUser };
  const bearer = [{ bearerAuth: [] }];

  api.post(
    '/api/auth/register',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account',
        description:
          'When this server sends email (`SMTP_URL`): answers 202 the same for every address and emails a link ' +
          'that makes the account (`POST /api/auth/register/confirm`); an address that has an account gets an ' +
          'email saying someone tried, so the answer tells no one who is a member. Without email (a local ' +
          'install): makes the account at once (201) or answers 409 `email_taken` (see docs/privacy.md). Either ' +
          'way the password must not be easy to guess (400 `validation_failed` says why).',
        body: RegisterBody,
        response: {
          201: AuthAnswer,
          202: Type.Object(
            { message: Type.String() },
            { description: 'Email confirmation: check your inbox for the link that finishes registering.' },
          ),
          ...errorResponses(400, 409, 429),
        },
      },
    },
    async (request, reply) => {
      if (confirmByEmail) {
        await requestRegistration(app.db, request.body);
        return reply.status(202).send({
          message: `Check your email: we sent a link to ${request.body.email.trim()} that finishes registering.`,
        });
      }
      const user = await register(app.db, request.body);
      return reply.status(201).send({ token: await app.issueToken(user.id, request.headers['user-agent']), user });
    },
  );

  api.post(
    '/api/auth/register/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Finish registering from the emailed link: makes the account and signs in',
        description:
          'The token from the link; it works for a day, once (403 `link_expired` after). 409 `email_taken` when ' +
          'an account was made with the address meanwhile.',
        body: RegisterConfirmBody,
        response: { 201: AuthAnswer, ...errorResponses(400, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      const user = await confirmRegistration(app.db, registrationLinks, request.body.token);
      return reply.status(201).send({ token: await app.issueToken(user.id, request.headers['user-agent']), user });
    },
  );

  api.post(
    '/api/auth/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Sign in',
        description:
          'Limited per IP address (`AUTH_RATE_LIMIT` a minute) and per email: after 5 failed attempts, sign-ins ' +
          'for that email pause for 30 s, doubling with each further failure up to an hour (429 `rate_limited` ' +
          'with `Retry-After`). Each sign-in opens a session (`GET /api/account/sessions`).',
        body: LoginBody,
        response: { 200: AuthAnswer, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      const user = await logIn(app.db, request.body);
      return { token: await app.issueToken(user.id, request.headers['user-agent']), user };
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

  api.post(
    '/api/auth/sign-out',
    {
      ...signedIn,
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: end this session',
        description: 'The token stops working at once, on every server process.',
        security: bearer,
        response: { 204: Type.Null({ description: 'Done.' }), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      await endSession(app.db, viewer.id, viewer.sessionId);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/sign-out-everywhere',
    {
      ...signedIn,
      schema: {
        tags: ['accounts'],
        summary: 'Sign out everywhere: end every session of your account, this one too',
        security: bearer,
        response: { 204: Type.Null({ description: 'Done.' }), ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      await endAllSessions(app.db, viewerOf(request).id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/api/account/sessions',
    {
      ...signedIn,
      schema: {
        tags: ['accounts'],
        summary: 'Your signed-in devices',
        description: 'Sessions that have not ended, most recently used first; `current` is this one.',
        security: bearer,
        response: { 200: SessionList, ...errorResponses(401) },
      },
    },
    async (request) => {
      const viewer = viewerOf(request);
      return { sessions: await listDevices(app.db, viewer.id, viewer.sessionId) };
    },
  );

  api.delete(
    '/api/account/sessions/:id',
    {
      ...signedIn,
      schema: {
        tags: ['accounts'],
        summary: 'Sign out one device',
        security: bearer,
        params: SessionId,
        response: { 204: Type.Null({ description: 'Done.' }), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await endSession(app.db, viewerOf(request).id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/account/password',
    {
      ...signedIn,
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Change your password',
        description: 'Needs the current password (403 `wrong_password`). Every other session ends; this one stays.',
        security: bearer,
        body: ChangePasswordBody,
        response: { 204: Type.Null({ description: 'Done.' }), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      await changePassword(app.db, viewer.id, viewer.sessionId, request.body);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/auth/password-reset',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Ask for a password reset link by email',
        description:
          'Answers 202 whether or not an account has the email, so it cannot be used to find out who has one. ' +
          'The link works once, for an hour. 503 `unavailable` when this server sends no email.',
        body: PasswordResetBody,
        response: { 202: Accepted, ...errorResponses(400, 429, 503) },
      },
    },
    async (request, reply) => {
      if (!resetByEmail) {
        throw new AppError(503, 'unavailable', 'This server sends no email, so passwords cannot be reset by email.');
      }
      await requestPasswordReset(app.db, request.body.email);
      return reply.status(202).send({
        message: 'If an account has this email, a link to choose a new password is on its way.',
      });
    },
  );

  api.post(
    '/api/auth/password-reset/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['accounts'],
        summary: 'Choose a new password with the link from the email',
        description:
          'Ends every session of the account and signs in here. 403 `link_expired` when the link is used or ' +
          'older than an hour; 400 when it was altered.',
        body: PasswordResetConfirmBody,
        response: { 200: AuthAnswer, ...errorResponses(400, 403, 429) },
      },
    },
    async (request) => {
      const user = await confirmPasswordReset(app.db, resetLinks, request.body);
      return { token: await app.issueToken(user.id, request.headers['user-agent']), user };
    },
  );
}
