/** GET /api/geocode: find a town or city by the start of its name, offline. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { searchPlaces } from './gazetteer.js';
import { GeocodeAnswer, GeocodeQuery } from './schemas.js';

export default async function geocodeRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/geocode',
    {
      schema: {
        tags: ['map'],
        summary: 'Find towns and cities by name',
        description: 'Exact names first, then larger places. Data: GeoNames (CC BY 4.0), searched offline.',
        querystring: GeocodeQuery,
        response: { 200: GeocodeAnswer, ...errorResponses(400) },
      },
    },
    async (request) => ({
      results: searchPlaces(request.query.q, request.query.limit),
      attribution: 'GeoNames (geonames.org), CC BY 4.0',
    }),
  );
}
