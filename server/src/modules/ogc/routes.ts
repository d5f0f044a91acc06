/** OGC API – Features under /ogc: landing page, conformance, collections and their items. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../plugins/errors.js';
import { GEOJSON_TYPE, producesGeoJson } from '../../plugins/json-text.js';
import {
  Collection,
  CollectionParams,
  Collections,
  Conformance,
  FeatureParams,
  FormatQuery,
  ItemsQuery,
  LandingPage,
  OgcFeature,
  OgcFeatureCollection,
} from './schemas.js';
import {
  CONFORMANCE,
  collectionDocument,
  collectionsDocument,
  DEFAULT_LIMIT,
  itemsPage,
  landingPage,
  MAX_LIMIT,
  OGC_BASE,
  oneItem,
} from './service.js';

const optionalAuth: { security: Record<string, string[]>[] } = { security: [{}, { bearerAuth: [] }] };

export default async function ogcRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['ogc'];

  api.get(
    OGC_BASE,
    {
      schema: {
        tags,
        operationId: 'getOgcLandingPage',
        summary: 'OGC API – Features landing page',
        description: 'Links to the API definition, the conformance classes and the collections.',
        querystring: FormatQuery,
        response: { 200: LandingPage, ...errorResponses(400) },
      },
    },
    async (request) => landingPage(app.publicOrigin(request)),
  );

  api.get(
    `${OGC_BASE}/conformance`,
    {
      schema: {
        tags,
        operationId: 'getOgcConformance',
        summary: 'The OGC API – Features conformance classes this server implements',
        querystring: FormatQuery,
        response: { 200: Conformance, ...errorResponses(400) },
      },
    },
    async () => ({ conformsTo: CONFORMANCE }),
  );

  api.get(
    `${OGC_BASE}/collections`,
    {
      schema: {
        tags,
        operationId: 'getOgcCollections',
        summary: 'The collections: places, groups, meetups, posts',
        querystring: FormatQuery,
        response: { 200: Collections, ...errorResponses(400) },
      },
    },
    async (request) => collectionsDocument(app.publicOrigin(request)),
  );

  api.get(
    `${OGC_BASE}/collections/:collectionId`,
    {
      schema: {
        tags,
        operationId: 'getOgcCollection',
        summary: 'One collection',
        params: CollectionParams,
        querystring: FormatQuery,
        response: { 200: Collection, ...errorResponses(400, 404) },
      },
    },
    async (request) => collectionDocument(app.publicOrigin(request), request.params.collectionId),
  );

  api.get(
    `${OGC_BASE}/collections/:collectionId/items`,
    {
      onRequest: app.optionalUser,
      schema: {
        tags,
        operationId: 'getOgcItems',
        summary: 'A collection’s items as GeoJSON, a page at a time',
        description:
          `Items in id order, ${DEFAULT_LIMIT} a page by default and at most ${MAX_LIMIT}; follow the \`next\` link. ` +
          'What a viewer sees is what /api/nearby and /api/map show them: signed in, a private group’s members also ' +
          'see its meetups and posts.',
        ...optionalAuth,
        ...producesGeoJson,
        params: CollectionParams,
        querystring: ItemsQuery,
        response: { 200: OgcFeatureCollection, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      reply.type(GEOJSON_TYPE);
      return itemsPage(
        app.db,
        app.items,
        app.publicOrigin(request),
        request.params.collectionId,
        request.query,
        request.viewer?.id ?? null,
      );
    },
  );

  api.get(
    `${OGC_BASE}/collections/:collectionId/items/:featureId`,
    {
      onRequest: app.optionalUser,
      schema: {
        tags,
        operationId: 'getOgcItem',
        summary: 'One item of a collection as a GeoJSON Feature',
        ...optionalAuth,
        ...producesGeoJson,
        params: FeatureParams,
        querystring: FormatQuery,
        response: { 200: OgcFeature, ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      reply.type(GEOJSON_TYPE);
      return oneItem(
        app.db,
        app.items,
        app.publicOrigin(request),
        request.params.collectionId,
        request.params.featureId,
        request.viewer?.id ?? null,
      );
    },
  );
}
