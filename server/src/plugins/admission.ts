/**
 * Admission control: at most `maxInFlight` API requests run at once and the rest wait in one
 * first-come, first-served line, so under a burst waits grow evenly instead of some requests
 * being starved. When `maxInFlight + maxQueued` requests are already running or waiting, the next
 * one is told at once to come back (503 `busy` with Retry-After).
 *
 * Node accepts one new connection per turn of its event loop. If every request that could start
 * did so at once, one turn could serve open connections again and again while newcomers wait
 * unseen in the kernel's accept queue, for seconds under a load of hundreds of connections. So one
 * turn starts at most `maxInFlight` requests, then lets the loop go round. (One per turn let
 * requests reach the database a turn apart, so statements that could have answered many pages
 * together often answered one each: see docs/performance.md.)
 *
 * Both databases take 32 at once by default: a PostgreSQL server works on many queries at once,
 * and the embedded one, on its own thread, answers the waiting radius pages together.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const admitted = new WeakSet<FastifyRequest>();

declare module 'fastify' {
  interface FastifyInstance {
    /** Requests being served and waiting in the line now (for /metrics). */
    admission: { readonly inFlight: number; readonly queued: number };
  }
  interface FastifyContextConfig {
    /** The answer stays open (a live stream): the route does not take a place in the line. */
    longLived?: boolean;
  }
}

export default fp<{ maxInFlight: number; maxQueued: number }>(
  async function admission(app, { maxInFlight, maxQueued }) {
    let inFlight = 0;
    let startedThisTurn = 0;
    const line: Array<{ request: FastifyRequest; admit: () => void }> = [];
    app.decorate('admission', {
      get inFlight() {
        return inFlight;
      },
      get queued() {
        return line.length;
      },
    });

    const start = (request: FastifyRequest) => {
      inFlight += 1;
      admitted.add(request);
      if (startedThisTurn++ === 0) {
        setImmediate(() => {
          startedThisTurn = 0;
          admitWaiting();
        });
      }
    };
    const mayStart = () => inFlight < maxInFlight && startedThisTurn < maxInFlight;
    const admitWaiting = () => {
      while (mayStart() && line.length > 0) {
        const next = line.shift()!;
        start(next.request);
        next.admit();
      }
    };
    const release = (request: FastifyRequest) => {
      if (admitted.delete(request)) {
        inFlight -= 1;
        admitWaiting();
        return;
      }
      // A client that gave up while waiting leaves the line.
      const waiting = line.findIndex((entry) => entry.request === request);
      if (waiting >= 0) line.splice(waiting, 1);
    };

    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/') || request.url.startsWith('/api/health')) return;
      if (request.routeOptions.config.longLived) return;
      if (line.length === 0 && mayStart()) return start(request);
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
