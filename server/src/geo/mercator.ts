/**
 * Web Mercator (EPSG:3857) maths for clustering map viewports: the grid a person sees on the
 * screen is square in Mercator metres, not in degrees.
 */
export const EARTH_RADIUS = 6_378_137;
export const MAX_MERCATOR_LAT = 85.05112878;
/** Metres per screen pixel at zoom 0 for 256-pixel tiles. */
export const METERS_PER_PIXEL_Z0 = (2 * Math.PI * EARTH_RADIUS) / 256;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;

export function mercatorX(lng: number): number {
  return toRadians(lng) * EARTH_RADIUS;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  return EARTH_RADIUS * Math.log(Math.tan(Math.PI / 4 + toRadians(clamped) / 2));
}

export function lngFromMercator(x: number): number {
  const lng = toDegrees(x / EARTH_RADIUS);
  // Points east of the antimeridian were shifted by 360° to keep the grid continuous.
  return lng > 180 ? lng - 360 : lng;
}

export function latFromMercator(y: number): number {
  return toDegrees(2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2);
}
