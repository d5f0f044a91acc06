/** Geometry the pages need that is not drawing: radius outlines and query-safe boxes. */
import { circle } from '@turf/turf';
import type { Bbox, LatLng } from './api/map';
import { currentDistanceUnits, METERS_PER_MILE } from './format';

/** Where the map is looking, as reported after every move. */
export interface MapViewState {
  center: LatLng;
  zoom: number;
  bbox: Bbox;
}

export const RADIUS_CHOICES_METERS = [500, 1000, 2000, 5000, 10_000, 25_000] as const;

/** Round numbers of miles, in whole metres (what the API and the address take). */
export const RADIUS_CHOICES_MILES = [0.25, 0.5, 1, 2, 5, 15].map((miles) => Math.round(miles * METERS_PER_MILE));

/** The radii to offer, round numbers in the reader's units. */
export function radiusChoices(): readonly number[] {
  return currentDistanceUnits() === 'imperial' ? RADIUS_CHOICES_MILES : RADIUS_CHOICES_METERS;
}

/**
 * The ring of points `meters` from `center` (geodesic, so it matches the server's distances),
 * as [lat, lng] pairs ready for the map.
 */
export function radiusOutline(center: LatLng, meters: number, steps = 72): Array<[number, number]> {
  const polygon = circle([center.lng, center.lat], meters / 1000, { steps, units: 'kilometers' });
  const ring = polygon.geometry.coordinates[0] ?? [];
  return ring.map(([lng, lat]) => [lat ?? 0, lng ?? 0]);
}

/** Any longitude, e.g. from a map panned round the world, as the same meridian within ±180. */
export function wrapLng(lng: number): number {
  if (lng >= -180 && lng <= 180) return lng;
  return ((((lng + 180) % 360) + 360) % 360) - 180;
}

/**
 * Turns a visible area into the API's bbox. Leaflet reports longitudes past ±180 once the map
 * is panned across the antimeridian; wrapped, west > east, which the API reads as a box
 * crossing it. Zoomed out to more than the whole world, the box is the whole world.
 */
export function viewBbox([west, south, east, north]: Bbox): Bbox {
  const lat = (value: number) => Math.min(90, Math.max(-90, value));
  if (east - west >= 360) return [-180, lat(south), 180, lat(north)];
  return [wrapLng(west), lat(south), wrapLng(east), lat(north)];
}

/** Parses `?lat=&lng=&z=` so a shared link opens the same view; anything invalid is ignored. */
export function viewFromQuery(search: string, maxZoom: number): { center: LatLng; zoom: number } | null {
  const params = new URLSearchParams(search);
  const read = (name: string) => {
    const raw = params.get(name);
    return raw === null || raw.trim() === '' ? NaN : Number(raw);
  };
  const lat = read('lat');
  const lng = read('lng');
  const zoom = read('z');
  if (!Number.isFinite(lat) || Math.abs(lat) > 90) return null;
  if (!Number.isFinite(lng) || Math.abs(lng) > 180) return null;
  if (!Number.isInteger(zoom) || zoom < 1 || zoom > maxZoom) return null;
  return { center: { lat, lng }, zoom };
}

export function viewToQuery(center: LatLng, zoom: number): Record<string, string> {
  return { lat: center.lat.toFixed(5), lng: center.lng.toFixed(5), z: String(Math.round(zoom)) };
}
