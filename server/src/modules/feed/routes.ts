/**
 * GET /api/feed: posts and upcoming events near a point, ranked by distance and time only, each
 * with the arithmetic that placed it. See score.ts for the formula.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { FeedAnswer, FeedQuerySchema } from './schemas.js';
import { FEED_PAGE_SIZE, FORMULA_TEXT } from './score.js';
import { feedPage } from './service.js';

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
    async (request) => feedPage(app.db, request.query, request.viewer?.id ?? null),
  );
}
