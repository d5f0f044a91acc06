/**
 * The Web Mercator square as map tiles see it: u (west → east) and v (north → south) in [0, 1).
 * Map clusters are cells of a quadtree over this square, so a cell is the same number of screen
 * pixels wide wherever it is.
 */
export const MAX_MERCATOR_LAT = 85.05112878;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
const toDegrees = (radians: number) => (radians * 180) / Math.PI;
const BELOW_ONE = 0.999999999999;

export function uOf(lng: number): number {
  return Math.min(BELOW_ONE, Math.max(0, (lng + 180) / 360));
}

export function vOf(lat: number): number {
  const phi = toRadians(Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat)));
  return Math.min(BELOW_ONE, Math.max(0, (1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2));
}

export function lngOfU(u: number): number {
  return u * 360 - 180;
}

export function latOfV(v: number): number {
  return toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * v))));
}
