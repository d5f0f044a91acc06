/** What the map shows: items and clusters in a viewport, items within a radius, town search. */
import { coordinate, getJson, withQuery } from './http';
import type { Answer, Query, RequestBody, Schema } from './types';

/** A point as the API takes it (`{lat, lng}` in degrees). */
export type LatLng = NonNullable<RequestBody<'/api/posts', 'post'>['location']>;

/** West, south, east, north in degrees, the order of the `bbox` query parameter. */
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export type ItemKind = Schema<'MapItemProperties'>['kind'];

/** Every kind once, in the order the legend lists them: a Record, so tsc fails when the API's kinds change. */
const KINDS: Record<ItemKind, true> = { place: true, group: true, event: true, post: true };
export const ITEM_KINDS = Object.keys(KINDS) as readonly ItemKind[];

/**
 * One item on the map. What its kind adds (a place's `placeKind`, a meetup's `startsAt`…) comes
 * as further properties of unknown type: check them before use.
 */
export type ItemProperties = Schema<'MapItemProperties'>;
export type ClusterProperties = Schema<'MapClusterProperties'>;

type MapFeatureOf<Properties> = Omit<Schema<'MapFeature'>, 'properties'> & { properties: Properties };
export type ItemFeature = MapFeatureOf<ItemProperties>;
export type ClusterFeature = MapFeatureOf<ClusterProperties>;
/** A feature of /api/map: one item, or a cluster of them. */
export type MapFeature = ItemFeature | ClusterFeature;
export type MapCollection = Omit<Answer<'/api/map'>, 'features'> & { features: MapFeature[] };

/** Whether a feature is a cluster: its `kind` says so, which narrows its properties without a cast. */
export function isClusterFeature(feature: MapFeature): feature is ClusterFeature {
  return feature.properties.kind === 'cluster';
}

export type NearbyProperties = Schema<'NearbyProperties'>;
export type NearbyFeature = Schema<'NearbyFeature'>;
export type NearbyCollection = Schema<'NearbyCollection'>;

export type GeocodeResult = Schema<'GeocodeAnswer'>['results'][number];

/** Filters /api/map and /api/nearby share; each keeps only the kinds it applies to. */
export interface ItemFilter {
  placeKinds?: readonly Schema<'Place'>['kind'][];
  thisWeek?: boolean;
  needsPlayers?: boolean;
}

/** The filter as query parameters, leaving out what is not set. */
function filterQuery({ placeKinds, thisWeek, needsPlayers }: ItemFilter = {}) {
  return {
    placeKinds: placeKinds && placeKinds.length > 0 ? placeKinds.join(',') : undefined,
    thisWeek: thisWeek || undefined,
    needsPlayers: needsPlayers || undefined,
  };
}

export interface MapQuery {
  bbox: Bbox;
  zoom: number;
  kinds?: readonly ItemKind[];
  filter?: ItemFilter;
}

export function getMap(
  { bbox, zoom, kinds = ITEM_KINDS, filter }: MapQuery,
  signal?: AbortSignal,
): Promise<MapCollection> {
  const url = withQuery<Query<'/api/map'>>('/api/map', {
    bbox: bbox.map(coordinate).join(','),
    zoom: Math.round(zoom),
    kinds: kinds.join(','),
    ...filterQuery(filter),
  });
  return getJson(url, signal);
}

export interface NearbyQuery {
  center: LatLng;
  radiusMeters: number;
  kinds?: readonly ItemKind[];
  filter?: ItemFilter;
  limit?: number;
  cursor?: string | null;
}

export function getNearby(
  { center, radiusMeters, kinds, filter, limit, cursor }: NearbyQuery,
  signal?: AbortSignal,
): Promise<NearbyCollection> {
  const url = withQuery<Query<'/api/nearby'>>('/api/nearby', {
    lat: coordinate(center.lat),
    lng: coordinate(center.lng),
    radius: Math.round(radiusMeters),
    kinds: kinds?.join(','),
    ...filterQuery(filter),
    limit,
    cursor: cursor ?? undefined,
  });
  return getJson(url, signal);
}

export type GeocodeAnswer = Schema<'GeocodeAnswer'>;

export interface GeocodeOptions {
  limit?: number;
  /** The map's centre, which a geocoder favours. */
  near?: LatLng | null;
  /** `gazetteer`: towns only, offline (what to ask while someone types). */
  source?: Query<'/api/geocode'>['source'];
}

/** Towns, and with the server's geocoder streets and addresses, with the credit to show beside them. */
export function geocode(
  q: string,
  { limit = 8, near = null, source }: GeocodeOptions = {},
  signal?: AbortSignal,
): Promise<GeocodeAnswer> {
  const url = withQuery<Query<'/api/geocode'>>('/api/geocode', {
    q,
    limit,
    lat: near ? coordinate(near.lat) : undefined,
    lng: near ? coordinate(near.lng) : undefined,
    source,
  });
  return getJson<GeocodeAnswer>(url, signal);
}
