import type { FastifyReply } from 'fastify';
/** GeoJSON's own media type (RFC 7946): GIS tools read answers labelled so as GeoJSON. */
export const GEOJSON_TYPE = 'application/geo+json';

/** For a route's schema: its answers are GeoJSON (the OpenAPI document lists them under this type). */
export const producesGeoJson = { produces: [GEOJSON_TYPE] };

/**
 * Sends JSON text that is already written (a radius page whose features the database built as
 * text), as it is: parsing it only to serialize it again would cost more than the query.
 */
export function sendJsonText(reply: FastifyReply, text: string, type = 'application/json') {
  return reply.type(`${type}; charset=utf-8`).send(text);
}
