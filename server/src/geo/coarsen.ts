/**
 * Privacy: a person's home (and a private group's meeting point) is only ever shown snapped to
 * a grid of about 500 m, so the published point says "this neighbourhood", not "this door".
 */
import type { LatLng } from './point.js';

export const COARSEN_METERS = 500;
const METERS_PER_DEGREE_LAT = 111_320;

function snap(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export function coarsen({ lat, lng }: LatLng): LatLng {
  const latStep = COARSEN_METERS / METERS_PER_DEGREE_LAT;
  const snappedLat = Math.max(-90, Math.min(90, snap(lat, latStep)));
  // Longitude cells are widened by latitude so they stay ~500 m wide on the ground; the cell
  // width is picked from the snapped latitude so every point in a row uses the same grid, and
  // divides 360° exactly, so the row's grid continues across the antimeridian and a point wrapped
  // round it is still on the grid (coarsening a published point leaves it where it is).
  const cosLat = Math.max(Math.cos((snappedLat * Math.PI) / 180), 0.01);
  const lngStep = 360 / Math.max(1, Math.round((360 * cosLat) / latStep));
  let snappedLng = snap(lng, lngStep);
  if (snappedLng > 180) snappedLng -= 360;
  if (snappedLng < -180) snappedLng += 360;
  return { lat: round6(snappedLat), lng: round6(snappedLng) };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
