import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { sql } from 'kysely';
import { Errors } from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import { NearbyCollection } from '../../server/src/geo/schemas.js';
import {
  findRadiusPage,
  findRadiusPages,
  radiusPagesQuery,
  radiusQuery,
  type RadiusAsk,
  type RadiusPageShape,
} from '../../server/src/items/radius-query.js';
import { createItemRegistry } from '../../server/src/app.js';

const registry = createItemRegistry();
import { useTestApp } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';
import { destination, geodesicDistance, type LatLng } from '../helpers/geo.js';
import { createEvent, rsvp } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { createPost } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
let user: TestUser;

beforeAll(async () => {
  user = await registerUser(t.app, 'Mapper');
});

interface Feature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: { kind: string; itemId: number; name: string; distanceMeters: number };
}

async function nearby(query: Record<string, string | number>) {
  const search = new URLSearchParams(
    Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]),
  );
  const response = await t.app.inject(`/api/nearby?${search}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { type: string; features: Feature[]; nextCursor: string | null };
}

const near = (point: LatLng, radius: number, extra: Record<string, string | number> = {}) =>
  nearby({ lat: point.lat, lng: point.lng, radius, ...extra });

describe('GET /api/nearby distances', () => {
  it('agrees with GeographicLib within 0.1% for points spread over the globe', async () => {
    const cases: [LatLng, LatLng][] = [
      [
        { lat: 52.52, lng: 13.405 },
        { lat: 52.6, lng: 13.7 },
      ],
      [
        { lat: -33.8688, lng: 151.2093 },
        { lat: -34.9, lng: 150.3 },
      ],
      [
        { lat: 0.5, lng: -78.5 },
        { lat: -0.5, lng: -79.9 },
      ],
      [
        { lat: 64.1466, lng: -21.9426 },
        { lat: 65.68, lng: -18.09 },
      ],
      [
        { lat: -54.8, lng: -68.3 },
        { lat: -53.16, lng: -70.91 },
      ],
      [
        { lat: 35.6762, lng: 139.6503 },
        { lat: 35.0116, lng: 135.7681 },
      ],
      [
        { lat: 0, lng: 179.9 },
        { lat: 0.3, lng: -179.8 },
      ],
      [
        { lat: 89.5, lng: 0 },
        { lat: 89.5, lng: 180 },
      ],
    ];
    for (const [origin, target] of cases) {
      const place = await createPlace(t.app, user, target);
      const expected = geodesicDistance(origin, target);
      const { features } = await near(origin, Math.ceil(expected) + 1, { kinds: 'place' });
      const found = features.find((feature) => feature.properties.itemId === place.id);
      expect(found, `place at ${JSON.stringify(target)} from ${JSON.stringify(origin)}`).toBeDefined();
      expect(Math.abs(found!.properties.distanceMeters - expected) / expected).toBeLessThan(0.001);
    }
  });

  it('answers valid RFC 7946 GeoJSON with [lng, lat] coordinates', async () => {
    const spot = { lat: 48.8566, lng: 2.3522 };
    const place = await createPlace(t.app, user, spot);
    const answer = await near(spot, 10);
    expect(() => checkGeoJson(JSON.stringify({ type: answer.type, features: answer.features }))).not.toThrow();
    const feature = answer.features.find((f) => f.properties.itemId === place.id)!;
    expect(feature.geometry.coordinates[0]).toBeCloseTo(spot.lng, 9);
    expect(feature.geometry.coordinates[1]).toBeCloseTo(spot.lat, 9);
    expect(feature.id).toBe(`place:${place.id}`);
    expect(feature.properties).toMatchObject({ kind: 'place', itemId: place.id, name: place.name, placeKind: 'cafe' });
  });

  it('answers exactly the documented shape, for every kind and with a next cursor', async () => {
    const spot = { lat: 38.7223, lng: -9.1393 };
    await createPlace(t.app, user, destination(spot, 0, 30));
    await createGroup(t.app, user, destination(spot, 90, 40));
    await createPost(t.app, user, { location: destination(spot, 180, 50) });
    await createEvent(t.app, user, destination(spot, 270, 60), { capacity: 5 });
    for (const limit of [4, 3]) {
      const response = await t.app.inject(`/api/nearby?lat=${spot.lat}&lng=${spot.lng}&radius=500&limit=${limit}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/geo+json; charset=utf-8');
      const body = response.json();
      expect([...Errors(NearbyCollection, body)]).toEqual([]);
      expect(body.features.map((f: Feature) => f.properties.kind).sort()).toEqual(
        ['place', 'group', 'post', 'event'].slice(0, limit).sort(),
      );
      expect(body.nextCursor === null).toBe(limit === 4);
    }
  });
});

describe('GET /api/nearby features as the database writes them', () => {
  it('keeps names that JSON must escape exactly as they were written', async () => {
    const spot = { lat: -33.8688, lng: 151.2093 };
    const names = ['Quote " and back\\slash', 'Line\nbreak\tand tab', 'Café ☕ 東京 \u0001', '</script><b>'];
    const places = [];
    for (const [index, name] of names.entries()) {
      // The API refuses control characters now; rows written before may still hold them.
      const written = name.replaceAll('\u0001', '');
      const place = await createPlace(t.app, user, destination(spot, index * 90, 10 + index), {
        name: written,
        address: written,
      });
      if (written !== name) {
        await sql`update places set name = ${name}, address = ${name} where id = ${place.id}`.execute(t.db);
      }
      places.push(place);
    }
    const answer = await near(spot, 100);
    for (const [index, place] of places.entries()) {
      const feature = answer.features.find((f) => f.id === `place:${place.id}`)!;
      expect(feature.properties).toMatchObject({ name: names[index], address: names[index], kind: 'place' });
    }
  });

  it('writes an item with no stored properties as a feature with the four it always has', async () => {
    const spot = { lat: -34.6037, lng: -58.3816 };
    const place = await createPlace(t.app, user, spot);
    await sql`update nearby_items set props = '{}'::jsonb where kind = 'place' and id = ${place.id}`.execute(t.db);
    for (const kinds of ['place,group', 'place']) {
      const feature = (await near(spot, 10, { kinds })).features.find((f) => f.id === `place:${place.id}`);
      if (kinds === 'place') {
        // One kind is read from its own table, which still holds the place's properties.
        expect(feature!.properties).toMatchObject({ placeKind: 'cafe' });
        continue;
      }
      expect(Object.keys(feature!.properties).sort()).toEqual(['distanceMeters', 'itemId', 'kind', 'name']);
    }
  });
});

describe('GET /api/nearby edge cases', () => {
  it('includes an item exactly on the radius boundary', async () => {
    const origin = { lat: 10, lng: 10 };
    const place = await createPlace(t.app, user, destination(origin, 45, 1234.5));
    const probe = await near(origin, 2000, { kinds: 'place' });
    const exact = probe.features.find((f) => f.properties.itemId === place.id)!.properties.distanceMeters;
    // One kind reads its own table, several kinds the index of all items: the same boundary.
    const filters: Record<string, string>[] = [{ kinds: 'place' }, {}];
    for (const kinds of filters) {
      const onBoundary = await near(origin, exact, kinds);
      expect(onBoundary.features.map((f) => f.id)).toContain(`place:${place.id}`);
      const inside = await near(origin, exact - 0.001, kinds);
      expect(inside.features.map((f) => f.id)).not.toContain(`place:${place.id}`);
    }
  });

  it('finds items across the antimeridian', async () => {
    const place = await createPlace(t.app, user, { lat: -16.5, lng: 179.995 });
    const { features } = await near({ lat: -16.5, lng: -179.995 }, 2000);
    const found = features.find((f) => f.properties.itemId === place.id);
    expect(found).toBeDefined();
    expect(found!.properties.distanceMeters).toBeCloseTo(
      geodesicDistance({ lat: -16.5, lng: -179.995 }, { lat: -16.5, lng: 179.995 }),
      0,
    );
    expect(found!.properties.distanceMeters).toBeLessThan(1100);
  });

  it('works next to the poles', async () => {
    const north = await createPlace(t.app, user, { lat: 89.9995, lng: 45 });
    const south = await createPlace(t.app, user, { lat: -89.9995, lng: -135 });
    const fromNorthPole = await near({ lat: 90, lng: 0 }, 100);
    expect(fromNorthPole.features.map((f) => f.properties.itemId)).toEqual([north.id]);
    const acrossSouthPole = await near({ lat: -89.9995, lng: 45 }, 200);
    const found = acrossSouthPole.features.find((f) => f.properties.itemId === south.id)!;
    expect(found.properties.distanceMeters).toBeCloseTo(
      geodesicDistance({ lat: -89.9995, lng: 45 }, { lat: -89.9995, lng: -135 }),
      1,
    );
  });

  it('handles a 1 m radius', async () => {
    const origin = { lat: -22.9519, lng: -43.2105 };
    const inside = await createPlace(t.app, user, destination(origin, 90, 0.6));
    const outside = await createPlace(t.app, user, destination(origin, 90, 1.4));
    const ids = (await near(origin, 1)).features.map((f) => f.properties.itemId);
    expect(ids).toContain(inside.id);
    expect(ids).not.toContain(outside.id);
  });

  it('answers an empty FeatureCollection for an empty area', async () => {
    const answer = await near({ lat: -45, lng: -120 }, 5000);
    expect(answer).toEqual({ type: 'FeatureCollection', features: [], nextCursor: null });
  });
});

describe('GET /api/nearby order and pages', () => {
  it('orders by distance, then kind, then id, across kinds', async () => {
    const origin = { lat: 40.4168, lng: -3.7038 };
    const samePoint = destination(origin, 10, 300);
    const first = await createPlace(t.app, user, samePoint);
    const second = await createPlace(t.app, user, samePoint);
    const group = await createGroup(t.app, user, samePoint);
    const farther = await createGroup(t.app, user, destination(origin, 200, 800));
    const closer = await createPlace(t.app, user, destination(origin, 300, 100));
    const { features } = await near(origin, 1000);
    expect(features.map((f) => f.id)).toEqual([
      `place:${closer.id}`,
      `group:${group.id}`,
      `place:${first.id}`,
      `place:${second.id}`,
      `group:${farther.id}`,
    ]);
  });

  it('walks every item within the radius exactly once through the cursors', async () => {
    const origin = { lat: 45.4642, lng: 9.19 };
    const created = new Set<string>();
    // Rings of items, several sharing a distance, of two kinds.
    for (let i = 0; i < 40; i++) {
      const point = destination(origin, (i * 37) % 360, 50 + (i % 8) * 120);
      const item = i % 3 === 0 ? await createGroup(t.app, user, point) : await createPlace(t.app, user, point);
      created.add(`${i % 3 === 0 ? 'group' : 'place'}:${item.id}`);
    }
    await createPlace(t.app, user, destination(origin, 0, 5000));
    const seen: string[] = [];
    const distances: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await near(origin, 1000, { limit: 7, ...(cursor ? { cursor } : {}) });
      seen.push(...page.features.map((f) => f.id));
      distances.push(...page.features.map((f) => f.properties.distanceMeters));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(created);
    expect(pages).toBe(Math.ceil(created.size / 7));
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });

  it('filters by kinds and lists one kind at /api/places and /api/groups', async () => {
    const origin = { lat: 59.3293, lng: 18.0686 };
    const place = await createPlace(t.app, user, origin);
    const group = await createGroup(t.app, user, origin);
    expect((await near(origin, 10, { kinds: 'group' })).features.map((f) => f.id)).toEqual([`group:${group.id}`]);
    const places = await t.app.inject(`/api/places?lat=${origin.lat}&lng=${origin.lng}&radius=10`);
    expect(places.json().features.map((f: Feature) => f.id)).toEqual([`place:${place.id}`]);
    const groups = await t.app.inject(`/api/groups?lat=${origin.lat}&lng=${origin.lng}&radius=10`);
    expect(groups.json().features.map((f: Feature) => f.id)).toEqual([`group:${group.id}`]);
  });
});

describe('GET /api/nearby bad input', () => {
  it.each([
    ['missing lat', 'lng=0&radius=10', 'lat'],
    ['missing lng', 'lat=0&radius=10', 'lng'],
    ['missing radius', 'lat=0&lng=0', 'radius'],
    ['a non-number lat', 'lat=north&lng=0&radius=10', 'lat'],
    ['NaN', 'lat=NaN&lng=0&radius=10', 'lat'],
    ['Infinity', 'lat=0&lng=Infinity&radius=10', 'lng'],
    ['lat above 90', 'lat=90.0001&lng=0&radius=10', 'lat'],
    ['lat below -90', 'lat=-91&lng=0&radius=10', 'lat'],
    ['lng outside [-180, 180]', 'lat=0&lng=180.5&radius=10', 'lng'],
    ['radius 0', 'lat=0&lng=0&radius=0', 'radius'],
    ['a negative radius', 'lat=0&lng=0&radius=-5', 'radius'],
    ['a radius over the maximum', 'lat=0&lng=0&radius=500001', 'radius'],
    ['an unknown kind', 'lat=0&lng=0&radius=10&kinds=place,volcano', 'kinds'],
    ['a limit of 0', 'lat=0&lng=0&radius=10&limit=0', 'limit'],
    ['a limit over 200', 'lat=0&lng=0&radius=10&limit=201', 'limit'],
    ['a garbage cursor', 'lat=0&lng=0&radius=10&cursor=abc', 'cursor'],
  ])('answers 400 naming the parameter for %s', async (_label, query, field) => {
    const response = await t.app.inject(`/api/nearby?${query}`);
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message.startsWith(field)).toBe(true);
  });

  it('refuses a cursor whose position was edited', async () => {
    const origin = { lat: 1, lng: 1 };
    for (let i = 0; i < 3; i++) await createPlace(t.app, user, destination(origin, i * 90, 10 + i));
    const { nextCursor } = await near(origin, 100, { limit: 1 });
    const [payload, signature] = nextCursor!.split('.');
    const position = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...position, d: 0 })).toString('base64url');
    const response = await t.app.inject(`/api/nearby?lat=1&lng=1&radius=100&cursor=${forged}.${signature}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('cursor');
  });
});

describe('the one index over all kinds', () => {
  it('answers exactly what the kinds answer one by one, for strangers and members alike', async () => {
    const centre = { lat: -23.55, lng: -46.63 };
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const at = (i: number) => destination(centre, (i * 137) % 360, 40 + i * 37);
    const secret = await createGroup(t.app, owner, at(1), { visibility: 'private' });
    const open = await createGroup(t.app, owner, at(2));
    for (let i = 3; i < 15; i++) await createPlace(t.app, owner, at(i));
    const posts = [];
    for (let i = 15; i < 30; i++) {
      const groupId = i % 3 === 0 ? secret.id : i % 3 === 1 ? open.id : undefined;
      posts.push(await createPost(t.app, owner, { location: at(i), ...(groupId ? { groupId } : {}) }));
    }
    await t.app.inject({ method: 'DELETE', url: `/api/posts/${posts[0].id}`, headers: owner.auth });
    const events = [];
    for (let i = 30; i < 40; i++) {
      events.push(await createEvent(t.app, owner, at(i), i % 2 ? { groupId: secret.id } : {}));
    }
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/events/${events[0]!.id}`, headers: owner.auth })).statusCode,
    ).toBe(200);
    await sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour'
      where id = ${events[2]!.id}`.execute(t.db);

    for (const viewer of [null, stranger, owner]) {
      const ask = async (kinds: string) => {
        const response = await t.app.inject({
          url: `/api/nearby?lat=${centre.lat}&lng=${centre.lng}&radius=3000&limit=200&kinds=${kinds}`,
          headers: viewer?.auth ?? {},
        });
        expect(response.statusCode, response.body).toBe(200);
        return (response.json() as { features: Feature[] }).features;
      };
      const together = await ask('place,group,post,event');
      const oneByOne = (await Promise.all(['event', 'group', 'place', 'post'].map(ask)))
        .flat()
        .sort(
          (a, b) =>
            a.properties.distanceMeters - b.properties.distanceMeters ||
            a.properties.kind.localeCompare(b.properties.kind) ||
            a.properties.itemId - b.properties.itemId,
        );
      expect(together).toEqual(oneByOne);
      expect(together.length).toBeGreaterThan(20);
    }
    // Members see their private group's content; nobody sees deleted posts, cancelled or ended meetups.
    const ids = async (viewer: TestUser | null) =>
      (
        await t.app.inject({
          url: `/api/nearby?lat=${centre.lat}&lng=${centre.lng}&radius=3000&limit=200`,
          headers: viewer?.auth ?? {},
        })
      )
        .json()
        .features.map((f: Feature) => f.id);
    const strangerSees = await ids(stranger);
    const ownerSees = await ids(owner);
    expect(ownerSees.length).toBeGreaterThan(strangerSees.length);
    for (const hidden of [`post:${posts[0].id}`, `event:${events[0]!.id}`, `event:${events[2]!.id}`]) {
      expect(ownerSees).not.toContain(hidden);
    }
    expect(strangerSees).not.toContain(`event:${events[1]!.id}`);
    expect(ownerSees).toContain(`event:${events[1]!.id}`);
  });
});

describe('names and properties in the one index', () => {
  it('shows what each item says now, after edits, visibility changes and RSVPs', async () => {
    const centre = { lat: 35.68, lng: 139.69 };
    const owner = await registerUser(t.app);
    const guest = await registerUser(t.app);
    const at = (i: number) => destination(centre, i * 90, 100 * i);
    const place = await createPlace(t.app, owner, at(1));
    const group = await createGroup(t.app, owner, at(2));
    const post = await createPost(t.app, owner, { location: at(3) });
    const event = await createEvent(t.app, owner, at(4), { capacity: 3 });
    const edit = async (url: string, payload: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'PATCH', url, headers: owner.auth, payload });
      expect(response.statusCode, response.body).toBe(200);
    };
    await edit(`/api/places/${place.id}`, { name: 'Renamed café', address: '1 New Street' });
    await edit(`/api/groups/${group.id}`, { name: 'Renamed group', visibility: 'private' });
    await edit(`/api/posts/${post.id}`, { title: 'Renamed post' });
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    startsAt.setUTCMilliseconds(0);
    const endsAt = new Date(startsAt.getTime() + 3_600_000);
    await edit(`/api/events/${event.id}`, {
      title: 'Renamed meetup',
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    });
    expect((await rsvp(t.app, guest, event.id, 'going')).statusCode).toBe(200);

    const ask = async (kinds: string) =>
      (await near(centre, 1000, { kinds, limit: 50 })).features as (Feature & {
        properties: Record<string, unknown>;
      })[];
    const together = await ask('place,group,post,event');
    const byId = new Map(together.map((feature) => [feature.id, feature.properties]));
    expect(byId.get(`place:${place.id}`)).toMatchObject({ name: 'Renamed café', address: '1 New Street' });
    expect(byId.get(`group:${group.id}`)).toMatchObject({ name: 'Renamed group', visibility: 'private' });
    expect(byId.get(`post:${post.id}`)).toMatchObject({ name: 'Renamed post' });
    expect(byId.get(`event:${event.id}`)).toMatchObject({
      name: 'Renamed meetup',
      startsAt: startsAt.toISOString(),
      seatsLeft: 2,
    });
    const oneByOne = (await Promise.all(['event', 'group', 'place', 'post'].map(ask)))
      .flat()
      .sort((a, b) => a.properties.distanceMeters - b.properties.distanceMeters);
    expect(together).toEqual(oneByOne);
  });
});

describe('pages asked for at the same time', () => {
  const centre = { lat: -1.29, lng: 36.82 };
  const points = Array.from({ length: 9 }, (_, i) => destination(centre, i * 40, i * 150));
  let owner: TestUser;
  let stranger: TestUser;

  beforeAll(async () => {
    owner = await registerUser(t.app);
    stranger = await registerUser(t.app);
    const at = (i: number) => destination(centre, (i * 97) % 360, 30 + i * 45);
    const secret = await createGroup(t.app, owner, at(0), { visibility: 'private' });
    await createGroup(t.app, owner, at(1));
    for (let i = 2; i < 10; i++) await createPlace(t.app, owner, at(i));
    for (let i = 10; i < 18; i++)
      await createPost(t.app, owner, { location: at(i), ...(i % 2 ? { groupId: secret.id } : {}) });
    for (let i = 18; i < 22; i++) await createEvent(t.app, owner, at(i), i % 2 ? { groupId: secret.id } : {});
  });

  it('answers each point, radius and viewer of one statement exactly as a statement of its own would', async () => {
    const far = { lat: 60, lng: -150 };
    const everywhere = [...points, far];
    const first = await findRadiusPage(t.db, registry, {
      point: centre,
      radius: 2000,
      kinds: ['place', 'post'],
      limit: 4,
      after: null,
      viewerId: null,
    });
    expect(first.last).not.toBeNull();
    const shapes: RadiusPageShape[] = [
      { kinds: ['place', 'group', 'post', 'event'], limit: 5, after: null },
      { kinds: ['place', 'group', 'post', 'event'], limit: 50, after: null },
      { kinds: ['post'], limit: 3, after: null },
      { kinds: ['place', 'post'], limit: 4, after: first.last },
    ];
    const mixes: ((i: number) => Omit<RadiusAsk, 'point'>)[] = [
      () => ({ radius: 2000, viewerId: null }),
      () => ({ radius: 800, viewerId: owner.id }),
      (i) => ({ radius: i % 2 ? 500 : 2000, viewerId: [null, owner.id, stranger.id][i % 3]! }),
    ];
    for (const shape of shapes) {
      for (const mix of mixes) {
        const asks: RadiusAsk[] = everywhere.map((point, i) => ({ point, ...mix(i) }));
        const together = await findRadiusPages(t.db, registry, shape, asks);
        const alone = [];
        for (const ask of asks) alone.push(await findRadiusPage(t.db, registry, { ...shape, ...ask }));
        expect(together).toEqual(alone);
        expect(together.at(-1)).toEqual({ features: '[]', more: false, last: null });
        expect(together.filter((page) => page.features !== '[]').length).toBeGreaterThan(3);
      }
    }
    // The owner sees the private group's posts that strangers do not, within one statement.
    const [asOwner, asStranger] = await findRadiusPages(t.db, registry, shapes[1]!, [
      { point: centre, radius: 2000, viewerId: owner.id },
      { point: centre, radius: 2000, viewerId: stranger.id },
    ]);
    expect(asOwner!.features.length).toBeGreaterThan(asStranger!.features.length);
  });

  it('answers concurrent requests as it answers them one by one, pages and cursors included', async () => {
    const requests = points.flatMap((point, i) => [
      { url: `/api/nearby?lat=${point.lat}&lng=${point.lng}&radius=2000&limit=4`, viewer: null },
      { url: `/api/nearby?lat=${point.lat}&lng=${point.lng}&radius=2000&limit=4`, viewer: i % 2 ? owner : stranger },
      { url: `/api/nearby?lat=${point.lat}&lng=${point.lng}&radius=700&limit=4`, viewer: owner },
      { url: `/api/posts?lat=${point.lat}&lng=${point.lng}&radius=1500&limit=2`, viewer: owner },
    ]);
    interface Answer {
      url: string;
      viewer: TestUser | null;
      page: { features: Feature[]; nextCursor: string | null };
    }
    const ask = async ({ url, viewer }: { url: string; viewer: TestUser | null }): Promise<Answer> => {
      const response = await t.app.inject({ url, headers: viewer?.auth ?? {} });
      expect(response.statusCode, response.body).toBe(200);
      return { url, viewer, page: response.json() };
    };
    const oneByOne: Answer[] = [];
    for (const request of requests) oneByOne.push(await ask(request));
    expect(oneByOne.filter(({ page }) => page.nextCursor !== null).length).toBeGreaterThan(5);
    const together = await Promise.all(requests.map(ask));
    expect(together).toEqual(oneByOne);
    // Second pages, all at once, as when many people press "next" together.
    const next = (answers: Answer[]) =>
      answers
        .filter(({ page }) => page.nextCursor !== null)
        .map(({ url, viewer, page }) => ({ url: `${url}&cursor=${page.nextCursor}`, viewer }));
    const secondOneByOne: Answer[] = [];
    for (const request of next(oneByOne)) secondOneByOne.push(await ask(request));
    expect(await Promise.all(next(together).map(ask))).toEqual(secondOneByOne);
  });
});

describe.runIf(TEST_DB_KIND === 'postgres')('query plans on PostGIS', () => {
  it('answers radius queries through the GiST index', async () => {
    await sql`insert into places (name, kind, location)
      select 'bulk ' || g, 'cafe', ST_SetSRID(ST_MakePoint(-10 + random() * 20, 30 + random() * 20), 4326)::geography
      from generate_series(1, 20000) g`.execute(t.db);
    await sql`analyze places`.execute(t.db);
    const query = radiusQuery(t.db, registry, {
      point: { lat: 40, lng: 0 },
      radius: 5000,
      kinds: ['place'],
      limit: 50,
      after: null,
      viewerId: null,
    })!;
    const plan = JSON.stringify(await query.explain('json'));
    expect(plan).toContain('places_public_location_gist');
    expect(plan).not.toMatch(
      /"Node Type":"Seq Scan","Parent Relationship":"[^"]+","Parallel Aware":\w+,"Async Capable":\w+,"Relation Name":"places"/,
    );

    // Several kinds at once go through the one index over all of them.
    await sql`analyze nearby_items`.execute(t.db);
    const across = radiusQuery(t.db, registry, {
      point: { lat: 40, lng: 0 },
      radius: 5000,
      kinds: ['place', 'group', 'post', 'event'],
      limit: 50,
      after: null,
      viewerId: null,
    })!;
    const acrossPlan = JSON.stringify(await across.explain('json'));
    expect(acrossPlan).toContain('nearby_items_geom_gist');
    expect(acrossPlan).toContain('nearby_items_location_gist');
    expect(acrossPlan).not.toMatch(
      /"Node Type":"Seq Scan","Parent Relationship":"[^"]+","Parallel Aware":\w+,"Async Capable":\w+,"Relation Name":"(nearby_items|places|posts)"/,
    );

    // Pages asked for together, by different viewers: the same index scans, once per point.
    const together = radiusPagesQuery(
      t.db,
      registry,
      { kinds: ['place', 'group', 'post', 'event'], limit: 50, after: null },
      [
        { point: { lat: 40, lng: 0 }, radius: 5000, viewerId: null },
        { point: { lat: 41, lng: 1 }, radius: 1000, viewerId: user.id },
      ],
    )!;
    const { rows } = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${together}`.execute(t.db);
    const togetherPlan = JSON.stringify(rows[0]!['QUERY PLAN']);
    expect(togetherPlan).toContain('nearby_items_geom_gist');
    expect(togetherPlan).toContain('nearby_items_location_gist');
    expect(togetherPlan).not.toContain('"Node Type":"Seq Scan"');
  });
});
