import { describe, expect, it } from 'vitest';
import { uOf, vOf } from '../../server/src/geo/mercator.js';
import {
  centreOf,
  groupOverlapping,
  LAST_SPLIT_ZOOM,
  OVERLAP_PIXELS,
  splitZoom,
} from '../../server/src/modules/map/overlap.js';

const at = (lng: number, lat: number) => ({ u: uOf(lng), v: vOf(lat) });
/** The east-west distance of `pixels` at `zoom`, in u. */
const pixels = (count: number, zoom: number) => count / (256 * 2 ** zoom);

describe('groupOverlapping', () => {
  it('groups points closer than the overlap distance and leaves the rest alone', () => {
    const zoom = 10;
    const base = at(13.4, 52.5);
    const points = [
      base,
      { u: base.u + pixels(OVERLAP_PIXELS - 2, zoom), v: base.v },
      { u: base.u + pixels(OVERLAP_PIXELS * 3, zoom), v: base.v },
    ];
    expect(groupOverlapping(points, zoom)).toEqual([[0, 1], [2]]);
    expect(groupOverlapping(points, zoom + 1)).toEqual([[0], [1], [2]]);
  });

  it('merges groups whose centres end up near each other', () => {
    const zoom = 12;
    const step = pixels(OVERLAP_PIXELS * 0.8, zoom);
    const chain = [0, 1, 2, 3].map((i) => ({ u: 0.5 + i * step, v: 0.5 }));
    const groups = groupOverlapping(chain, zoom);
    for (const [i, a] of groups.entries()) {
      for (const b of groups.slice(i + 1)) {
        const ca = centreOf(a.map((k) => chain[k]!));
        const cb = centreOf(b.map((k) => chain[k]!));
        expect(Math.abs(ca.u - cb.u)).toBeGreaterThanOrEqual(pixels(OVERLAP_PIXELS, zoom));
      }
    }
  });

  it('groups across the antimeridian, centred on it', () => {
    const points = [at(179.999, -17), at(-179.999, -17)];
    expect(groupOverlapping(points, 8)).toEqual([[0, 1]]);
    const centre = centreOf(points);
    expect(Math.min(centre.u, 1 - centre.u)).toBeLessThan(1e-5);
  });
});

describe('splitZoom', () => {
  it('is the first zoom at which the group falls apart, or null when none by the last', () => {
    const zoom = 9;
    const points = [at(13.4, 52.5), at(13.41, 52.5)];
    const split = splitZoom(points, zoom)!;
    expect(groupOverlapping(points, split - 1)).toHaveLength(1);
    expect(groupOverlapping(points, split)).toHaveLength(2);
    expect(splitZoom([at(13.4, 52.5), at(13.4, 52.5)], zoom)).toBeNull();
    expect(splitZoom(points, LAST_SPLIT_ZOOM)).toBeNull();
  });
});
