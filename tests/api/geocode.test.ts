import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

async function geocode(q: string, limit?: number) {
  const response = await t.app.inject(`/api/geocode?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().results as { name: string; country: string; lat: number; lng: number; population: number }[];
}

describe('GET /api/geocode', () => {
  it('finds cities by name prefix, largest first', async () => {
    const results = await geocode('Hamb');
    expect(results[0]).toMatchObject({ name: 'Hamburg', country: 'DE' });
    expect(results[0]!.lat).toBeCloseTo(53.55, 1);
    expect(results[0]!.lng).toBeCloseTo(10, 0);
    const populations = results.map((r) => r.population);
    expect(populations).toEqual([...populations].sort((a, b) => b - a));
  });

  it('says the offline gazetteer answered, and credits GeoNames', async () => {
    const response = await t.app.inject('/api/geocode?q=Hamburg');
    expect(response.json()).toMatchObject({ source: 'gazetteer', attribution: expect.stringContaining('GeoNames') });
    expect(response.json().results[0]).toMatchObject({ name: 'Hamburg', type: 'town' });
  });

  it('ignores accents and case', async () => {
    const [plain] = await geocode('zurich');
    expect(plain).toMatchObject({ name: 'Zürich', country: 'CH' });
    const [shouted] = await geocode('KRAKÓW');
    expect(shouted?.country).toBe('PL');
  });

  it('puts an exact name before longer, larger names', async () => {
    const results = await geocode('Paris', 10);
    expect(results[0]!.name).toBe('Paris');
    expect(results[0]!.country).toBe('FR');
  });

  it('answers an empty list for no match, and respects limit', async () => {
    expect(await geocode('Qqqqxz')).toEqual([]);
    expect(await geocode('San', 3)).toHaveLength(3);
  });

  it('answers 400 for an empty query or a limit over 50', async () => {
    expect((await t.app.inject('/api/geocode?q=')).statusCode).toBe(400);
    expect((await t.app.inject('/api/geocode?q=Ber&limit=51')).statusCode).toBe(400);
  });
});

describe('GET /api/config', () => {
  it('gives the web app its map defaults', async () => {
    const response = await t.app.inject('/api/config');
    expect(response.json()).toEqual({
      mapCenter: { lat: 52.4986, lng: 13.4213 },
      zoom: 14,
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      tileAttribution: expect.stringContaining('OpenStreetMap'),
      addressSearch: false,
    });
  });
});
