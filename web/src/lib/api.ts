/**
 * The typed client for the Vicinity API: the only module in the web app that calls `fetch`.
 * Every failure comes back as an ApiError carrying the server's `{error:{code,message,details}}`,
 * so pages can show the server's own sentence and point at the field it names.
 */

export type ItemKind = 'place' | 'group' | 'event' | 'post';
export const ITEM_KINDS: readonly ItemKind[] = ['place', 'group', 'event', 'post'];

export interface LatLng {
  lat: number;
  lng: number;
}

/** West, south, east, north in degrees, the order of the `bbox` query parameter. */
export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export interface PointGeometry {
  type: 'Point';
  /** GeoJSON order: longitude first. */
  coordinates: [number, number];
}

export interface Feature<P> {
  type: 'Feature';
  id?: string | number;
  geometry: PointGeometry;
  properties: P;
}

export interface FeatureCollection<P> {
  type: 'FeatureCollection';
  features: Feature<P>[];
}

export interface ItemProperties {
  kind: ItemKind;
  id: number;
  name: string;
  /** Places only: cafe, game_store, library, bar, community_centre, park… */
  placeKind?: string;
  /** Events only: ISO 8601 start time. */
  startsAt?: string;
}

export interface ClusterProperties {
  cluster: true;
  count: number;
  counts: Partial<Record<ItemKind, number>>;
  /** The zoom at which this cluster falls apart into smaller ones or items. */
  expansionZoom: number;
}

export type ItemFeature = Feature<ItemProperties>;
export type ClusterFeature = Feature<ClusterProperties>;
export type MapFeature = ItemFeature | ClusterFeature;

export interface NearbyProperties extends ItemProperties {
  distanceMeters: number;
}

export interface NearbyPage extends FeatureCollection<NearbyProperties> {
  nextCursor: string | null;
}

export interface ClientConfig {
  mapCenter: LatLng;
  zoom: number;
  /** Leaflet URL template, e.g. https://tile.example.org/{z}/{x}/{y}.png */
  tileUrl: string;
  /** HTML set by the operator; shown in the map's attribution control. */
  tileAttribution: string;
}

export interface GeocodeResult {
  name: string;
  country: string;
  lat: number;
  lng: number;
  population: number;
}

export interface FieldIssue {
  field: string;
  in: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The issue the server reported for one field, if any. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((issue) => issue.field === field)?.message;
  }
}

export function isClusterFeature(feature: MapFeature): feature is ClusterFeature {
  return 'cluster' in feature.properties && feature.properties.cluster === true;
}

/** True for the rejection a superseded request gets; callers drop it silently. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, in: where, message } = entry as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return [{ field, in: typeof where === 'string' ? where : '', message }];
  });
}

/** Builds an ApiError from a failed response, whatever its body turned out to be. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Proxies and crashed servers answer with HTML or nothing: fall back to the status below.
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      return new ApiError(response.status, code, message, fieldIssues(details));
    }
  }
  const reason = response.statusText ? ` (${response.statusText})` : '';
  return new ApiError(response.status, 'http_error', `The server answered ${response.status}${reason}.`);
}

type QueryValue = string | number | undefined;

function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the Vicinity server. Check your connection and try again.');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return (await response.json()) as T;
}

/** Coordinates in query strings: six decimals is ~10 cm, plenty, and keeps URLs short. */
function coordinate(value: number): string {
  return value.toFixed(6).replace(/\.?0+$/, '');
}

export function getConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return getJson('/api/config', signal);
}

export interface MapQuery {
  bbox: Bbox;
  zoom: number;
  kinds?: readonly ItemKind[];
}

export function getMap({ bbox, zoom, kinds = ITEM_KINDS }: MapQuery, signal?: AbortSignal) {
  const url = withQuery('/api/map', {
    bbox: bbox.map(coordinate).join(','),
    zoom: Math.round(zoom),
    kinds: kinds.join(','),
  });
  return getJson<{ type: 'FeatureCollection'; features: MapFeature[] }>(url, signal);
}

export interface NearbyQuery {
  center: LatLng;
  radiusMeters: number;
  kinds?: readonly ItemKind[];
  limit?: number;
  cursor?: string | null;
}

export function getNearby({ center, radiusMeters, kinds, limit, cursor }: NearbyQuery, signal?: AbortSignal) {
  const url = withQuery('/api/nearby', {
    lat: coordinate(center.lat),
    lng: coordinate(center.lng),
    radius: Math.round(radiusMeters),
    kinds: kinds?.join(','),
    limit,
    cursor: cursor ?? undefined,
  });
  return getJson<NearbyPage>(url, signal);
}

export async function geocode(q: string, limit = 8, signal?: AbortSignal): Promise<GeocodeResult[]> {
  const { results } = await getJson<{ results: GeocodeResult[] }>(withQuery('/api/geocode', { q, limit }), signal);
  return results;
}
