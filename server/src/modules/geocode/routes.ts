/** GET /api/geocode: find a town or city, or through a configured geocoder a street or address. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { createGeocodeService, type GeocoderSettings } from './service.js';
import { GeocodeAnswer, GeocodeQuery } from './schemas.js';

export interface GeocodeRoutesOptions {
  /** The Photon or Nominatim server; null: towns and cities only, offline. */
  geocoder: (GeocoderSettings & { timeoutMs: number }) | null;
}

export default async function geocodeRoutes(app: FastifyInstance, { geocoder }: GeocodeRoutesOptions) {
  const service = createGeocodeService(app.db, geocoder);
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/geocode',
    {
      schema: {
        tags: ['map'],
        summary: 'Find towns, cities, streets and addresses',
        description:
          'Without a geocoder (`GEOCODER_URL`), towns and cities by the start of their name, offline: exact names first, then larger places (GeoNames, CC BY 4.0). With one, the query goes to that Photon or Nominatim server, favouring results near `lat`/`lng`; its answers are cached for a week, and when it is slow, down or answers nonsense, the gazetteer answers instead (`source` says which did). Show `attribution` wherever the results are shown.',
        querystring: GeocodeQuery,
        response: { 200: GeocodeAnswer, ...errorResponses(400) },
      },
    },
    async (request) => service.find(request.query, request.log),
  );
}
