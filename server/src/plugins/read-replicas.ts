/**
 * Which requests may read from a replica (db/replicas.ts), and read-your-writes across processes.
 *
 * - A request to one of the listed lag-tolerant routes runs in a read context: its queries go to a
 *   replica that has replayed the client's last write, if one has, else to the primary.
 * - After a successful write the answer carries the primary's WAL position, as the
 *   `X-Read-After` header and a cookie of the same value (one minute). A browser sends the cookie
 *   back by itself, other clients send the header; any process then reads from a replica only once
 *   it has replayed that position. The value is not secret and need not be signed: a client that
 *   sends a false one only makes its own reads come from the primary, or see older data.
 */
import fp from 'fastify-plugin';
import type { Replicas } from '../db/replicas.js';
import { parseLsn, readingFromReplicas } from '../db/replicas.js';

export const READ_AFTER_HEADER = 'x-read-after';
const COOKIE = 'vicinity_read_after';
const COOKIE_SECONDS = 60;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function cookieValue(header: string | undefined): string | undefined {
  return header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === COOKIE)?.[1];
}

export default fp<{ replicas: Replicas | undefined; routes: readonly string[] }>(
  async function readReplicas(app, { replicas, routes }) {
    if (!replicas) return;
    const tolerant = new Set(routes);
    app.addHook('onRequest', (request, _reply, done) => {
      if (!tolerant.has(`${request.method} ${request.routeOptions.url}`)) return done();
      const header = request.headers[READ_AFTER_HEADER];
      const given = (Array.isArray(header) ? header[0] : header) ?? cookieValue(request.headers.cookie);
      readingFromReplicas({ minLsn: parseLsn(given) }, done);
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (SAFE_METHODS.has(request.method) || reply.statusCode >= 400) return payload;
      try {
        const lsn = await replicas.currentLsn();
        reply.header(READ_AFTER_HEADER, lsn);
        reply.header('set-cookie', `${COOKIE}=${lsn}; Path=/; Max-Age=${COOKIE_SECONDS}; HttpOnly; SameSite=Lax`);
      } catch (error) {
        // The write is done; without the position this client's next reads simply may lag.
        request.log.warn({ err: error }, 'could not read the WAL position after a write');
      }
      return payload;
    });
  },
  { name: 'read-replicas', dependencies: ['db'] },
);
