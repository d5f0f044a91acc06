/** GET /api/map: what a map viewport shows, items or clusters, as GeoJSON. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, invalidField } from '../../plugins/errors.js';
import type { ItemKind } from '../../geo/schemas.js';
import { parseKinds } from '../nearby/service.js';
import { INDIVIDUAL_LIMIT, itemsForView, MAX_FEATURES, type Bbox } from './queries.js';
import { MapCollection, MapQuery } from './schemas.js';

function parseBbox(raw: string): Bbox {
  const parts = raw.split(',').map((part) => part.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 4 || parts.some((part) => part === '') || numbers.some((n) => !Number.isFinite(n))) {
    throw invalidField('bbox', 'must be four numbers: minLng,minLat,maxLng,maxLat');
  }
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  if ([minLng, maxLng].some((lng) => lng < -180 || lng > 180))
    throw invalidField('bbox', 'longitudes must be within [-180, 180]');
  if ([minLat, maxLat].some((lat) => lat < -90 || lat > 90))
    throw invalidField('bbox', 'latitudes must be within [-90, 90]');
  if (minLat > maxLat) throw invalidField('bbox', 'minLat must not be greater than maxLat');
  return { minLng, minLat, maxLng, maxLat };
}

type Item = { kind: ItemKind; id: number; name: string; lat: number; lng: number; props: Record<string, unknown> };

const itemFeature = (item: Item) => ({
  type: 'Feature' as const,
  id: `${item.kind}:${item.id}`,
  geometry: { type: 'Point' as const, coordinates: [item.lng, item.lat] },
  properties: { ...item.props, kind: item.kind, id: item.id, name: item.name },
});

export default async function mapRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/map',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['map'],
        summary: 'Items or clusters inside a map viewport',
        description:
          `Up to ${INDIVIDUAL_LIMIT} items come back one by one; denser views come back as clusters: cells of a ` +
          `quadtree over the Web Mercator square about 64 pixels wide at this zoom, counted ahead in the database. ` +
          `A cluster counts its whole cell, also where the cell reaches past the edge of the view. ` +
          `Never more than ${MAX_FEATURES} features.`,
        querystring: MapQuery,
        response: { 200: MapCollection, ...errorResponses(400) },
      },
    },
    async (request) => {
      const bbox = parseBbox(request.query.bbox);
      const answer = await itemsForView(
        app.db,
        bbox,
        request.query.zoom,
        parseKinds(request.query.kinds),
        request.viewer?.id ?? null,
      );
      if (!answer.clustered) {
        return {
          type: 'FeatureCollection' as const,
          clustered: false,
          total: answer.items.length,
          features: answer.items.map(itemFeature),
        };
      }
      return {
        type: 'FeatureCollection' as const,
        clustered: true,
        total: answer.total,
        features: answer.cells.map((cell) =>
          cell.single
            ? itemFeature(cell.single)
            : {
                type: 'Feature' as const,
                id: `cluster:${request.query.zoom}:${cell.lng.toFixed(6)}:${cell.lat.toFixed(6)}`,
                geometry: { type: 'Point' as const, coordinates: [cell.lng, cell.lat] },
                properties: {
                  cluster: true as const,
                  count: cell.count,
                  counts: cell.counts,
                  expansionZoom: cell.expansionZoom,
                },
              },
        ),
      };
    },
  );
}
