import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, errorFromResponse, isAbortError, storeToken } from '../../web/src/lib/api/http';
import { geocode, getMap, getNearby } from '../../web/src/lib/api/map';
import { joinGroup } from '../../web/src/lib/api/groups';
import { listMeetups } from '../../web/src/lib/api/events';
import { getFeed } from '../../web/src/lib/api/feed';

function answer(status: number, body: unknown): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    status,
    headers: { 'content-type': typeof body === 'string' ? 'text/html' : 'application/json' },
  });
}

function stubFetch(response: () => Response | Promise<Response>) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => response());
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => {
  vi.unstubAllGlobals();
  storeToken(null);
});

describe('errorFromResponse', () => {
  it("keeps the server's code, message and field details", async () => {
    const error = await errorFromResponse(
      answer(400, {
        error: {
          code: 'validation_failed',
          message: 'radius must be <= 500000',
          details: [{ field: 'radius', in: 'querystring', message: 'must be <= 500000' }],
        },
      }),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('radius must be <= 500000');
    expect(error.details).toEqual([{ field: 'radius', in: 'querystring', message: 'must be <= 500000' }]);
    expect(error.fieldMessage('radius')).toBe('must be <= 500000');
    expect(error.fieldMessage('lat')).toBeUndefined();
  });

  it('drops detail entries that are not field issues', async () => {
    const error = await errorFromResponse(
      answer(409, {
        error: { code: 'conflict', message: 'Taken.', details: [{ field: 'email', message: 'is taken' }, 'x', null] },
      }),
    );
    expect(error.details).toEqual([{ field: 'email', in: '', message: 'is taken' }]);
  });

  it('describes answers that are not in the error shape by their status', async () => {
    const error = await errorFromResponse(answer(502, '<html>Bad gateway</html>'));
    expect(error.status).toBe(502);
    expect(error.code).toBe('http_error');
    expect(error.message).toContain('502');
  });
});

describe('requests', () => {
  it('asks /api/map with the bbox, a whole zoom and every kind', async () => {
    const fetch = stubFetch(() => answer(200, { type: 'FeatureCollection', features: [] }));
    await getMap({ bbox: [13.4, 52.49, 13.45123456, 52.51], zoom: 14.2 });
    const url = new URL(fetch.mock.calls[0]![0], 'http://localhost');
    expect(url.pathname).toBe('/api/map');
    expect(url.searchParams.get('bbox')).toBe('13.4,52.49,13.451235,52.51');
    expect(url.searchParams.get('zoom')).toBe('14');
    expect(url.searchParams.get('kinds')).toBe('place,group,event,post');
  });

  it('asks /api/nearby for the centre, radius and cursor', async () => {
    const fetch = stubFetch(() => answer(200, { type: 'FeatureCollection', features: [], nextCursor: null }));
    await getNearby({ center: { lat: 52.4986, lng: 13.4213 }, radiusMeters: 1000, limit: 50, cursor: 'abc' });
    const url = new URL(fetch.mock.calls[0]![0], 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      lat: '52.4986',
      lng: '13.4213',
      radius: '1000',
      limit: '50',
      cursor: 'abc',
    });
  });

  it('unwraps geocode results', async () => {
    stubFetch(() =>
      answer(200, { results: [{ name: 'Hamburg', country: 'DE', lat: 53.55, lng: 9.99, population: 1_739_117 }] }),
    );
    await expect(geocode('Hamb')).resolves.toEqual({
      results: [{ name: 'Hamburg', country: 'DE', lat: 53.55, lng: 9.99, population: 1_739_117 }],
    });
  });

  it('throws an ApiError for error answers', async () => {
    stubFetch(() => answer(404, { error: { code: 'not_found', message: 'No route GET /api/nope.' } }));
    await expect(geocode('x')).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'No route GET /api/nope.',
    });
  });

  it('reports an unreachable server as a network error', async () => {
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(geocode('x')).rejects.toMatchObject({ status: 0, code: 'network_error' });
  });

  it('passes aborts through so superseded requests can be ignored', async () => {
    stubFetch(() => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')));
    const error: unknown = await geocode('x').catch((caught: unknown) => caught);
    expect(isAbortError(error)).toBe(true);
  });

  it('asks /api/feed for a page with the clock of the first one', async () => {
    const fetch = stubFetch(() => answer(200, { items: [] }));
    await getFeed({
      center: { lat: 52.5, lng: 13.4 },
      radiusMeters: 5000,
      mode: 'latest',
      page: 2,
      asOf: '2026-11-28T10:00:00.000Z',
    });
    const url = new URL(fetch.mock.calls[0]![0], 'http://localhost');
    expect(url.pathname).toBe('/api/feed');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      lat: '52.5',
      lng: '13.4',
      radius: '5000',
      mode: 'latest',
      page: '2',
      asOf: '2026-11-28T10:00:00.000Z',
    });
  });

  it('leaves the point out of the feed request to use the home location', async () => {
    const fetch = stubFetch(() => answer(200, { items: [] }));
    await getFeed({ center: null, radiusMeters: 5000, mode: 'nearby', page: 1 });
    const url = new URL(fetch.mock.calls[0]![0], 'http://localhost');
    expect(url.searchParams.has('lat')).toBe(false);
    expect(url.searchParams.has('asOf')).toBe(false);
  });

  it('lists a group’s meetups soonest first, each series once', async () => {
    const fetch = stubFetch(() => answer(200, { type: 'FeatureCollection', features: [], nextCursor: null }));
    await listMeetups({ groupId: 3, order: 'soonest' });
    const url = new URL(fetch.mock.calls[0]![0], 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ collapseSeries: 'true', groupId: '3', order: 'soonest' });
  });

  it('sends JSON with the stored token, and reads 202 answers', async () => {
    const fetch = stubFetch(() => answer(202, { status: 'pending', role: null }));
    storeToken('jwt');
    await expect(joinGroup(4, 'Hello')).resolves.toEqual({ status: 'pending', role: null });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('/api/groups/4/members');
    expect(init).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ message: 'Hello' }),
      headers: { 'content-type': 'application/json', authorization: 'Bearer jwt' },
    });
  });
});
