/** Places to meet: cafés, game stores, libraries… */
import { coordinate, getJson, request, withQuery } from './http';
import type { LatLng, NearbyCollection } from './map';
import type { Query, RequestBody, Schema } from './types';

export type Place = Schema<'Place'>;
export type PlaceKind = Place['kind'];

/** Every place kind once, in the order menus list them: a Record, so tsc fails when the API's kinds change. */
const KINDS: Record<PlaceKind, true> = {
  cafe: true,
  game_store: true,
  library: true,
  bar: true,
  community_centre: true,
  park: true,
  other: true,
};
export const PLACE_KINDS = Object.keys(KINDS) as readonly PlaceKind[];

export function getPlace(id: number, signal?: AbortSignal): Promise<Place> {
  return getJson(`/api/places/${id}`, signal);
}

export function getPlacesNear(
  { center, radiusMeters, limit = 50 }: { center: LatLng; radiusMeters: number; limit?: number },
  signal?: AbortSignal,
): Promise<NearbyCollection> {
  const url = withQuery<Query<'/api/places'>>('/api/places', {
    lat: coordinate(center.lat),
    lng: coordinate(center.lng),
    radius: Math.round(radiusMeters),
    limit,
  });
  return getJson(url, signal);
}

/** Makes these photos the place's, in order (the first is its cover); for whoever added it. */
export function setPlacePhotos(id: number, mediaIds: number[]): Promise<Place> {
  const body: RequestBody<'/api/places/{id}', 'patch'> = { mediaIds };
  return request('PATCH', `/api/places/${id}`, { body });
}

export type NewPlace = RequestBody<'/api/places', 'post'>;
export type PlaceChanges = RequestBody<'/api/places/{id}', 'patch'>;

export function createPlace(place: NewPlace): Promise<Place> {
  return request('POST', '/api/places', { body: place });
}

/** Changes a place; for the person who added it. */
export function updatePlace(id: number, changes: PlaceChanges): Promise<Place> {
  return request('PATCH', `/api/places/${id}`, { body: changes });
}
