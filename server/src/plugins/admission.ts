/**
 * Admission control for the embedded database. PGlite runs queries one at a time on the server's
 * own thread, so requests that start together only interleave their queries and all finish late.
 * Instead, at most `maxInFlight` API requests run at once and the rest wait in one first-come,
 * first-served line, each admitted as soon as a running one is answered. Waits then grow evenly
 * with the load instead of some requests being starved. When the line itself is full
 * (`maxQueued`), the request is told at once to come back (503 `busy` with Retry-After).
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const admitted = new WeakSet<FastifyRequest>();

export default fp<{ maxInFlight: number; maxQueued: number }>(
  async function admission(app, { maxInFlight, maxQueued }) {
    let inFlight = 0;
    const line: Array<{ request: FastifyRequest; admit: () => void }> = [];
    const release = (request: FastifyRequest) => {
      if (!admitted.delete(request)) {
        // A client that gave up while waiting leaves the line.
        const waiting = line.findIndex((entry) => entry.request === request);
        if (waiting >= 0) line.splice(waiting, 1);
        return;
      }
      // The freed slot goes straight to the first in line, so nobody can overtake it.
      const next = line.shift();
      if (next) next.admit();
      else inFlight -= 1;
    };
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
      if (inFlight < maxInFlight) {
        inFlight += 1;
      } else {
        if (line.length >= maxQueued) {
          reply.header('retry-after', '1');
          throw new AppError(503, 'busy', 'The server is busy. Try again in a moment.');
        }
        await new Promise<void>((admit) => line.push({ request, admit }));
      }
      admitted.add(request);
    });
    app.addHook('onResponse', async (request) => release(request));
    app.addHook('onRequestAbort', async (request) => release(request));
  },
  { name: 'admission' },
);
