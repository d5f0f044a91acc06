/** Turns validated query parameters into a page of GeoJSON features with its next cursor. */
import type { FastifyInstance } from 'fastify';
import { invalidField } from '../../plugins/errors.js';
import { ITEM_KINDS, type ItemKind } from '../../geo/schemas.js';
import { findNearby, isNearbyPosition, toFeature } from './queries.js';
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

export async function nearbyPage(app: FastifyInstance, query: RadiusQuery, kinds: ItemKind[], viewerId: number | null) {
  const after = query.cursor ? app.cursors.decode(query.cursor, isNearbyPosition) : null;
  const { rows, more } = await findNearby(app.db, {
    point: { lat: query.lat, lng: query.lng },
    radius: query.radius,
    kinds,
    limit: query.limit,
    after,
    viewerId,
  });
  const last = rows.at(-1);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map(toFeature),
    nextCursor: more && last ? app.cursors.encode({ d: last.distance, k: last.kind, i: last.id }) : null,
  };
}
