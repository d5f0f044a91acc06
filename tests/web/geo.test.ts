import { describe, expect, it } from 'vitest';
import { radiusOutline, viewBbox, viewFromQuery, viewToQuery, wrapLng } from '../../web/src/lib/geo';

/** Great-circle distance on the sphere Turf uses (mean Earth radius). */
function haversine(a: [number, number], b: [number, number]): number {
  const rad = Math.PI / 180;
  const [lat1, lng1] = a;
  const [lat2, lng2] = b;
  const h =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

describe('radiusOutline', () => {
  it('puts every point of the ring at the radius from the centre', () => {
    const center = { lat: 52.4986, lng: 13.4213 };
    const ring = radiusOutline(center, 2000, 36);
    expect(ring).toHaveLength(37);
    for (const point of ring) {
      expect(haversine([center.lat, center.lng], point)).toBeCloseTo(2000, 0);
    }
  });

  it('gives [lat, lng] pairs and closes the ring', () => {
    const ring = radiusOutline({ lat: 10, lng: 100 }, 500);
    expect(ring[0]?.[0]).toBeCloseTo(10.0045, 3);
    expect(ring[0]?.[1]).toBeCloseTo(100, 6);
    expect(ring.at(-1)).toEqual(ring[0]);
  });
});

describe('viewBbox', () => {
  it('keeps an ordinary view as it is', () => {
    expect(viewBbox([13.3, 52.4, 13.5, 52.6])).toEqual([13.3, 52.4, 13.5, 52.6]);
  });

  it('wraps a view panned across the antimeridian so west > east', () => {
    expect(viewBbox([170, -10, 190, 10])).toEqual([170, -10, -170, 10]);
  });

  it('covers the whole world when zoomed out past it, and clamps latitudes', () => {
    expect(viewBbox([-300, -95, 300, 95])).toEqual([-180, -90, 180, 90]);
  });

  it('wraps longitudes into [-180, 180]', () => {
    expect(wrapLng(180)).toBe(180);
    expect(wrapLng(-180)).toBe(-180);
    expect(wrapLng(190)).toBe(-170);
    expect(wrapLng(-370)).toBe(-10);
  });
});

describe('view in the query string', () => {
  it('round-trips a view', () => {
    const query = new URLSearchParams(viewToQuery({ lat: 53.55073, lng: 9.99302 }, 12)).toString();
    expect(viewFromQuery(`?${query}`, 19)).toEqual({ center: { lat: 53.55073, lng: 9.99302 }, zoom: 12 });
  });

  it.each([
    '',
    '?lat=52&lng=13',
    '?lat=&lng=13&z=12',
    '?lat=91&lng=13&z=12',
    '?lat=52&lng=13&z=25',
    '?lat=52&lng=x&z=3',
  ])('ignores %j', (search) => {
    expect(viewFromQuery(search, 19)).toBeNull();
  });
});
