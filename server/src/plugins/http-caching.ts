/**
 * Conditional requests for the API: every successful GET answer of /api and /ogc gets a weak
 * ETag (a hash of the body as sent before compression) and, unless the route set its own, a
 * Cache-Control that asks clients to revalidate each time. A client that sends the ETag back in
 * If-None-Match gets 304 with no body: calendar apps and GIS tools that poll a feed re-download
 * it only when it changed. The answer is still computed; what is saved is the transfer.
 *
 * Answers that change with who asks are `private`, so shared caches (a proxy) never keep one
 * person's answer for another.
 */
import { createHash } from 'node:crypto';
import fp from 'fastify-plugin';

/** The path prefixes whose answers get ETags. The web app's files have their own caching. */
const PREFIXES = ['/api/', '/ogc'];

export const DEFAULT_CACHE_CONTROL = 'private, no-cache';

export function weakEtag(body: string | Buffer): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, RFC 9110 §13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

export default fp(
  async function httpCaching(app) {
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
      if (reply.statusCode !== 200) return payload;
      const path = request.url.split('?')[0] ?? '';
      if (!PREFIXES.some((prefix) => path.startsWith(prefix))) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
      const cacheControl = reply.getHeader('cache-control');
      if (cacheControl === undefined) reply.header('cache-control', DEFAULT_CACHE_CONTROL);
      else if (String(cacheControl).includes('no-store')) return payload;
      const etag = weakEtag(payload);
      reply.header('etag', etag);
      if (etagMatches(request.headers['if-none-match'], etag)) {
        reply.code(304);
        reply.removeHeader('content-length');
        reply.removeHeader('content-type');
        return '';
      }
      return payload;
    });
  },
  { name: 'http-caching' },
);
