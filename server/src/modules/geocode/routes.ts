/** GET /api/geocode: find a town or city by the start of its name, offline. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../../plugins/errors.js';
import { searchPlaces } from './gazetteer.js';

const GeocodeQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'The start of a town or city name; accents and case are ignored.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 8 }),
  },
  { additionalProperties: false },
);

const GeocodeAnswer = Type.Object({
  results: Type.Array(
    Type.Object({
      name: Type.String(),
      country: Type.String({ description: 'ISO 3166-1 alpha-2 code.' }),
      lat: Type.Number(),
      lng: Type.Number(),
      population: Type.Integer(),
    }),
  ),
  attribution: Type.String(),
});

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
