/** GET /api/search: places, groups, meetups and posts matching some words, near a point first. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { parseKinds } from '../../items/radius-page.js';
import { search } from './service.js';
import { SearchCollection, SearchQuery } from './schemas.js';

export default async function searchRoutes(app: FastifyInstance) {
  app.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/search',
    {
      onRequest: app.optionalUser,
      schema: {
        tags: ['map'],
        summary: 'Find places, groups, meetups and posts by their words, near a point',
        description:
          'Matches names, titles, descriptions, post text, games, place kinds and tags with PostgreSQL full-text ' +
          'search: accents and case are ignored, words match as written and by their German and English stems, ' +
          'and a name that is close to the words (trigram similarity) matches too. Only items within `radius` of ' +
          'lat/lng that you may see are searched, exactly as on the map (a private group’s meetups and posts only ' +
          'for its members; approximate locations stay approximate). Ordered by `score = textScore / (1 + km)`, ' +
          'so a close match nearby comes before the same match far away; each result says why in `ranking.why`. ' +
          'Towns are found with /api/geocode.',
        querystring: SearchQuery,
        response: { 200: SearchCollection, ...errorResponses(400, 401) },
      },
    },
    async (request) =>
      search(app.db, app.items, request.query, parseKinds(app.items, request.query.kinds), request.viewer?.id ?? null),
  );
}
