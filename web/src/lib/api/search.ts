/** Finding places, groups, meetups and posts by their words, nearest good matches first. */
import { coordinate, getJson, withQuery } from './http';
import type { LatLng } from './map';
import type { Answer, Query, Schema } from './types';

export type SearchResults = Answer<'/api/search'>;
export type SearchProperties = Schema<'SearchProperties'>;

export function searchItems(
  q: string,
  near: LatLng,
  { radiusMeters = 50_000, limit = 6 }: { radiusMeters?: number; limit?: number } = {},
  signal?: AbortSignal,
): Promise<SearchResults> {
  const url = withQuery<Query<'/api/search'>>('/api/search', {
    q,
    lat: coordinate(near.lat),
    lng: coordinate(near.lng),
    radius: Math.round(radiusMeters),
    limit,
  });
  return getJson(url, signal);
}
