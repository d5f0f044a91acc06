/**
 * Radius pages asked for at the same time are answered together: `app.radiusPages` runs at most
 * `statements` page statements at once, and pages that wait meanwhile for the same kinds, page
 * size and cursor share the next one, whatever their point and radius and whoever asks (see
 * db/batcher.ts). Under many concurrent clients this answers far more requests per second than
 * one statement per request (docs/performance.md).
 *
 * The plugin also makes the item registry and `app.radiusPage` available to every route.
 */
import fp from 'fastify-plugin';
import { Batcher } from '../db/batcher.js';
import type { ItemKind } from '../geo/schemas.js';
import type { ItemRegistry } from './registry.js';
import { findRadiusPages } from './radius-query.js';
import { radiusPage, type RadiusPage, type RadiusPageBatcher, type RadiusPageRequest } from './radius-page.js';

declare module 'fastify' {
  interface FastifyInstance {
    items: ItemRegistry;
    radiusPages: RadiusPageBatcher;
    /** A page of the items of these kinds the viewer may see within the radius, nearest first. */
    radiusPage(request: RadiusPageRequest, kinds: ItemKind[], viewerId: number | null): Promise<RadiusPage>;
  }
}

/** More pages than this in one statement would make the first of them wait for too many others. */
const MAX_PAGES_PER_STATEMENT = 64;

export default fp<{ registry: ItemRegistry; statements: number }>(
  async function radiusPages(app, { registry, statements }) {
    const batcher: RadiusPageBatcher = new Batcher({
      maxRunning: statements,
      maxBatch: MAX_PAGES_PER_STATEMENT,
      run: (inputs) =>
        findRadiusPages(
          app.db,
          registry,
          inputs[0]!.shape,
          inputs.map((input) => input.ask),
        ),
    });
    app.decorate('items', registry);
    app.decorate('radiusPages', batcher);
    app.decorate('radiusPage', (request: RadiusPageRequest, kinds: ItemKind[], viewerId: number | null) =>
      radiusPage({ registry, batcher, cursors: app.cursors }, request, kinds, viewerId),
    );
  },
  { name: 'radius-pages', dependencies: ['db', 'signed-values'] },
);
