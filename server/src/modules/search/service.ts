/** Finding places, groups, meetups and posts by their words, near a point first. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import type { ItemRegistry } from '../../items/registry.js';
import { invalidField } from '../../plugins/errors.js';
import { searchItems, type SearchRow } from './queries.js';
import type { SearchQuery } from './schemas.js';

export const SEARCH_FORMULA = 'textScore / (1 + km)';

function distanceWords(meters: number): string {
  if (meters < 1000) return `${Math.max(10, Math.round(meters / 10) * 10)} m away`;
  return `${(meters / 1000).toFixed(meters < 10_000 ? 1 : 0)} km away`;
}

/** "Name matches · 1.2 km away": what ordered the result, for people. */
export function explain(row: Pick<SearchRow, 'name_matches' | 'distance'>): string {
  return `${row.name_matches ? 'Name matches' : 'Description matches'} · ${distanceWords(row.distance)}`;
}

export async function search(
  db: Kysely<Database>,
  registry: ItemRegistry,
  query: SearchQuery,
  kinds: ItemKind[],
  viewerId: number | null,
) {
  const q = query.q.trim();
  if (q.length === 0) throw invalidField('q', 'must contain a word to search for');
  const rows = await searchItems(db, registry, {
    q,
    point: { lat: query.lat, lng: query.lng },
    radius: query.radius,
    kinds,
    limit: query.limit,
    viewerId,
  });
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((row) => ({
      type: 'Feature' as const,
      id: `${row.kind}:${row.id}`,
      geometry: { type: 'Point' as const, coordinates: [row.lng, row.lat] as [number, number] },
      properties: {
        ...row.props,
        kind: row.kind,
        itemId: row.id,
        name: row.name,
        distanceMeters: row.distance,
        ranking: {
          why: explain(row),
          score: row.score,
          textScore: row.text_score,
          nameMatches: row.name_matches,
          formula: SEARCH_FORMULA,
        },
      },
    })),
  };
}
