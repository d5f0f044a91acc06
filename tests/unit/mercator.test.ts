/**
 * The Web Mercator square the map's cluster cells are cut from: u and v in [0, 1), the inverse
 * functions, and the clamping that keeps every point inside the square.
 */
import { describe, expect, it } from 'vitest';
import { latOfV, lngOfU, MAX_MERCATOR_LAT, uOf, vOf } from '../../server/src/geo/mercator.js';

/** v from the textbook form y = ln(tan(π/4 + φ/2)), independent of the one under test. */
const referenceV = (lat: number) => 0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

describe('uOf and lngOfU', () => {
  it('maps longitudes linearly, from 0 at −180° to just below 1 at 180°', () => {
    expect(uOf(-180)).toBe(0);
    expect(uOf(0)).toBe(0.5);
    expect(uOf(90)).toBe(0.75);
    expect(uOf(180)).toBeLessThan(1);
    expect(uOf(180)).toBeGreaterThan(1 - 1e-9);
  });

  it('keeps the eastern edge in the last cell of every level a map uses', () => {
    for (let level = 0; level <= 30; level++) {
      expect(Math.floor(uOf(180) * 2 ** level), `level ${level}`).toBe(2 ** level - 1);
    }
  });

  it('clamps longitudes outside [−180, 180] into the square', () => {
    expect(uOf(-200)).toBe(0);
    expect(uOf(540)).toBe(uOf(180));
  });

  it('is inverted by lngOfU', () => {
    for (let lng = -179.5; lng < 180; lng += 7.25) expect(lngOfU(uOf(lng))).toBeCloseTo(lng, 9);
    expect(lngOfU(0)).toBe(-180);
    expect(lngOfU(1)).toBe(180);
  });
});

describe('vOf and latOfV', () => {
  it('puts the equator in the middle and north at the top', () => {
    expect(vOf(0)).toBe(0.5);
    expect(vOf(45)).toBeLessThan(0.5);
    expect(vOf(-45)).toBeGreaterThan(0.5);
  });

  it('agrees with the textbook projection', () => {
    for (let lat = -85; lat <= 85; lat += 2.5) expect(vOf(lat), `${lat}`).toBeCloseTo(referenceV(lat), 12);
  });

  it('makes the square square: the top and bottom edges are at ±85.0511°', () => {
    expect(vOf(MAX_MERCATOR_LAT)).toBeCloseTo(0, 9);
    expect(vOf(-MAX_MERCATOR_LAT)).toBeCloseTo(1, 9);
    expect(vOf(-MAX_MERCATOR_LAT)).toBeLessThan(1);
    expect(latOfV(0)).toBeCloseTo(MAX_MERCATOR_LAT, 6);
    expect(latOfV(1)).toBeCloseTo(-MAX_MERCATOR_LAT, 6);
  });

  it('clamps the poles and beyond onto the edges, never outside [0, 1)', () => {
    expect(vOf(90)).toBe(vOf(MAX_MERCATOR_LAT));
    expect(vOf(-90)).toBe(vOf(-MAX_MERCATOR_LAT));
    for (const lat of [90, -90, 1000, -1000]) {
      expect(vOf(lat)).toBeGreaterThanOrEqual(0);
      expect(vOf(lat)).toBeLessThan(1);
    }
    expect(Math.floor(vOf(-90) * 2 ** 20)).toBe(2 ** 20 - 1);
  });

  it('decreases as latitude grows', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let lat = -85; lat <= 85; lat += 0.5) {
      expect(vOf(lat)).toBeLessThan(previous);
      previous = vOf(lat);
    }
  });

  it('is inverted by latOfV inside the square', () => {
    for (let lat = -85; lat <= 85; lat += 3.7) expect(latOfV(vOf(lat))).toBeCloseTo(lat, 9);
  });

  it('is conformal: a degree north spans 1/cos(lat) times as much of the square as a degree east', () => {
    for (const lat of [0, 30, 60]) {
      const step = 1e-4;
      const north = vOf(lat) - vOf(lat + step);
      const east = uOf(step) - uOf(0);
      expect(north / east, `${lat}`).toBeCloseTo(1 / Math.cos((lat * Math.PI) / 180), 3);
    }
  });

  it('finds the map tile Berlin is drawn on', () => {
    const level = 10;
    expect([Math.floor(uOf(13.405) * 2 ** level), Math.floor(vOf(52.52) * 2 ** level)]).toEqual([550, 335]);
  });
});
