/**
 * Serves the built web app (web/dist) and lets the browser's router own every non-API path:
 * unknown paths outside /api answer index.html, unknown /api paths and missing files (a path that
 * ends in an extension) answer a 404, and an address that exists only with other methods a 405.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError, methodNotAllowed } from './errors.js';

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
      const allowed = app.methodsAt(path);
      if (allowed.length > 0 && !allowed.includes(request.method))
        throw methodNotAllowed(request.method, path, allowed);
      if (path === '/api' || path.startsWith('/api/') || path.startsWith('/ogc')) {
        throw new AppError(404, 'not_found', `No route GET ${path}.`);
      }
      // A file the build does not hold (an old chunk after a deploy, a guessed /favicon.png) is
      // missing, not a page of the app: answering it with index.html would hand a script tag HTML.
      if (/\.[a-z0-9]+$/i.test(path)) throw new AppError(404, 'not_found', `No file ${path}.`);
      if (!built) {
        throw new AppError(503, 'web_not_built', 'The web app has not been built. Run `npm run build:web`.');
      }
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    });
  },
  { name: 'web' },
);
