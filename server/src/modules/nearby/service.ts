/** Turns validated query parameters into a page of GeoJSON features with its next cursor. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { invalidField } from '../../plugins/errors.js';
import { ITEM_KINDS, type ItemKind } from '../../geo/schemas.js';
import { isNearbyPosition, type NearbyShape } from './queries.js';
import { availableKinds } from './sources.js';
import type { RadiusQuery } from './schemas.js';

/** Parses `kinds=place,group`; unknown names are a 400 naming the parameter. */
export function parseKinds(raw: string | undefined): ItemKind[] {
  if (raw === undefined || raw.trim() === '') return availableKinds();
  const kinds = [...new Set(raw.split(',').map((kind) => kind.trim()))];
  const unknown = kinds.filter((kind) => !(ITEM_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) {
    throw invalidField('kinds', `has unknown kind "${unknown[0]}"; use any of ${ITEM_KINDS.join(', ')}`);
  }
  return kinds as ItemKind[];
}

/**
 * Answers a page of the radius query as a GeoJSON FeatureCollection (the NearbyCollection
 * schema). The features arrive as JSON text from the database and are sent on unparsed.
 */
export async function nearbyPage(
  app: FastifyInstance,
  reply: FastifyReply,
  query: RadiusQuery,
  kinds: ItemKind[],
  viewerId: number | null,
) {
  const after = query.cursor ? app.cursors.decode(query.cursor, isNearbyPosition) : null;
  const shape: NearbyShape = { kinds, limit: query.limit, after };
  const ask = { point: { lat: query.lat, lng: query.lng }, radius: query.radius, viewerId };
  const page = await app.nearbyPages.load(JSON.stringify(shape), { shape, ask });
  const nextCursor = page.more && page.last ? app.cursors.encode(page.last) : null;
  return reply
    .type('application/json; charset=utf-8')
    .send(`{"type":"FeatureCollection","features":${page.features},"nextCursor":${JSON.stringify(nextCursor)}}`);
}
