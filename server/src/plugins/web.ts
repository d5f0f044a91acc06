/**
 * Serves the built web app (web/dist) and lets the browser's router own every non-API path:
 * unknown paths outside /api answer index.html, unknown /api paths answer a JSON 404.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from './errors.js';

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export default fp<{ root?: string }>(
  async function web(app, { root = WEB_DIST }) {
    const built = existsSync(`${root}/index.html`);
    if (built) {
      await app.register(fastifyStatic, {
        root,
        wildcard: false,
        // The build writes Brotli and gzip copies of its text files (web/precompress.ts).
        preCompressed: true,
        // Hashed asset names can be cached for good; index.html must always be revalidated.
        setHeaders: (res, filePath) => {
          res.header(
            'cache-control',
            filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
    }
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      if (path === '/api' || path.startsWith('/api/')) {
        throw new AppError(404, 'not_found', `No route GET ${path}.`);
      }
      if (!built) {
        throw new AppError(503, 'web_not_built', 'The web app has not been built. Run `npm run build:web`.');
      }
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web' },
);
