/**
 * GET /api/feed: posts and upcoming events near a point, ranked by distance and time only, each
 * with the arithmetic that placed it. See score.ts for the formula.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses, invalidField } from '../../plugins/errors.js';
import type { LatLng } from '../../geo/point.js';
import { findFeedPage, homeOf, type FeedRow } from './queries.js';
import { FeedAnswer, FeedQuerySchema, FORMULA, MAX_FEED_PAGE, type FeedItem } from './schemas.js';
import { explain, FEED_PAGE_SIZE, FORMULA_TEXT } from './score.js';

/** How far ahead of the server's clock a client's `asOf` may be (clock skew). */
const MAX_AS_OF_SKEW_MS = 5 * 60_000;

function toItem(row: FeedRow): FeedItem {
  return {
    kind: row.kind,
    id: row.id,
    title: row.title,
    excerpt: row.excerpt,
    location: { lat: row.lat, lng: row.lng },
    distanceMeters: row.distance,
    createdAt: row.created_at.toISOString(),
    ...(row.starts_at === null ? {} : { startsAt: row.starts_at.toISOString() }),
    ...(row.time_zone === null ? {} : { timeZone: row.time_zone }),
    ...(row.group_id === null || row.group_name === null || row.group_visibility === null
      ? {}
      : { group: { id: row.group_id, name: row.group_name, visibility: row.group_visibility } }),
    ...(row.place_id === null || row.place_name === null ? {} : { place: { id: row.place_id, name: row.place_name } }),
    url: `/${row.kind}s/${row.id}`,
    why: explain(row),
  };
}

export default async function feedRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/feed',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['feed'],
        summary: 'Posts and upcoming events near a point, ranked by distance and time',
        description:
          `\`mode=nearby\` (default) orders by ${FORMULA_TEXT} Ties go by kind, then id. \`mode=latest\` orders by ` +
          `creation time, newest first. Every item carries \`why\`: the factors, their effects and the score, ` +
          `and a sentence saying the same. ${FEED_PAGE_SIZE} items a page; follow \`nextPage\` (null at the end) ` +
          'and send back `asOf` so every page uses the same clock. Without lat/lng the signed-in person’s home ' +
          'location is used; without either, 400.',
        querystring: FeedQuerySchema,
        response: { 200: FeedAnswer, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { lat, lng, radius, mode, page } = request.query;
      let point: LatLng | undefined;
      if (lat !== undefined && lng !== undefined) point = { lat, lng };
      else if (lat !== undefined) throw invalidField('lng', 'is required with lat');
      else if (lng !== undefined) throw invalidField('lat', 'is required with lng');
      else if (request.viewer) point = await homeOf(app.db, request.viewer.id);
      if (!point) throw invalidField('lat', 'and lng are required unless you are signed in with a saved home location');

      const asOf = request.query.asOf === undefined ? new Date() : new Date(request.query.asOf);
      if (asOf.getTime() > Date.now() + MAX_AS_OF_SKEW_MS) throw invalidField('asOf', 'must not be in the future');

      const rows = await findFeedPage(app.db, {
        point,
        radius,
        mode,
        asOf,
        viewerId: request.viewer?.id ?? null,
        offset: (page - 1) * FEED_PAGE_SIZE,
        limit: FEED_PAGE_SIZE + 1,
      });
      return {
        items: rows.slice(0, FEED_PAGE_SIZE).map(toItem),
        page,
        nextPage: rows.length > FEED_PAGE_SIZE && page < MAX_FEED_PAGE ? page + 1 : null,
        asOf: asOf.toISOString(),
        mode,
        radius,
        origin: lat === undefined ? ('home' as const) : ('query' as const),
        formula: FORMULA,
      };
    },
  );
}
