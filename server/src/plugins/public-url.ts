/**
 * The base of every absolute link the server writes (calendar files; emails take PUBLIC_URL
 * directly). PUBLIC_URL when it is set. Without it, the address the request reached, but only
 * when its Host names this server's own listening port on the local machine: any other Host
 * (a client can send anything) gives `http://localhost:PORT`, so a forged Host never ends up in
 * a file that a calendar app keeps and shows.
 */
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** `https://vicinity.example.org` (PUBLIC_URL) or the local address, without a trailing slash. */
    publicOrigin(request: FastifyRequest): string;
  }
}

const LOCAL_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The local address the request reached, when its Host is one; else localhost at the listening port. */
export function localOrigin(request: FastifyRequest, configuredPort: number): string {
  const port = request.socket?.localPort ?? configuredPort;
  const host = (request.headers.host ?? '').toLowerCase();
  const named = LOCAL_NAMES.map((name) => `${name}:${port}`);
  return named.includes(host) ? `http://${host}` : `http://localhost:${port}`;
}

export default fp<{ publicUrl: string | null; port: number }>(
  async function publicUrl(app, { publicUrl, port }) {
    app.decorate('publicOrigin', (request: FastifyRequest) => publicUrl ?? localOrigin(request, port));
  },
  { name: 'public-url' },
);
