/**
 * OGC API – Features under /ogc: the documents a client walks (landing page, conformance,
 * collections), items by bbox, limit, datetime with next links and numberMatched, one item, and
 * visibility exactly as in /api/nearby: a private group's posts and meetups only for its members.
 */
import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { createPost } from '../helpers/posts.js';
import { registerUser } from '../helpers/users.js';

const t = useTestApp();
const at = { lat: -20.1, lng: 57.5 };
const bbox = `${at.lng - 0.5},${at.lat - 0.5},${at.lng + 0.5},${at.lat + 0.5}`;

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await t.app.inject({ url, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response;
}

describe('the documents an OGC API – Features client walks', () => {
  it('links the landing page to the definition, the conformance classes and the collections', async () => {
    const landing = (await get('/ogc')).json();
    const rels = Object.fromEntries(landing.links.map((link: { rel: string; href: string }) => [link.rel, link.href]));
    expect(rels).toMatchObject({
      self: 'http://localhost:3000/ogc',
      'service-desc': 'http://localhost:3000/api/openapi.json',
      'service-doc': 'http://localhost:3000/api/docs',
      conformance: 'http://localhost:3000/ogc/conformance',
      data: 'http://localhost:3000/ogc/collections',
    });
    const conformance = (await get('/ogc/conformance')).json();
    expect(conformance.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
        'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
      ]),
    );
    const collections = (await get('/ogc/collections')).json();
    expect(collections.collections.map((c: { id: string }) => c.id)).toEqual(['places', 'groups', 'meetups', 'posts']);
    const places = (await get('/ogc/collections/places')).json();
    expect(places.links.find((link: { rel: string }) => link.rel === 'items')).toMatchObject({
      href: 'http://localhost:3000/ogc/collections/places/items',
      type: 'application/geo+json',
    });
    expect((await t.app.inject('/ogc/collections/nothing')).statusCode).toBe(404);
  });
});

describe('items', () => {
  it('pages through a bbox with limit, next links and numberMatched', async () => {
    const user = await registerUser(t.app);
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await createPlace(t.app, user, { lat: at.lat + i * 0.01, lng: at.lng }));
    await createPlace(t.app, user, { lat: at.lat + 5, lng: at.lng });
    const ids: number[] = [];
    let url: string | null = `/ogc/collections/places/items?bbox=${bbox}&limit=2`;
    while (url) {
      const response = await get(url);
      expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
      const page = response.json();
      expect(() => checkGeoJson(JSON.stringify({ type: 'FeatureCollection', features: page.features }))).not.toThrow();
      expect(page.numberMatched).toBe(5);
      expect(page.numberReturned).toBe(page.features.length);
      ids.push(...page.features.map((f: { id: number }) => f.id));
      const next = page.links.find((link: { rel: string }) => link.rel === 'next');
      url = next ? new URL(next.href).pathname + new URL(next.href).search : null;
    }
    expect(ids).toEqual(made.map((place) => place.id));
    const one = (await get(`/ogc/collections/places/items/${made[0]!.id}`)).json();
    expect(one).toMatchObject({ type: 'Feature', id: made[0]!.id, properties: { name: made[0]!.name } });
    expect((await t.app.inject('/ogc/collections/places/items/999999')).statusCode).toBe(404);
    expect((await t.app.inject(`/ogc/collections/places/items?bbox=1,2,3`)).statusCode).toBe(400);
  });

  it('selects meetups by datetime', async () => {
    const user = await registerUser(t.app);
    const soon = await createEvent(t.app, user, at, { startsAt: fromNow(DAY), endsAt: fromNow(DAY + HOUR) });
    const later = await createEvent(t.app, user, at, { startsAt: fromNow(10 * DAY), endsAt: fromNow(10 * DAY + HOUR) });
    const ids = async (datetime: string) =>
      (await get(`/ogc/collections/meetups/items?bbox=${bbox}&datetime=${encodeURIComponent(datetime)}`))
        .json()
        .features.map((f: { id: number }) => f.id);
    expect(await ids(`${fromNow(0)}/${fromNow(2 * DAY)}`)).toEqual([soon.id]);
    expect(await ids(`${fromNow(5 * DAY)}/..`)).toEqual([later.id]);
    expect((await t.app.inject('/ogc/collections/places/items?datetime=2026-01-01')).statusCode).toBe(400);
    expect((await t.app.inject('/ogc/collections/meetups/items?datetime=tomorrow')).statusCode).toBe(400);
  });

  it('shows a private group’s posts and meetups only to its members, as /api/nearby does', async () => {
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const spot = { lat: at.lat - 0.3, lng: at.lng - 0.3 };
    const group = await createGroup(t.app, owner, spot, { visibility: 'private' });
    const post = await createPost(t.app, owner, { groupId: group.id, location: spot, title: 'Members only' });
    const meetup = await createEvent(t.app, owner, spot, { groupId: group.id });
    const see = async (collection: string, headers: Record<string, string> = {}) =>
      (await get(`/ogc/collections/${collection}/items?bbox=${bbox}&limit=1000`, headers))
        .json()
        .features.map((f: { id: number }) => f.id);
    expect(await see('posts')).not.toContain(post.id);
    expect(await see('posts', stranger.auth)).not.toContain(post.id);
    expect(await see('posts', owner.auth)).toContain(post.id);
    expect(await see('meetups', stranger.auth)).not.toContain(meetup.id);
    expect(await see('meetups', owner.auth)).toContain(meetup.id);
    expect((await t.app.inject(`/ogc/collections/posts/items/${post.id}`)).statusCode).toBe(404);
    // The group itself shows at its ~500 m area, as on the map.
    const nearby = (await get(`/api/nearby?lat=${spot.lat}&lng=${spot.lng}&radius=5000&kinds=group`)).json();
    const onMap = nearby.features.find((f: { id: string }) => f.id === `group:${group.id}`);
    const ogc = (await get(`/ogc/collections/groups/items/${group.id}`)).json();
    expect(ogc.geometry.coordinates).toEqual(onMap.geometry.coordinates);
  });
});
