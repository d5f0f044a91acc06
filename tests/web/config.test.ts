/** The map settings asked for once per visit, their credits, and the last map view kept between visits. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clientConfig, GEONAMES_CREDIT, lastView, mapAttribution, rememberView } from '../../web/src/lib/config';
import { stubApi } from './helpers';

const CONFIG = {
  mapCenter: { lat: 52.4986, lng: 13.4213 },
  zoom: 14,
  tileUrl: 'https://tile.example.org/{z}/{x}/{y}.png',
  tileAttribution: '&copy; OpenStreetMap contributors',
  addressSearch: false,
};

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('clientConfig', () => {
  it('forgets a failed attempt, then asks once and shares the answer', async () => {
    let fail = true;
    const { requests } = stubApi((request) =>
      request.path === '/api/config'
        ? fail
          ? { status: 503, body: { error: { code: 'unavailable', message: 'Try again.' } } }
          : { body: CONFIG }
        : undefined,
    );
    await expect(clientConfig()).rejects.toThrow();
    fail = false;
    const [first, second] = await Promise.all([clientConfig(), clientConfig()]);
    expect(first).toEqual(CONFIG);
    expect(second).toBe(first);
    expect(await clientConfig()).toBe(first);
    expect(requests.map((request) => request.path)).toEqual(['/api/config', '/api/config']);
  });
});

describe('mapAttribution', () => {
  it('credits the tiles, and GeoNames where the town search is offered', () => {
    expect(mapAttribution(CONFIG, false)).toBe(CONFIG.tileAttribution);
    expect(mapAttribution(CONFIG, true)).toBe(`${CONFIG.tileAttribution} | ${GEONAMES_CREDIT}`);
    expect(mapAttribution({ ...CONFIG, tileAttribution: '' }, true)).toBe(GEONAMES_CREDIT);
  });
});

describe('rememberView and lastView', () => {
  it('gives back the view last remembered', () => {
    expect(lastView()).toBeNull();
    rememberView({ lat: -33.9, lng: 18.4, zoom: 12 });
    rememberView({ lat: 52.5, lng: 13.4, zoom: 15 });
    expect(lastView()).toEqual({ lat: 52.5, lng: 13.4, zoom: 15 });
  });

  it('defaults the zoom of a stored view that has none', () => {
    window.localStorage.setItem('vicinity.lastView', JSON.stringify({ lat: 1, lng: 2 }));
    expect(lastView()).toEqual({ lat: 1, lng: 2, zoom: 14 });
  });

  it('ignores a stored view that is not a place on Earth, or not JSON', () => {
    for (const stored of [
      '{"lat":91,"lng":0,"zoom":3}',
      '{"lat":0,"lng":-181,"zoom":3}',
      '{"lat":"52","lng":13,"zoom":3}',
      '{"lng":13}',
      'not json',
      'null',
    ]) {
      window.localStorage.setItem('vicinity.lastView', stored);
      expect(lastView(), stored).toBeNull();
    }
  });

  it('keeps working when storage refuses', () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const getItem = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    try {
      expect(() => rememberView({ lat: 1, lng: 2, zoom: 3 })).not.toThrow();
      expect(lastView()).toBeNull();
    } finally {
      setItem.mockRestore();
      getItem.mockRestore();
    }
  });
});
