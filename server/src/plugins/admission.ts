/**
 * Admission control for the embedded database. PGlite runs queries one at a time on the server's
 * own thread, so every request beyond what it can serve only waits longer in line: under a
 * burst, latency would grow with the number of clients without limit. Instead, at most
 * `maxInFlight` API requests are admitted at once; the rest are told at once to come back
 * (503 `busy` with Retry-After), which keeps the wait of admitted requests bounded.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const admitted = new WeakSet<FastifyRequest>();

export default fp<{ maxInFlight: number }>(
  async function admission(app, { maxInFlight }) {
    let inFlight = 0;
    const release = (request: FastifyRequest) => {
      if (admitted.delete(request)) inFlight -= 1;
    };
    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
      if (inFlight >= maxInFlight) {
        reply.header('retry-after', '1');
        throw new AppError(503, 'busy', 'The server is busy. Try again in a moment.');
      }
      inFlight += 1;
      admitted.add(request);
    });
    app.addHook('onResponse', async (request) => release(request));
    app.addHook('onRequestAbort', async (request) => release(request));
  },
  { name: 'admission' },
);
