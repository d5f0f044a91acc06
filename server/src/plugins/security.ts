/**
 * Security headers, CORS and rate limiting. The Content-Security-Policy allows only our own
 * scripts, plus images from the configured tile server so the map can draw. Rate-limit counters
 * live in the database (rate-limit-store.ts), shared by every server process.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { deleteEndedWindows } from '../db/rate-limits.js';
import { AppError } from './errors.js';
import { postgresRateLimitStore } from './rate-limit-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Sets the security headers on a raw response, for answers sent before any hook runs. */
    writeSecurityHeaders(request: IncomingMessage, response: ServerResponse): void;
  }
}

function tileOrigin(tileUrl: string): string {
  // Tile templates may hold {s} subdomains; allow any subdomain of the host in that case.
  const url = new URL(tileUrl.replace(/\{[a-z]\}/g, 'x'));
  return tileUrl.includes('{s}.') ? `${url.protocol}//*.${url.host.split('.').slice(1).join('.')}` : url.origin;
}

export default fp<{ tileUrl: string; corsOrigins: string[] }>(
  async function security(app, { tileUrl, corsOrigins }) {
    // Helmet's middleware is built once here, its options checked and its headers worked out once.
    // (The Fastify wrapper builds it again on every request, a large share of what a bare route
    // costs: docs/performance.md.)
    const securityHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Leaflet positions markers and tiles with inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', tileOrigin(tileUrl)],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
    });
    // Helmet's middleware sets the headers and calls on at once.
    app.decorate('writeSecurityHeaders', (request: IncomingMessage, response: ServerResponse) =>
      securityHeaders(request, response, () => {}),
    );
    app.addHook('onRequest', (request, reply, done) => {
      app.writeSecurityHeaders(request.raw, reply.raw);
      done();
    });
    if (corsOrigins.length > 0) {
      await app.register(cors, {
        origin: corsOrigins,
        methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
        // Pages on other sites may read these: when to come back, and where their last write is (read replicas).
        exposedHeaders: ['retry-after', 'x-read-after'],
      });
    }
    // Not global: only the routes that opt in (sign-up, sign-in) are limited.
    await app.register(rateLimit, {
      global: false,
      store: postgresRateLimitStore(app.db),
      errorResponseBuilder: (_request, context) =>
        new AppError(429, 'rate_limited', `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`),
    });
    // Counters whose window has ended are only read as zero; clear them out now and then.
    const sweep = setInterval(() => {
      deleteEndedWindows(app.db).catch((error: unknown) => app.log.debug({ err: error }, 'rate-limit sweep failed'));
    }, 60_000);
    sweep.unref();
    app.addHook('onClose', async () => clearInterval(sweep));
  },
  { name: 'security', dependencies: ['db'] },
);
