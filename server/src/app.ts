/**
 * The app factory: builds a Fastify instance from a validated config and an open database.
 * `main.ts` and the tests both call it, so the tests exercise exactly what runs in production.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config/index.js';
import type { DatabaseHandle } from './db/index.js';
import dbPlugin from './plugins/db.js';
import errorsPlugin, { answerClientError, answerFrameworkError } from './plugins/errors.js';
import securityPlugin from './plugins/security.js';
import authPlugin from './plugins/auth.js';
import openapiPlugin from './plugins/openapi.js';
import webPlugin from './plugins/web.js';
import compressionPlugin from './plugins/compression.js';
import httpCachingPlugin from './plugins/http-caching.js';
import admissionPlugin from './plugins/admission.js';
import metricsPlugin from './plugins/metrics.js';
import readReplicasPlugin from './plugins/read-replicas.js';
import { installValidator } from './plugins/validation.js';
import signedValuesPlugin from './plugins/signed-values.js';
import publicUrlPlugin from './plugins/public-url.js';
import jobsPlugin from './jobs/plugin.js';
import radiusPagesPlugin from './items/radius-batcher.js';
import { ItemRegistry } from './items/registry.js';
import path from 'node:path';
import objectStoragePlugin from './storage/plugin.js';
import { openObjectStorage, type ObjectStorage } from './storage/index.js';
import { mediaJobHandlers, mediaRoutes, MediaSchema, ProcessingQueue } from './modules/media/index.js';
import { placeItemSource } from './modules/places/index.js';
import { groupItemSource } from './modules/groups/index.js';
import { eventItemSource } from './modules/events/index.js';
import { postItemSource, CommentSchema } from './modules/posts/index.js';
import systemRoutes from './modules/system/routes.js';
import accountRoutes from './modules/accounts/routes.js';
import placeRoutes from './modules/places/routes.js';
import groupRoutes from './modules/groups/routes.js';
import nearbyRoutes from './modules/nearby/routes.js';
import searchRoutes from './modules/search/routes.js';
import mapRoutes from './modules/map/routes.js';
import ogcRoutes from './modules/ogc/routes.js';
import geocodeRoutes from './modules/geocode/routes.js';
import postRoutes from './modules/posts/routes.js';
import feedRoutes from './modules/feed/routes.js';
import membershipRoutes from './modules/memberships/routes.js';
import eventRoutes from './modules/events/routes.js';
import gameRoutes from './modules/games/routes.js';
import privacyRoutes from './modules/privacy/routes.js';
import notificationRoutes from './modules/notifications/routes.js';
import moderationRoutes from './modules/moderation/routes.js';
import blockRoutes from './modules/blocks/routes.js';
import previewRoutes from './modules/preview/routes.js';
import type { StreamOptions } from './modules/notifications/stream.js';
import { createMailer } from './mail/mailer.js';

export type AppConfig = Config & { jwtSecret: string };

declare module 'fastify' {
  interface FastifyInstance {
    /** Set when the process starts shutting down (main.ts): readiness answers 503 from then on. */
    draining: boolean;
  }
}

/** The kinds of item on the map and in radius queries, each described by the feature it belongs to. */
export function createItemRegistry(): ItemRegistry {
  return new ItemRegistry([placeItemSource, groupItemSource, eventItemSource, postItemSource]);
}

/**
 * Routes that only read and tolerate data a moment old: with DATABASE_REPLICA_URLS their queries
 * may go to a read replica (plugins/read-replicas.ts), still showing people their own writes.
 */
export const REPLICA_READ_ROUTES = [
  'GET /api/nearby',
  'GET /api/map',
  'GET /api/feed',
  'GET /api/places',
  'GET /api/places/:id',
  'GET /api/groups',
  'GET /api/groups/:id',
  'GET /api/groups/:id/members',
  'GET /api/events',
  'GET /api/events/:id',
  'GET /api/events/:id/attendees',
  'GET /api/posts',
  'GET /api/posts/:id',
  'GET /api/posts/:id/comments',
  'GET /api/calendar.ics',
  'GET /api/events/:id/calendar.ics',
  'GET /api/groups/:id/calendar.ics',
] as const;

export interface BuildAppOptions {
  config: AppConfig;
  database: DatabaseHandle;
  /** Serve web/dist (default true). */
  web?: boolean;
  /** Run due jobs in the background (default true); tests that run them with app.jobs.runDue() say false. */
  runJobs?: boolean;
  /** Timings of live notification streams (tests shorten the heartbeat). */
  notificationStreams?: StreamOptions;
  /** Where photos' files go; opened from the config when not given. */
  storage?: ObjectStorage;
}

export async function buildApp({
  config,
  database,
  web = true,
  runJobs = true,
  notificationStreams,
  storage,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // While closing, requests that still arrive (before the listening socket closes) are served, not
    // refused: a load balancer has already sent them here. See main.ts for the drain.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  });
  installValidator(app);
  app.decorate('draining', false);
  app.addHook('preClose', async () => {
    app.draining = true;
  });

  await app.register(errorsPlugin);
  await app.register(dbPlugin, { database });
  await app.register(jobsPlugin, { autostart: runJobs });
  await app.register(admissionPlugin, {
    maxInFlight: database.kind === 'embedded' ? config.embeddedMaxInFlight : config.serverMaxInFlight,
    maxQueued: config.maxQueued,
  });
  await app.register(metricsPlugin, { token: config.metricsToken, database });
  await app.register(readReplicasPlugin, { replicas: database.replicas, routes: REPLICA_READ_ROUTES });
  await app.register(securityPlugin, { tileUrl: config.tileUrl, corsOrigins: config.corsOrigins });
  // Before compression, so that the ETag is the hash of the answer itself, whatever its encoding.
  await app.register(httpCachingPlugin);
  await app.register(compressionPlugin);
  await app.register(authPlugin, {
    secret: config.jwtSecret,
    expiresIn: config.jwtExpiresIn,
    adminEmails: config.adminEmails,
  });
  await app.register(signedValuesPlugin, { secret: config.jwtSecret });
  await app.register(publicUrlPlugin, { publicUrl: config.publicUrl, port: config.port });
  // Schemas that several features' routes refer to by name ($ref).
  await app.register(openapiPlugin, { sharedSchemas: [CommentSchema, MediaSchema] });
  await app.register(objectStoragePlugin, {
    storage:
      storage ??
      (await openObjectStorage({
        directory: path.join(config.dataDir, 'media'),
        s3: config.mediaS3Url
          ? {
              url: config.mediaS3Url,
              region: config.mediaS3Region,
              accessKeyId: config.mediaS3AccessKeyId,
              secretAccessKey: config.mediaS3SecretAccessKey,
            }
          : null,
      })),
  });
  for (const [kind, handler] of Object.entries(mediaJobHandlers(app.db, app.objectStorage))) {
    app.jobs.handle(kind, handler);
  }

  await app.register(systemRoutes, { config });
  const mailer = config.smtpUrl ? createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom }) : null;
  await app.register(accountRoutes, {
    authRateLimit: config.authRateLimit,
    mailer,
    publicUrl: config.publicUrl,
    secret: config.jwtSecret,
  });
  await app.register(radiusPagesPlugin, {
    registry: createItemRegistry(),
    // The embedded database answers one query at a time whatever runs beside it.
    statements: database.kind === 'embedded' ? 1 : config.serverRadiusStatements,
  });
  await app.register(placeRoutes);
  await app.register(groupRoutes);
  await app.register(nearbyRoutes);
  await app.register(searchRoutes);
  await app.register(mapRoutes);
  await app.register(ogcRoutes);
  await app.register(geocodeRoutes, {
    geocoder:
      config.geocoderUrl && config.geocoderContact
        ? {
            url: config.geocoderUrl,
            kind: config.geocoderKind,
            contact: config.geocoderContact,
            publicUrl: config.publicUrl,
            timeoutMs: config.geocoderTimeoutMs,
          }
        : null,
  });
  await app.register(postRoutes);
  await app.register(feedRoutes);
  await app.register(membershipRoutes);
  await app.register(eventRoutes, { publicUrl: config.publicUrl });
  await app.register(gameRoutes);
  await app.register(privacyRoutes);
  await app.register(notificationRoutes, {
    mailer,
    publicUrl: config.publicUrl,
    secret: config.jwtSecret,
    stream: notificationStreams,
  });
  await app.register(moderationRoutes, {
    firstLine: {
      newAccountHours: config.newAccountHours,
      postsPerHour: config.newAccountPostsPerHour,
      maxLinks: config.newAccountMaxLinks,
    },
    reportsPerHour: config.reportsPerHour,
  });
  await app.register(blockRoutes);
  await app.register(previewRoutes);
  app.addMetric(
    'vicinity_notification_streams',
    'Live notification streams open on this process.',
    () => app.notificationStreams.size,
  );
  await app.register(mediaRoutes, {
    maxBytes: config.mediaMaxBytes,
    context: {
      db: app.db,
      storage: app.objectStorage,
      keys: app.mediaKeys,
      // Uploads past those being processed wait in line, sixteen per slot, then get 503 busy.
      queue: new ProcessingQueue(config.mediaConcurrency, config.mediaConcurrency * 16),
      maxPixels: config.mediaMaxPixels,
    },
  });

  if (web) await app.register(webPlugin);
  return app;
}
