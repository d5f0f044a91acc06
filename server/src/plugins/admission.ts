/**
 * Admission control: at most `maxInFlight` API requests run at once and the rest wait in one
 * first-come, first-served line, so under a burst waits grow evenly instead of some requests
 * being starved. When `maxInFlight + maxQueued` requests are already running or waiting, the next
 * one is told at once to come back (503 `busy` with Retry-After).
 *
 * At most one request starts per turn of the event loop. Node accepts one new connection per
 * turn; if every request that arrives starts at once, one turn serves every open connection,
 * and new connections wait unseen in the kernel's accept queue. Measured under load: with the
 * embedded database some waited 10 s (p99 4 s at 100 connections), with a PostgreSQL server p99
 * reached 3–5 s at 200 connections; with the line, 0.5 s and 0.7–1 s at the same throughput.
 *
 * The embedded database (PGlite) runs queries one at a time on the server's own thread, so there
 * one request at a time is the default: more buys no throughput and makes each turn longer. A
 * PostgreSQL server works on many queries at once, so there the default keeps its pool busy.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const admitted = new WeakSet<FastifyRequest>();

export default fp<{ maxInFlight: number; maxQueued: number }>(
  async function admission(app, { maxInFlight, maxQueued }) {
    let inFlight = 0;
    let startedThisTurn = false;
    const line: Array<{ request: FastifyRequest; admit: () => void }> = [];

    const start = (request: FastifyRequest) => {
      inFlight += 1;
      admitted.add(request);
      startedThisTurn = true;
      setImmediate(() => {
        startedThisTurn = false;
        admitNext();
      });
    };
    const admitNext = () => {
      if (startedThisTurn || inFlight >= maxInFlight) return;
      const next = line.shift();
      if (!next) return;
      start(next.request);
      next.admit();
    };
    const release = (request: FastifyRequest) => {
      if (admitted.delete(request)) {
        inFlight -= 1;
        admitNext();
        return;
      }
      // A client that gave up while waiting leaves the line.
      const waiting = line.findIndex((entry) => entry.request === request);
      if (waiting >= 0) line.splice(waiting, 1);
    };

    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
      if (line.length === 0 && !startedThisTurn && inFlight < maxInFlight) return start(request);
      if (inFlight + line.length >= maxInFlight + maxQueued) {
        reply.header('retry-after', '1');
        throw new AppError(503, 'busy', 'The server is busy. Try again in a moment.');
      }
      await new Promise<void>((admit) => line.push({ request, admit }));
    });
    app.addHook('onResponse', async (request) => release(request));
    app.addHook('onRequestAbort', async (request) => release(request));
  },
  { name: 'admission' },
);
