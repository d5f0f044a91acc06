/**
 * Radius pages asked for at the same time are answered together: `app.nearbyPages` runs at most
 * `statements` page statements at once, and pages that wait meanwhile for the same kinds, page
 * size and cursor share the next one, whatever their point and radius and whoever asks (see
 * db/batcher.ts). Measured on two cores with 50 clients, this answered about twice as many
 * /api/nearby requests per second as one statement per request (see the README's Benchmarks).
 */
import fp from 'fastify-plugin';
import { Batcher } from '../../db/batcher.js';
import { findNearbyPages, type NearbyAsk, type NearbyPageJson, type NearbyShape } from './queries.js';

export type NearbyPageBatcher = Batcher<{ shape: NearbyShape; ask: NearbyAsk }, NearbyPageJson>;

declare module 'fastify' {
  interface FastifyInstance {
    nearbyPages: NearbyPageBatcher;
  }
}

/** More pages than this in one statement would make the first of them wait for too many others. */
const MAX_PAGES_PER_STATEMENT = 64;

export default fp<{ statements: number }>(
  async function nearbyPages(app, { statements }) {
    const batcher: NearbyPageBatcher = new Batcher({
      maxRunning: statements,
      maxBatch: MAX_PAGES_PER_STATEMENT,
      run: (inputs) =>
        findNearbyPages(
          app.db,
          inputs[0]!.shape,
          inputs.map((input) => input.ask),
        ),
    });
    app.decorate('nearbyPages', batcher);
  },
  { name: 'nearby-pages', dependencies: ['db'] },
);
