/** The feed: posts and upcoming meetups near a point, ranked, each with why it is there. */
import { coordinate, getJson, withQuery } from './http';
import type { LatLng } from './map';
import type { Query, Schema } from './types';

export type FeedPage = Schema<'FeedAnswer'>;
export type FeedItem = Schema<'FeedItem'>;
export type FeedMode = FeedPage['mode'];

export interface FeedQuery {
  /** Left out: the signed-in person's home location is used. */
  center?: LatLng | null;
  radiusMeters: number;
  mode: FeedMode;
  page: number;
  asOf?: string | null;
}

export function getFeed(
  { center, radiusMeters, mode, page, asOf }: FeedQuery,
  signal?: AbortSignal,
): Promise<FeedPage> {
  const url = withQuery<Query<'/api/feed'>>('/api/feed', {
    lat: center ? coordinate(center.lat) : undefined,
    lng: center ? coordinate(center.lng) : undefined,
    radius: Math.round(radiusMeters),
    mode,
    page,
    asOf: asOf ?? undefined,
  });
  return getJson(url, signal);
}
