/**
 * A page of the radius query as the API answers it: validated parameters in, the page's GeoJSON
 * features (as text, made by the database) and the next page's cursor out. Routes send it.
 */
import { invalidField } from '../plugins/errors.js';
import type { SignedCodec } from '../plugins/signed-values.js';
import { ITEM_KINDS, type ItemKind } from '../geo/schemas.js';
import { filtersSet, parseItemFilter } from './item-filter.js';
import type { ItemRegistry } from './registry.js';
import { radiusPositionGuard, type RadiusAsk, type RadiusPageJson, type RadiusPageShape } from './radius-query.js';
import type { Batcher } from '../db/batcher.js';

/** Runs radius page statements, several pages to a statement (radius-batcher.ts). */
export type RadiusPageBatcher = Batcher<{ shape: RadiusPageShape; ask: RadiusAsk }, RadiusPageJson>;

export interface RadiusPageRequest {
  lat: number;
  lng: number;
  radius: number;
  limit: number;
  cursor?: string;
  needsPlayers?: boolean;
  thisWeek?: boolean;
  placeKinds?: string;
}

export interface RadiusPage {
  /** The page's features as a JSON array, in order. */
  featuresJson: string;
  nextCursor: string | null;
}

/** Parses `kinds=place,group`; unknown names are a 400 naming the parameter. */
export function parseKinds(registry: ItemRegistry, raw: string | undefined): ItemKind[] {
  if (raw === undefined || raw.trim() === '') return registry.kinds();
  const kinds = [...new Set(raw.split(',').map((kind) => kind.trim()))];
  const unknown = kinds.filter((kind) => !(ITEM_KINDS as readonly string[]).includes(kind));
  if (unknown.length > 0) {
    throw invalidField('kinds', `has unknown kind "${unknown[0]}"; use any of ${ITEM_KINDS.join(', ')}`);
  }
  return kinds as ItemKind[];
}

export async function radiusPage(
  deps: {
    registry: ItemRegistry;
    batcher: RadiusPageBatcher;
    cursors: SignedCodec;
  },
  request: RadiusPageRequest,
  kinds: ItemKind[],
  viewerId: number | null,
): Promise<RadiusPage> {
  const filter = parseItemFilter(request);
  const after = request.cursor ? deps.cursors.decode(request.cursor, radiusPositionGuard(deps.registry)) : null;
  const shape: RadiusPageShape = {
    kinds,
    limit: request.limit,
    after,
    // Left out when empty, so an unfiltered page batches with the others (the shape is the key).
    ...(filtersSet(filter).length > 0 ? { filter } : {}),
  };
  const ask = { point: { lat: request.lat, lng: request.lng }, radius: request.radius, viewerId };
  const page = await deps.batcher.load(JSON.stringify(shape), { shape, ask });
  return { featuresJson: page.features, nextCursor: page.more && page.last ? deps.cursors.encode(page.last) : null };
}

/** The NearbyCollection answer as text: the features are sent on unparsed. */
export function featureCollectionJson(page: RadiusPage): string {
  return `{"type":"FeatureCollection","features":${page.featuresJson},"nextCursor":${JSON.stringify(page.nextCursor)}}`;
}
