/** Geodesic reference values from an independent implementation (GeographicLib). */
import * as geodesicModule from 'geographiclib-geodesic';
import type { LatLng } from '../../server/src/geo/point.js';

export type { LatLng };

// The package is a CommonJS bundle: under Node's ESM loader its exports sit on `default`.
const { Geodesic } = (geodesicModule as unknown as { default?: typeof geodesicModule }).default ?? geodesicModule;

export function geodesicDistance(a: LatLng, b: LatLng): number {
  return Geodesic.WGS84.Inverse(a.lat, a.lng, b.lat, b.lng).s12!;
}

/** The point `distance` metres from `from` along `azimuth` degrees (0 = north). */
export function destination(from: LatLng, azimuth: number, distance: number): LatLng {
  const result = Geodesic.WGS84.Direct(from.lat, from.lng, azimuth, distance);
  return { lat: result.lat2!, lng: result.lon2! };
}
