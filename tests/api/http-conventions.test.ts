/**
 * HTTP as clients other than our web app expect it: GeoJSON labelled as such with feature ids
 * unique across kinds, conditional requests answered 304, and 405 with Allow for a wrong method.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { registerUser } from '../helpers/users.js';

const t = useTestApp();
const at = { lat: 47.3, lng: 8.5 };

describe('GeoJSON answers', () => {
  it('are application/geo+json, with feature ids unique across kinds and no repeating numeric id', async () => {
    const user = await registerUser(t.app);
    const place = await createPlace(t.app, user, at);
    const group = await createGroup(t.app, user, { lat: at.lat + 0.001, lng: at.lng });
    const urls = [
      `/api/nearby?lat=${at.lat}&lng=${at.lng}&radius=1000`,
      `/api/map?bbox=${at.lng - 0.01},${at.lat - 0.01},${at.lng + 0.01},${at.lat + 0.01}&zoom=15`,
    ];
    for (const url of urls) {
      const response = await t.app.inject(url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
      const features = response.json().features as { id: string; properties: Record<string, unknown> }[];
      expect(features.map((f) => f.id).sort()).toEqual([`group:${group.id}`, `place:${place.id}`]);
      for (const feature of features) {
        expect(feature.properties).not.toHaveProperty('id');
        expect(feature.id).toBe(`${feature.properties.kind}:${feature.properties.itemId}`);
      }
    }
    for (const url of [`/api/places?lat=${at.lat}&lng=${at.lng}&radius=1000`, `/api/events?lat=1&lng=1&radius=10`]) {
      expect((await t.app.inject(url)).headers['content-type']).toMatch(/^application\/geo\+json/);
    }
  });

  it('are documented with their media type, and errors stay application/json', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json();
    const nearby = document.paths['/api/nearby'].get.responses;
    expect(Object.keys(nearby['200'].content)).toEqual(['application/geo+json']);
    expect(Object.keys(nearby['400'].content)).toEqual(['application/json']);
    const error = await t.app.inject('/api/nearby?lat=1');
    expect(error.statusCode).toBe(400);
    expect(error.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe('conditional requests', () => {
  it('give API answers a weak ETag and answer 304 when it still matches', async () => {
    const user = await registerUser(t.app);
    const place = await createPlace(t.app, user, { lat: 47.31, lng: 8.51 });
    const first = await t.app.inject(`/api/places/${place.id}`);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const again = await t.app.inject({ url: `/api/places/${place.id}`, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);

    const other = await t.app.inject({ url: `/api/places/${place.id}`, headers: { 'if-none-match': 'W/"other"' } });
    expect(other.statusCode).toBe(200);

    await t.app.inject({
      method: 'PATCH',
      url: `/api/places/${place.id}`,
      headers: user.auth,
      payload: { name: 'Renamed' },
    });
    const changed = await t.app.inject({ url: `/api/places/${place.id}`, headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('also for compressed answers and GeoJSON', async () => {
    const url = `/api/nearby?lat=${at.lat}&lng=${at.lng}&radius=5000`;
    const first = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    const etag = first.headers.etag as string;
    const again = await t.app.inject({ url, headers: { 'accept-encoding': 'br', 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });

  it('leave errors and writes without an ETag', async () => {
    expect((await t.app.inject('/api/places/999999')).headers.etag).toBeUndefined();
    const user = await registerUser(t.app);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/places',
      headers: user.auth,
      payload: { name: 'New', kind: 'cafe', location: at },
    });
    expect(created.headers.etag).toBeUndefined();
  });
});

describe('methods', () => {
  it('answer 405 with Allow for an address that exists with other methods', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/nearby?lat=1&lng=1&radius=1' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.json().error.code).toBe('method_not_allowed');

    const put = await t.app.inject({ method: 'PUT', url: '/api/places/12' });
    expect(put.statusCode).toBe(405);
    expect(put.headers.allow).toBe('DELETE, GET, HEAD, PATCH');
  });

  it('keep 404 for addresses that do not exist at all', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/no-such-thing' });
    expect(response.statusCode).toBe(404);
  });
});
