/**
 * The privacy grid: homes and private groups' points are published snapped to cells of about
 * 500 m. Distances are checked with GeographicLib on the WGS84 spheroid, independently of the
 * spherical constants the grid is built from.
 */
import { describe, expect, it } from 'vitest';
import { coarsen, COARSEN_METERS } from '../../server/src/geo/coarsen.js';
import { geodesicDistance } from '../helpers/geo.js';

/** The farthest a point can be from its cell's centre: half the cell's diagonal, with slack for the spheroid. */
const MAX_SHIFT_METERS = (COARSEN_METERS / Math.SQRT2) * 1.01;

/** Deterministic pseudo-random numbers in [0, 1), so a failure can be repeated. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function points(count: number, seed: number, lat: [number, number] = [-90, 90], lng: [number, number] = [-180, 180]) {
  const next = random(seed);
  return Array.from({ length: count }, () => ({
    lat: lat[0] + next() * (lat[1] - lat[0]),
    lng: lng[0] + next() * (lng[1] - lng[0]),
  }));
}

describe('coarsen', () => {
  it('moves a point by at most half a cell’s diagonal, anywhere on Earth', () => {
    for (const point of [...points(2000, 1), ...points(500, 2, [84, 90]), ...points(500, 3, [-90, -84])]) {
      const published = coarsen(point);
      expect(geodesicDistance(point, published), JSON.stringify(point)).toBeLessThanOrEqual(MAX_SHIFT_METERS);
    }
  });

  it('publishes every point of a neighbourhood at one of a few cell points', () => {
    const kreuzberg = { lat: 52.4986, lng: 13.4213 };
    const published = new Set<string>();
    // A 1 km square, walked in 10 m steps: at most 3 × 3 cells.
    for (let north = 0; north <= 1000; north += 10) {
      for (let east = 0; east <= 1000; east += 10) {
        const point = coarsen({
          lat: kreuzberg.lat + north / 111_320,
          lng: kreuzberg.lng + east / (111_320 * Math.cos((kreuzberg.lat * Math.PI) / 180)),
        });
        published.add(`${point.lat},${point.lng}`);
      }
    }
    expect(published.size).toBeGreaterThanOrEqual(4);
    expect(published.size).toBeLessThanOrEqual(9);
  });

  it('does not publish the exact point', () => {
    const home = { lat: 52.498612, lng: 13.421337 };
    expect(coarsen(home)).not.toEqual(home);
    expect(coarsen({ lat: home.lat + 0.0001, lng: home.lng - 0.0001 })).toEqual(coarsen(home));
  });

  it('spaces neighbouring cells about 500 m apart on the ground, east–west as north–south', () => {
    for (const lat of [0, 35, 52.5, 70, -60]) {
      const here = coarsen({ lat, lng: 10 });
      // The grid uses one length for a degree of latitude; on the spheroid it varies by under 2%.
      // Most of a cell's width beyond its point lies past its edge, inside the next cell.
      const north = coarsen({ lat: here.lat + (0.8 * COARSEN_METERS) / 111_320, lng: here.lng });
      const east = coarsen({
        lat: here.lat,
        lng: here.lng + (0.8 * COARSEN_METERS) / (111_320 * Math.cos((here.lat * Math.PI) / 180)),
      });
      for (const [name, neighbour] of [
        ['north', north],
        ['east', east],
      ] as const) {
        expect(neighbour, `${name} at ${lat}`).not.toEqual(here);
        expect(geodesicDistance(here, neighbour), `${name} at ${lat}`).toBeGreaterThan(COARSEN_METERS * 0.98);
        expect(geodesicDistance(here, neighbour), `${name} at ${lat}`).toBeLessThan(COARSEN_METERS * 1.02);
      }
    }
  });

  it('is idempotent away from the antimeridian: a published point publishes as itself', () => {
    for (const point of [...points(2000, 4, [-90, 90], [-179, 179]), ...points(500, 5, [85, 90], [-179, 179])]) {
      const once = coarsen(point);
      expect(coarsen(once), JSON.stringify(point)).toEqual(once);
    }
  });

  // Longitudes past ±180 are wrapped by adding or subtracting 360°, which does not land on the
  // grid: in rows whose last cell straddles the antimeridian, coarsening a published point again
  // moves it to another point (at lat 60, 180° publishes as −179.9972, which publishes as
  // −179.993818; near the poles the point flips between the two sides).
  it('is idempotent at the antimeridian too', () => {
    for (const point of [
      { lat: 60, lng: 180 },
      { lat: 80, lng: -179.9999 },
      { lat: 89.9, lng: 179.95 },
      { lat: -83.7282, lng: 179.9887 },
    ]) {
      const once = coarsen(point);
      expect(coarsen(once), JSON.stringify(point)).toEqual(once);
    }
  });

  it('keeps published longitudes within [−180, 180], and the two sides of the antimeridian together', () => {
    for (const lat of [0, 30, 60, 80, 89.9, -45, -89.9]) {
      for (const lng of [180, -180, 179.9999, -179.9999]) {
        const published = coarsen({ lat, lng });
        expect(Math.abs(published.lng), `${lat},${lng}`).toBeLessThanOrEqual(180);
        expect(geodesicDistance({ lat, lng }, published), `${lat},${lng}`).toBeLessThanOrEqual(MAX_SHIFT_METERS);
      }
      expect(geodesicDistance(coarsen({ lat, lng: 180 }), coarsen({ lat, lng: -180 }))).toBeLessThan(COARSEN_METERS);
    }
  });

  it('keeps latitudes within [−90, 90] at the poles', () => {
    expect(coarsen({ lat: 90, lng: 0 })).toEqual({ lat: 90, lng: 0 });
    expect(coarsen({ lat: -90, lng: 0 })).toEqual({ lat: -90, lng: 0 });
    for (const point of points(1000, 6, [89.99, 90])) {
      const published = coarsen(point);
      expect(published.lat).toBeLessThanOrEqual(90);
      expect(Number.isFinite(published.lng)).toBe(true);
    }
  });

  it('treats the southern and western hemispheres as mirror images of the others', () => {
    for (const { lat, lng } of points(2000, 7, [-89, 89], [-179, 179])) {
      const published = coarsen({ lat, lng });
      const mirrored = coarsen({ lat: -lat, lng: -lng });
      // Compared with === so that 0 and −0 count as the same coordinate.
      expect(mirrored.lat === -published.lat && mirrored.lng === -published.lng, `${lat},${lng}`).toBe(true);
    }
    const capeTown = coarsen({ lat: -33.9249, lng: 18.4241 });
    expect(capeTown.lat).toBeLessThan(0);
    expect(geodesicDistance(capeTown, { lat: -33.9249, lng: 18.4241 })).toBeLessThanOrEqual(MAX_SHIFT_METERS);
  });

  it('writes at most six decimals', () => {
    for (const point of points(500, 8)) {
      const published = coarsen(point);
      expect(Math.round(published.lat * 1e6) / 1e6).toBe(published.lat);
      expect(Math.round(published.lng * 1e6) / 1e6).toBe(published.lng);
    }
  });
});
