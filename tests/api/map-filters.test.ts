/** /api/map and /api/nearby filters (place kind, this week, needs players) and overlapping markers grouped. */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { latOfV, lngOfU, uOf, vOf } from '../../server/src/geo/mercator.js';
import { INDIVIDUAL_LIMIT } from '../../server/src/modules/map/service.js';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR, rsvp } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();

interface MapFeature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: Record<string, unknown> & { count?: number; kind?: string; expansionZoom?: number };
}
interface MapAnswer {
  features: MapFeature[];
  clustered: boolean;
  total: number;
}

async function view(query: string, user?: TestUser): Promise<MapAnswer> {
  const response = await t.app.inject({ url: `/api/map?${query}`, headers: user?.auth ?? {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

const ids = (answer: { features: { id: string }[] }) => answer.features.map((f) => f.id).sort();

/** Items counted by a map answer, per kind: single items and clusters' counts. */
function countsOf(answer: MapAnswer): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of answer.features) {
    const per =
      f.properties.kind === 'cluster'
        ? (f.properties.counts as Record<string, number>)
        : { [f.properties.kind as string]: 1 };
    for (const [kind, n] of Object.entries(per)) counts[kind] = (counts[kind] ?? 0) + n;
  }
  return counts;
}

describe('filters on /api/map and /api/nearby', () => {
  it('shows only places of the kinds asked for, on the map and in the list', async () => {
    const user = await registerUser(t.app);
    const cafe = await createPlace(t.app, user, { lat: 5.1, lng: 5.1 }, { kind: 'cafe' });
    const store = await createPlace(t.app, user, { lat: 5.2, lng: 5.2 }, { kind: 'game_store' });
    await createPlace(t.app, user, { lat: 5.3, lng: 5.3 }, { kind: 'bar' });
    await createGroup(t.app, user, { lat: 5.15, lng: 5.15 });
    const bbox = 'bbox=5,5,5.5,5.5&zoom=16';
    expect(ids(await view(`${bbox}&placeKinds=cafe`))).toEqual([`place:${cafe.id}`]);
    expect(ids(await view(`${bbox}&placeKinds=cafe,game_store`))).toEqual(
      [`place:${cafe.id}`, `place:${store.id}`].sort(),
    );
    const list = await t.app.inject('/api/nearby?lat=5.1&lng=5.1&radius=50000&placeKinds=cafe');
    expect(list.statusCode, list.body).toBe(200);
    expect(ids(list.json())).toEqual([`place:${cafe.id}`]);
    // A place kind and a meetup filter together: nothing is both.
    expect((await view(`${bbox}&placeKinds=cafe&thisWeek=true`)).features).toEqual([]);
  });

  it('shows meetups this week and meetups that need players', async () => {
    const host = await registerUser(t.app);
    const spot = { lat: 6.1, lng: 6.1 };
    const soon = await createEvent(t.app, host, spot, { startsAt: fromNow(3 * DAY), endsAt: fromNow(3 * DAY + HOUR) });
    const later = await createEvent(
      t.app,
      host,
      { lat: 6.2, lng: 6.2 },
      {
        startsAt: fromNow(10 * DAY),
        endsAt: fromNow(10 * DAY + HOUR),
        minPlayers: 2,
      },
    );
    const full = await createEvent(t.app, host, { lat: 6.3, lng: 6.3 }, { minPlayers: 1 });
    await rsvp(t.app, host, full.id, 'going');
    await createPlace(t.app, host, { lat: 6.15, lng: 6.15 });
    const bbox = 'bbox=6,6,6.5,6.5&zoom=16';
    expect(ids(await view(`${bbox}&thisWeek=true`))).toEqual([`event:${soon.id}`, `event:${full.id}`].sort());
    expect(ids(await view(`${bbox}&needsPlayers=true`))).toEqual([`event:${later.id}`]);
    expect(ids(await view(`${bbox}&needsPlayers=true&thisWeek=true`))).toEqual([]);
    const list = await t.app.inject('/api/nearby?lat=6.1&lng=6.1&radius=100000&thisWeek=true');
    expect(ids(list.json())).toEqual([`event:${soon.id}`, `event:${full.id}`].sort());
  });

  it.each([
    ['/api/map?bbox=0,0,1,1&zoom=3&placeKinds=castle', 'placeKinds'],
    ['/api/nearby?lat=0&lng=0&radius=100&placeKinds=cafe,castle', 'placeKinds'],
    ['/api/map?bbox=0,0,1,1&zoom=3&thisWeek=maybe', 'querystring/thisWeek'],
  ])('answers 400 for %s', async (url, field) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(field.split('/').pop());
  });

  it('counts only what passes the filters, and what the viewer may see, in clusters', async () => {
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const box = { minLng: 70, minLat: 30, maxLng: 70.2, maxLat: 30.2 };
    // More than the individual limit, so the view is counted in cells.
    await sql`insert into places (name, kind, location)
      select 'p ' || g, case when g % 3 = 0 then 'bar' else 'cafe' end, ST_SetSRID(ST_MakePoint(
        ${box.minLng}::float8 + (g * 0.6180339887 % 1) * 0.2, ${box.minLat}::float8 + (g * 0.7548776662 % 1) * 0.2), 4326)::geography
      from generate_series(1, ${INDIVIDUAL_LIMIT * 2}::int) g`.execute(t.db);
    const bars = (INDIVIDUAL_LIMIT * 2) / 3;
    const bbox = 'bbox=70,30,70.2,30.2&zoom=8';
    const onlyBars = await view(`${bbox}&placeKinds=bar`);
    expect(onlyBars.clustered).toBe(false);
    expect(onlyBars.total).toBe(bars);
    expect(countsOf(onlyBars)).toEqual({ place: bars });
    const onlyCafes = await view(`${bbox}&placeKinds=cafe`);
    expect(onlyCafes.clustered).toBe(true);
    expect(onlyCafes.total).toBe(INDIVIDUAL_LIMIT * 2 - bars);
    expect(countsOf(onlyCafes)).toEqual({ place: INDIVIDUAL_LIMIT * 2 - bars });
    for (const cluster of onlyCafes.features.filter((f) => f.properties.kind === 'cluster')) {
      expect(cluster.properties.expansionZoom).toBeGreaterThan(8);
    }

    // A private group's meetups this week: counted for its members only.
    const secret = await createGroup(t.app, owner, { lat: 30.1, lng: 70.1 }, { visibility: 'private' });
    for (let i = 0; i < INDIVIDUAL_LIMIT + 5; i++) {
      await sql`insert into events (title, organizer_id, group_id, starts_at, ends_at, time_zone, location)
        values ('e', ${owner.id}::bigint, ${i % 2 === 0 ? secret.id : null}, now() + interval '1 day', now() + interval '1 day 1 hour',
          'UTC', ST_SetSRID(ST_MakePoint(70.1 + ${i}::float8 * 0.0003, 30.1), 4326)::geography)`.execute(t.db);
    }
    const mine = await view(`${bbox}&thisWeek=true`, owner);
    const theirs = await view(`${bbox}&thisWeek=true`, stranger);
    expect(mine.clustered).toBe(true);
    expect(countsOf(mine)).toEqual({ event: INDIVIDUAL_LIMIT + 5 });
    const publicOnes = Math.floor((INDIVIDUAL_LIMIT + 5) / 2);
    expect(countsOf(theirs)).toEqual({ event: publicOnes });
    expect(theirs.total).toBe(publicOnes);
  }, 60_000);
});

describe('overlapping markers on /api/map', () => {
  it('groups items whose markers would overlap at any zoom, until zooming in splits them', async () => {
    const user = await registerUser(t.app);
    // Three cafés about 300 m apart, and one far away: at zoom 10 a pixel is about 150 m.
    const near = [];
    for (let i = 0; i < 3; i++) near.push(await createPlace(t.app, user, { lat: 40.5, lng: 80.5 + i * 0.003 }));
    const apart = await createPlace(t.app, user, { lat: 40.7, lng: 80.9 });
    const at10 = await view('bbox=80,40,81,41&zoom=10');
    expect(at10.clustered).toBe(false);
    expect(at10.total).toBe(4);
    const clusters = at10.features.filter((f) => f.properties.kind === 'cluster');
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.properties).toMatchObject({ count: 3, counts: { place: 3 } });
    expect(at10.features.map((f) => f.id)).toContain(`place:${apart.id}`);
    const [lng, lat] = clusters[0]!.geometry.coordinates;
    expect(lng).toBeCloseTo(80.503, 3);
    expect(lat).toBeCloseTo(40.5, 3);
    // At the zoom it gives, the group is gone: its items, or smaller groups, instead.
    const split = clusters[0]!.properties.expansionZoom!;
    expect(split).toBeGreaterThan(10);
    const deeper = await view(`bbox=80,40,81,41&zoom=${split}`);
    expect(deeper.features.some((f) => f.properties.kind === 'cluster' && f.properties.count === 3)).toBe(false);
    const before = await view(`bbox=80,40,81,41&zoom=${split - 1}`);
    expect(before.features.some((f) => f.properties.kind === 'cluster' && f.properties.count === 3)).toBe(true);
    expect(ids(await view('bbox=80,40,81,41&zoom=17'))).toEqual([...near, apart].map((p) => `place:${p.id}`).sort());
  });

  it('merges neighbouring cells whose markers would overlap in a dense view', async () => {
    // Two clumps of 200 either side of an edge between two grid cells (level zoom + 2), 4 px apart.
    const zoom = 11;
    const pixel = 1 / (256 * 2 ** zoom);
    const edge = Math.round(uOf(85.1) * 2 ** (zoom + 2)) / 2 ** (zoom + 2);
    const v = (Math.floor(vOf(45.1) * 2 ** (zoom + 2)) + 0.5) / 2 ** (zoom + 2);
    for (const u of [edge - 2 * pixel, edge + 2 * pixel]) {
      await sql`insert into places (name, kind, location)
        select 'clump ' || g, 'cafe', ST_SetSRID(ST_MakePoint(${lngOfU(u)}::float8, ${latOfV(v)}::float8), 4326)::geography
        from generate_series(1, 200) g`.execute(t.db);
    }
    const answer = await view(`bbox=85,45,85.3,45.3&zoom=${zoom}`);
    expect(answer.clustered).toBe(true);
    expect(answer.features).toHaveLength(1);
    expect(answer.features[0]!.properties).toMatchObject({ kind: 'cluster', count: 400, expansionZoom: zoom + 1 });
    expect(answer.features[0]!.geometry.coordinates[0]).toBeCloseTo(lngOfU(edge), 4);
  });

  it('leaves items at one point as single markers, since no zoom would split them', async () => {
    const user = await registerUser(t.app);
    const spot = { lat: 41.5, lng: 81.5 };
    const a = await createPlace(t.app, user, spot);
    const b = await createPlace(t.app, user, spot);
    expect(ids(await view('bbox=81,41,82,42&zoom=10'))).toEqual([`place:${a.id}`, `place:${b.id}`].sort());
  });
});
