/** GET /api/nearby: every kind of item within a radius, nearest first, as GeoJSON. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { GEOJSON_TYPE, producesGeoJson, sendJsonText } from '../../plugins/json-text.js';
import { errorResponses } from '../../plugins/errors.js';
import { NearbyCollection } from '../../geo/schemas.js';
import { NearbyQuery } from '../../items/schemas.js';
import { featureCollectionJson, parseKinds } from '../../items/radius-page.js';

export default async function nearbyRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/nearby',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['map'],
        summary: 'Items within a radius, nearest first',
        description:
          'A GeoJSON FeatureCollection ordered by geodesic distance (WGS84 spheroid), ties broken by kind then id. ' +
          'Follow `nextCursor` until it is null to walk every item within the radius exactly once.',
        querystring: NearbyQuery,
        ...producesGeoJson,
        response: { 200: NearbyCollection, ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const kinds = parseKinds(app.items, request.query.kinds);
      const page = await app.radiusPage(request.query, kinds, request.viewer?.id ?? null);
      return sendJsonText(reply, featureCollectionJson(page), GEOJSON_TYPE);
    },
  );
}
