/** GET /api/map: what a map viewport shows, items or clusters, as GeoJSON. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { GEOJSON_TYPE, producesGeoJson } from '../../plugins/json-text.js';
import type { ItemKind } from '../../geo/schemas.js';
import { parseItemFilter } from '../../items/item-filter.js';
import { parseKinds } from '../../items/radius-page.js';
import { LAST_SPLIT_ZOOM, OVERLAP_PIXELS } from './overlap.js';
import { INDIVIDUAL_LIMIT, itemsForView, MAX_FEATURES, parseBbox } from './service.js';
import { MapCollection, MapQuery } from './schemas.js';

type Item = { kind: ItemKind; id: number; name: string; lat: number; lng: number; props: Record<string, unknown> };

const itemFeature = (item: Item) => ({
  type: 'Feature' as const,
  id: `${item.kind}:${item.id}`,
  geometry: { type: 'Point' as const, coordinates: [item.lng, item.lat] },
  properties: { ...item.props, kind: item.kind, itemId: item.id, name: item.name },
});

const round6 = (degrees: number) => Math.round(degrees * 1e6) / 1e6;

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
          `Items sent one by one whose markers would lie closer than ${OVERLAP_PIXELS} pixels at this zoom come as a ` +
          `cluster of those items (also when \`clustered\` is false), until zoom ${LAST_SPLIT_ZOOM}: items that would ` +
          `still overlap there come one by one. The filters (placeKinds, thisWeek, needsPlayers) keep only the kinds ` +
          `they apply to, and clusters count only the items that pass them and that the caller may see. ` +
          `Clusters, like items, leave out removed and held posts and meetups, and for a signed-in viewer those of ` +
          `people either of them blocked. ` +
          `Never more than ${MAX_FEATURES} features.`,
        querystring: MapQuery,
        ...producesGeoJson,
        response: { 200: MapCollection, ...errorResponses(400) },
      },
    },
    async (request, reply) => {
      reply.type(GEOJSON_TYPE);
      const answer = await itemsForView(
        app.db,
        app.items,
        parseBbox(request.query.bbox),
        request.query.zoom,
        parseKinds(app.items, request.query.kinds),
        request.viewer?.id ?? null,
        parseItemFilter(request.query),
      );
      return {
        type: 'FeatureCollection' as const,
        clustered: answer.clustered,
        total: answer.total,
        features: answer.cells.map((cell) =>
          cell.single
            ? itemFeature(cell.single)
            : {
                type: 'Feature' as const,
                id: `cluster:${request.query.zoom}:${cell.lng.toFixed(6)}:${cell.lat.toFixed(6)}`,
                // Six decimals are about 0.1 m: the centre of a cell of items needs no more.
                geometry: { type: 'Point' as const, coordinates: [round6(cell.lng), round6(cell.lat)] },
                properties: {
                  kind: 'cluster' as const,
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
