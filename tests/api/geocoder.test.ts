/**
 * Street and address search through a Photon or Nominatim server (GEOCODER_URL), with the offline
 * gazetteer answering whenever the geocoder cannot.
 *
 * The geocoder here is a small real HTTP server started by this test (tests/helpers/geocoder-server.ts)
 * that answers in Photon's and Nominatim's documented response formats: neither Photon nor Nominatim
 * can be installed from Debian or npm on this machine.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { testConfig, useTestApp, type TestApp } from '../helpers/app.js';
import { freePort } from '../helpers/ports.js';
import { startGeocoderServer } from '../helpers/geocoder-server.js';

const fake = await startGeocoderServer();
const unused = await freePort();
afterAll(() => fake.close());

const CONTACT = 'maps@vicinity.example.org';
const PUBLIC_URL = 'https://vicinity.example.org';
const settings = { geocoderContact: CONTACT, publicUrl: PUBLIC_URL };

const photon = useTestApp({
  ...settings,
  geocoderUrl: `${fake.url}/photon`,
  geocoderKind: 'photon',
  geocoderTimeoutMs: 1000,
});
const nominatimSettings = {
  ...settings,
  geocoderUrl: `${fake.url}/nominatim`,
  geocoderKind: 'nominatim' as const,
  geocoderTimeoutMs: 6000,
};
const nominatim = useTestApp(nominatimSettings);
const detecting = useTestApp({ ...settings, geocoderUrl: `${fake.url}/osm`, geocoderKind: 'detect' });
const down = useTestApp({ ...settings, geocoderUrl: `http://127.0.0.1:${unused}`, geocoderKind: 'photon' });

interface Answer {
  results: { name: string; detail?: string; type: string; country: string; lat: number; lng: number }[];
  source: 'gazetteer' | 'geocoder';
  attribution: string;
}

async function geocode(app: { app: TestApp['app'] }, query: string): Promise<Answer> {
  const response = await app.app.inject(`/api/geocode?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as Answer;
}

/** Requests the fake server received for `path` (e.g. "/photon/api") since `from`. */
const requestsTo = (path: string, from = 0) => fake.received.slice(from).filter((request) => request.path === path);

describe('with a Photon server', () => {
  it('finds an address, favouring the map centre, and credits OpenStreetMap', async () => {
    const from = fake.received.length;
    const answer = await geocode(photon, 'q=Oranienstra%C3%9Fe%2025&lat=52.4986&lng=13.4213&limit=5');
    expect(answer.source).toBe('geocoder');
    expect(answer.attribution).toContain('© OpenStreetMap contributors');
    expect(answer.results[0]).toEqual({
      name: 'Oranienstraße 25',
      detail: '10999 Berlin, Deutschland',
      type: 'address',
      country: 'DE',
      lat: 52.50125,
      lng: 13.41962,
    });
    const [sent] = requestsTo('/photon/api', from);
    expect(sent?.query.get('q')).toBe('Oranienstraße 25');
    expect(sent?.query.get('limit')).toBe('5');
    // The centre is rounded to a tenth of a degree, so that nearby views share cached answers.
    expect(sent?.query.get('lat')).toBe('52.5');
    expect(sent?.query.get('lon')).toBe('13.4');
    expect(sent?.headers['user-agent']).toContain(CONTACT);
    expect(sent?.headers['referer']).toBe(`${PUBLIC_URL}/`);
  });

  it('answers the same search again from the cache, whatever its case and accents', async () => {
    const first = await geocode(photon, 'q=Weserstra%C3%9Fe%2058');
    const from = fake.received.length;
    const again = await geocode(photon, 'q=WESERSTRASSE%2058');
    expect(again).toEqual(first);
    expect(again.source).toBe('geocoder');
    expect(requestsTo('/photon/api', from)).toHaveLength(0);
  });

  it.each(['error', 'html', 'wrong-shape', 'hang-up'] as const)(
    'answers from the gazetteer when the server answers %s, and caches nothing',
    async (mode) => {
      fake.mode = mode;
      try {
        const answer = await geocode(photon, `q=Hamburg&limit=3`);
        expect(answer.source).toBe('gazetteer');
        expect(answer.results[0]).toMatchObject({ name: 'Hamburg', country: 'DE', type: 'town' });
        expect(answer.attribution).toContain('GeoNames');
      } finally {
        fake.mode = 'ok';
      }
      const from = fake.received.length;
      expect((await geocode(photon, `q=Hamburg&limit=3`)).source).toBe('geocoder');
      expect(requestsTo('/photon/api', from)).toHaveLength(1);
      // Forget it again for the next mode.
      await photon.db.deleteFrom('geocoder_answers').execute();
    },
  );

  it('answers from the gazetteer, in time, when the server is slow', async () => {
    fake.mode = 'slow';
    try {
      const started = Date.now();
      const answer = await geocode(photon, 'q=Bergmannstr');
      expect(answer.source).toBe('gazetteer');
      expect(Date.now() - started).toBeLessThan(fake.slowMs - 1000);
    } finally {
      fake.mode = 'ok';
    }
  });

  it('asks only the gazetteer for source=gazetteer', async () => {
    const from = fake.received.length;
    const answer = await geocode(photon, 'q=Bergmannstra%C3%9Fe&source=gazetteer');
    expect(answer.source).toBe('gazetteer');
    expect(fake.received.length).toBe(from);
  });

  it('answers 400 for lat without lng', async () => {
    const response = await photon.app.inject('/api/geocode?q=Oranienstr&lat=52.5');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
  });

  it('tells the web app that addresses can be searched', async () => {
    expect((await photon.app.inject('/api/config')).json().addressSearch).toBe(true);
  });
});

describe('with a Nominatim server', () => {
  it('finds an address in a viewbox around the map centre, identifying the installation', async () => {
    const from = fake.received.length;
    const answer = await geocode(nominatim, 'q=Bergmannstra%C3%9Fe%205&lat=52.4986&lng=13.4213');
    expect(answer.source).toBe('geocoder');
    expect(answer.attribution).toContain('© OpenStreetMap contributors');
    expect(answer.attribution).toContain('Nominatim');
    expect(answer.results).toEqual([
      {
        name: 'Bergmannstraße 5',
        detail: '10961 Berlin, Deutschland',
        type: 'address',
        country: 'DE',
        lat: 52.48962,
        lng: 13.39305,
      },
    ]);
    const [sent] = requestsTo('/nominatim/search', from);
    expect(sent?.query.get('format')).toBe('jsonv2');
    const [west, north, east, south] = sent!.query.get('viewbox')!.split(',').map(Number) as number[];
    expect(west).toBeLessThan(13.4);
    expect(east).toBeGreaterThan(13.4);
    expect(south).toBeLessThan(52.5);
    expect(north).toBeGreaterThan(52.5);
    expect(sent?.query.get('bounded')).toBe('0');
    expect(sent?.query.get('email')).toBe(CONTACT);
    expect(sent?.headers['user-agent']).toMatch(/^Vicinity \(/);
    expect(sent?.headers['user-agent']).toContain(CONTACT);
    expect(sent?.headers['referer']).toBe(`${PUBLIC_URL}/`);
  });

  it('sends at most one request per second, and answers from the gazetteer rather than wait too long', async () => {
    await sleep(1200); // the turn taken by the test before has passed
    const from = fake.received.length;
    const started = Date.now();
    const queries = [1, 2, 3, 4, 5, 6].map((n) => `Oranienstr ${n}`);
    const answers = await Promise.all(queries.map((q) => geocode(nominatim, `q=${encodeURIComponent(q)}`)));
    const sent = requestsTo('/nominatim/search', from);
    for (let i = 1; i < sent.length; i++) expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(1000);
    // The timeout is 6 s, so a search waits at most about 3 s for its turn: three or so of the six
    // get one (more only if they reached the database seconds apart); the others do not wait.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThan(6);
    expect(answers.filter((answer) => answer.source === 'geocoder')).toHaveLength(sent.length);
    expect(answers.filter((answer) => answer.source === 'gazetteer')).toHaveLength(6 - sent.length);
    expect(Date.now() - started).toBeLessThan(6000);
  });

  it('keeps to that rate across server processes that share the database', async () => {
    // A second app on the same database stands for a second server process: nothing in memory is shared.
    const second = await buildApp({
      config: testConfig(nominatimSettings),
      database: nominatim.database,
      web: false,
      runJobs: false,
    });
    await second.ready();
    try {
      await sleep(1200);
      const from = fake.received.length;
      const answers = await Promise.all([
        geocode(nominatim, 'q=Bergmannstr%201'),
        geocode({ app: second }, 'q=Bergmannstr%202'),
      ]);
      expect(answers.map((answer) => answer.source)).toEqual(['geocoder', 'geocoder']);
      const sent = requestsTo('/nominatim/search', from);
      expect(sent).toHaveLength(2);
      expect(Math.abs(sent[1]!.at - sent[0]!.at)).toBeGreaterThanOrEqual(1000);
    } finally {
      await second.close();
    }
  });

  it('answers a repeated search from the cache without a request', async () => {
    const first = await geocode(nominatim, 'q=Weserstr%2058&lat=52.49&lng=13.43');
    expect(first.results[0]?.name).toBe('Weserstraße 58');
    const from = fake.received.length;
    const started = Date.now();
    expect(await geocode(nominatim, 'q=weserstr%2058&lat=52.51&lng=13.44')).toEqual(first);
    expect(requestsTo('/nominatim/search', from)).toHaveLength(0);
    // No turn was waited for either.
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('answers an empty list when nothing matches, and caches that too', async () => {
    const answer = await geocode(nominatim, 'q=Nirgendwostra%C3%9Fe');
    expect(answer).toMatchObject({ results: [], source: 'geocoder' });
    const from = fake.received.length;
    await geocode(nominatim, 'q=Nirgendwostra%C3%9Fe');
    expect(requestsTo('/nominatim/search', from)).toHaveLength(0);
  });
});

describe('with GEOCODER_KIND=detect', () => {
  it('asks the server what it is once, then searches it that way', async () => {
    const from = fake.received.length;
    const answer = await geocode(detecting, 'q=Oranienstra%C3%9Fe%2025');
    expect(answer.source).toBe('geocoder');
    expect(answer.attribution).toContain('Nominatim');
    expect(answer.results[0]?.name).toBe('Oranienstraße 25');
    await geocode(detecting, 'q=Weserstra%C3%9Fe%2058');
    expect(fake.received.slice(from).map((request) => request.path)).toEqual([
      '/osm/status',
      '/osm/search',
      '/osm/search',
    ]);
  });
});

describe('with the geocoder down', () => {
  it('answers from the gazetteer', async () => {
    const answer = await geocode(down, 'q=M%C3%BCnchen');
    expect(answer.source).toBe('gazetteer');
    expect(answer.results[0]).toMatchObject({ name: 'Munich', country: 'DE' });
    expect(answer.attribution).toContain('GeoNames');
  });
});
