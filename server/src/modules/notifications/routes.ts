/**
 * Notifications: the inbox, marking read, the live stream (Server-Sent Events), settings and
 * one-click unsubscribe; and, for the whole app, this process's live streams and the jobs that
 * send emails and reminders.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Mailer } from '../../mail/mailer.js';
import { viewerOf } from '../../plugins/auth.js';
import { errorResponses, invalidField } from '../../plugins/errors.js';
import { createSignedCodec } from '../../plugins/signed-values.js';
import { notificationJobs } from './jobs.js';
import { setEmailDelivery } from './notify.js';
import {
  Kind,
  NotificationPage,
  NotificationQuery,
  NotificationSettings,
  NotificationSettingsBody,
  ReadBody,
  StreamQuery,
  StreamTicket,
  Unread,
  UnsubscribeBody,
  Unsubscribed,
  UnsubscribeQuery,
} from './schemas.js';
import {
  describeUnsubscribe,
  inboxPage,
  issueStreamTicket,
  readNotifications,
  readSettings,
  redeemStreamTicket,
  toItem,
  unsubscribe,
  writeSettings,
} from './service.js';
import { NotificationStreams, type StreamOptions } from './stream.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** This process's live notification streams. */
    notificationStreams: NotificationStreams;
  }
}

export interface NotificationRouteOptions {
  /** Null when the server sends no email (no SMTP_URL). */
  mailer: Mailer | null;
  publicUrl: string | null;
  secret: string;
  stream?: StreamOptions;
}

const secured = { security: [{ bearerAuth: [] }] };

/** `Last-Event-ID`: the id of the last event the browser got, sent when EventSource reconnects. */
function lastEventIdHeader(value: string | string[] | undefined): number | null {
  if (value === undefined) return null;
  const text = Array.isArray(value) ? value[0]! : value;
  if (text.trim() === '') return null;
  if (!/^\d{1,15}$/.test(text.trim())) {
    throw invalidField('Last-Event-ID', 'must be an event id this stream sent', 'headers');
  }
  return Number(text.trim());
}

async function notificationRoutes(app: FastifyInstance, options: NotificationRouteOptions) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const emailAvailable = options.mailer !== null;
  const tickets = createSignedCodec(
    options.secret,
    'vicinity notification stream tickets',
    'ticket',
    'a stream ticket',
  );
  const unsubscribeLinks = createSignedCodec(
    options.secret,
    'vicinity unsubscribe links',
    'token',
    'an unsubscribe link',
  );

  setEmailDelivery(emailAvailable);
  const jobs = notificationJobs({ db: app.db, mailer: options.mailer, publicUrl: options.publicUrl, unsubscribeLinks });
  for (const [kind, handler] of jobs) app.jobs.handle(kind, handler);

  const streams = new NotificationStreams(
    app.db,
    app.dbListener,
    app.log.child({ component: 'streams' }),
    toItem,
    options.stream,
  );
  app.decorate('notificationStreams', streams);
  // Open streams would keep the server from closing: end them first; clients reconnect elsewhere.
  app.addHook('preClose', async () => streams.close());
  app.addHook('onClose', async () => options.mailer?.close());

  api.get(
    '/api/notifications',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first',
        description:
          'Explicit pages: pass `nextCursor` as `cursor` for older ones. Similar notifications collapse into one item ' +
          '(`count`). `unread` counts every page.',
        ...secured,
        querystring: NotificationQuery,
        response: { 200: NotificationPage, ...errorResponses(400, 401) },
      },
    },
    async (request) => inboxPage(app.cursors, app.db, viewerOf(request).id, request.query),
  );

  api.post(
    '/api/notifications/read',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['notifications'],
        summary: 'Mark notifications read',
        description: 'Ids that are not yours or already read are ignored. Your other open pages hear the new count.',
        ...secured,
        body: ReadBody,
        response: { 200: Unread, ...errorResponses(400, 401) },
      },
    },
    async (request) => readNotifications(app.db, viewerOf(request).id, request.body),
  );

  api.post(
    '/api/notifications/stream-ticket',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['notifications'],
        summary: 'A ticket to open the live stream',
        description:
          'A browser’s EventSource cannot send an Authorization header, and a sign-in token must never be put in a ' +
          'URL, so the stream takes this instead: good for one minute, for the stream only.',
        ...secured,
        response: { 200: StreamTicket, ...errorResponses(401) },
      },
    },
    async (request) => issueStreamTicket(tickets, viewerOf(request).id),
  );

  api.get(
    '/api/notifications/stream',
    {
      // A stream stays open: it must not hold one of the places of the admission line.
      config: { longLived: true },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, live (Server-Sent Events)',
        description:
          'Open with `?ticket=` from POST /api/notifications/stream-ticket. Events: `notification` (data: a ' +
          'NotificationItem; id: its id) and `unread` (data: `{"unread": n}`; id: the last notification id sent), ' +
          'plus a comment line as a heartbeat. A browser reconnecting sends `Last-Event-ID` and gets everything ' +
          'after it, nothing twice; a new EventSource passes `lastEventId` instead. Without either, the stream ' +
          'starts from now. Streams end after an hour: reconnect with a new ticket.',
        querystring: StreamQuery,
        response: {
          200: {
            description: 'An endless `text/event-stream`.',
            content: { 'text/event-stream': { schema: Type.String() } },
          },
          ...errorResponses(400, 401),
        },
      },
    },
    async (request, reply) => {
      const userId = redeemStreamTicket(tickets, request.query.ticket);
      const lastEventId = lastEventIdHeader(request.headers['last-event-id']) ?? request.query.lastEventId ?? null;
      reply.hijack();
      await streams.open(userId, reply.raw, lastEventId);
    },
  );

  api.get(
    '/api/me/notification-settings',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['notifications'],
        summary: 'What you are told, and how',
        ...secured,
        response: { 200: NotificationSettings, ...errorResponses(401) },
      },
    },
    async (request) => readSettings(app.db, viewerOf(request).id, emailAvailable),
  );

  api.put(
    '/api/me/notification-settings',
    {
      onRequest: app.requireUser,
      schema: {
        tags: ['notifications'],
        summary: 'Change what you are told, and how',
        description: 'The whole settings object, as GET answers it (without `emailAvailable` and `homeLocationSet`).',
        ...secured,
        body: NotificationSettingsBody,
        response: { 200: NotificationSettings, ...errorResponses(400, 401) },
      },
    },
    async (request) => writeSettings(app.db, viewerOf(request).id, request.body, emailAvailable),
  );

  api.get(
    '/api/notifications/unsubscribe',
    {
      schema: {
        tags: ['notifications'],
        summary: 'What an unsubscribe link would stop (changes nothing)',
        querystring: UnsubscribeQuery,
        response: {
          200: Type.Object(
            { kind: Kind, email: Type.String(), subscribed: Type.Boolean() },
            { $id: 'UnsubscribeLink' },
          ),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request) => describeUnsubscribe(unsubscribeLinks, app.db, request.query.token),
  );

  // Mail programs send one-click unsubscribes as forms (RFC 8058); only the link's token counts.
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body: string, done) => done(null, Object.fromEntries(new URLSearchParams(body))),
    );
    scope.addContentTypeParser(
      /^multipart\/form-data/,
      { parseAs: 'string', bodyLimit: 4096 },
      (_request, body: string, done) =>
        done(null, /List-Unsubscribe[\s\S]*One-Click/.test(body) ? { 'List-Unsubscribe': 'One-Click' } : {}),
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/notifications/unsubscribe',
      {
        // The body is optional: a bare POST to the link unsubscribes too.
        preValidation: async (request) => {
          request.body ??= {};
        },
        schema: {
          tags: ['notifications'],
          summary: 'Stop emails from an email’s link, without signing in',
          description:
            'The URL of the email’s `List-Unsubscribe` header (with `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, ' +
            'RFC 8058) and of its unsubscribe link. Stops emails of the kind the email was about; `{"all": true}` ' +
            'stops every email. Repeating it is harmless.',
          querystring: UnsubscribeQuery,
          body: UnsubscribeBody,
          response: { 200: Unsubscribed, ...errorResponses(400, 404, 415) },
        },
      },
      async (request) => unsubscribe(unsubscribeLinks, app.db, request.query.token, request.body.all === true),
    );
  });
}

// Not encapsulated: app.notificationStreams is the whole app's (the benchmark and tests read it).
export default fp(notificationRoutes, { name: 'notifications', dependencies: ['jobs'] });
