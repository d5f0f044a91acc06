import { check as checkGeoJson } from '@placemarkio/check-geojson';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { uOf, vOf } from '../../server/src/geo/mercator.js';
import { INDIVIDUAL_LIMIT, MAX_FEATURES } from '../../server/src/modules/map/service.js';
import { MAX_ZOOM } from '../../server/src/modules/map/schemas.js';
import { useTestApp } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';
import { createEvent } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { createPost } from '../helpers/posts.js';
import { registerUser } from '../helpers/users.js';

const t = useTestApp();

interface MapFeature {
  id: string;
  geometry: { coordinates: [number, number] };
  properties: Record<string, unknown> & { count?: number; kind?: string; itemId?: number };
}

async function view(bbox: string, zoom: number, kinds?: string) {
  const response = await t.app.inject(`/api/map?bbox=${bbox}&zoom=${zoom}${kinds ? `&kinds=${kinds}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { features: MapFeature[]; clustered: boolean; total: number };
}

/** Inserts `count` places scattered in a box, straight into the table (fast). */
async function scatter(count: number, box: { minLng: number; minLat: number; maxLng: number; maxLat: number }) {
  await sql`insert into places (name, kind, location)
    select 'scatter ' || g, 'cafe', ST_SetSRID(ST_MakePoint(
      ${box.minLng}::float8 + (g * 0.6180339887 % 1) * ${box.maxLng - box.minLng}::float8,
      ${box.minLat}::float8 + (g * 0.7548776662 % 1) * ${box.maxLat - box.minLat}::float8), 4326)::geography
    from generate_series(1, ${count}::int) g`.execute(t.db);
}

describe('GET /api/map', () => {
  it('answers the items in a sparse view one by one', async () => {
    const user = await registerUser(t.app);
    const place = await createPlace(t.app, user, { lat: 10.5, lng: 20.5 });
    const group = await createGroup(t.app, user, { lat: 10.6, lng: 20.4 });
    await createPlace(t.app, user, { lat: 12, lng: 20.5 });
    const answer = await view('20,10,21,11', 9);
    expect(answer.clustered).toBe(false);
    expect(answer.features.map((f) => f.id).sort()).toEqual([`group:${group.id}`, `place:${place.id}`]);
    expect(() => checkGeoJson(JSON.stringify({ type: 'FeatureCollection', features: answer.features }))).not.toThrow();
    const groupsOnly = await view('20,10,21,11', 9, 'group');
    expect(groupsOnly.features.map((f) => f.id)).toEqual([`group:${group.id}`]);
  });

  it('clusters a dense view in the database and never answers more than the cap', async () => {
    const box = { minLng: 30, minLat: -10, maxLng: 32, maxLat: -8 };
    await scatter(5000, box);
    for (const zoom of [0, 8, 12, 18]) {
      const answer = await view(`${box.minLng},${box.minLat},${box.maxLng},${box.maxLat}`, zoom);
      expect(answer.clustered).toBe(true);
      expect(answer.features.length).toBeLessThanOrEqual(MAX_FEATURES);
      expect(answer.features.length).toBeGreaterThan(0);
      const clusters = answer.features.filter((f) => f.properties.kind === 'cluster');
      const counted = answer.features.reduce(
        (sum, f) => sum + (f.properties.kind === 'cluster' ? f.properties.count! : 1),
        0,
      );
      expect(counted).toBe(5000);
      expect(answer.total).toBe(5000);
      for (const cluster of clusters) {
        expect(cluster.properties.counts).toEqual({ place: cluster.properties.count });
        expect(cluster.properties.expansionZoom).toBeGreaterThan(zoom);
        const [lng, lat] = cluster.geometry.coordinates;
        expect(lng).toBeGreaterThanOrEqual(box.minLng);
        expect(lng).toBeLessThanOrEqual(box.maxLng);
        expect(lat).toBeGreaterThanOrEqual(box.minLat);
        expect(lat).toBeLessThanOrEqual(box.maxLat);
      }
    }
    // Zooming into one cluster's area shows fewer, smaller clusters or the items themselves.
    const wide = await view('30,-10,32,-8', 8);
    const biggest = wide.features
      .filter((f) => f.properties.kind === 'cluster')
      .sort((a, b) => b.properties.count! - a.properties.count!)[0]!;
    expect(biggest.properties.count!).toBeGreaterThan(1);
  }, 60_000);

  it('gives each cluster the zoom at which its items first fall into two cells', async () => {
    const at = async (count: number, point: { lat: number; lng: number }) =>
      sql`insert into places (name, kind, location)
        select 'clump ' || g, 'cafe', ST_SetSRID(ST_MakePoint(${point.lng}::float8, ${point.lat}::float8), 4326)::geography
        from generate_series(1, ${count}::int) g`.execute(t.db);
    // One spot that never splits, and two spots 400 m apart that split somewhere deeper.
    const stacked = { lat: 0.3, lng: 100.3 };
    const left = { lat: 0.41, lng: 100.41 };
    const right = { lat: 0.41, lng: 100.4136 };
    await at(200, stacked);
    await at(60, left);
    await at(60, right);
    const zoom = 11;
    const answer = await view('100.2,0.2,100.5,0.5', zoom);
    expect(answer.clustered).toBe(true);
    const clusterAt = (point: { lat: number; lng: number }) =>
      answer.features.find(
        (f) =>
          f.properties.kind === 'cluster' &&
          Math.abs(f.geometry.coordinates[0] - point.lng) < 0.01 &&
          Math.abs(f.geometry.coordinates[1] - point.lat) < 0.01,
      )!;
    expect(clusterAt(stacked).properties).toMatchObject({ count: 200, expansionZoom: MAX_ZOOM });
    // Cells of quadtree level z + 2 are drawn at zoom z; the pyramid goes down to level 18.
    const cell = (point: { lat: number; lng: number }, level: number) =>
      `${Math.floor(uOf(point.lng) * 2 ** level)}:${Math.floor(vOf(point.lat) * 2 ** level)}`;
    let splitLevel = zoom + 3;
    while (splitLevel <= 18 && cell(left, splitLevel) === cell(right, splitLevel)) splitLevel += 1;
    expect(splitLevel).toBeLessThanOrEqual(18);
    expect(cell(left, zoom + 2)).toBe(cell(right, zoom + 2));
    expect(clusterAt(left).properties).toMatchObject({ count: 120, expansionZoom: splitLevel - 2 });
  });

  it('sends up to the individual limit one by one, then switches to clusters', async () => {
    const box = { minLng: 50, minLat: 10, maxLng: 50.5, maxLat: 10.5 };
    await scatter(INDIVIDUAL_LIMIT, box);
    const atLimit = await view('50,10,50.5,10.5', 11);
    expect(atLimit.clustered).toBe(false);
    expect(atLimit.total).toBe(INDIVIDUAL_LIMIT);
    // Sent one by one, except markers that would overlap, which come grouped.
    const counted = atLimit.features.reduce((sum, f) => sum + (f.properties.count ?? 1), 0);
    expect(counted).toBe(INDIVIDUAL_LIMIT);
    const deep = await view('50,10,50.5,10.5', 18);
    expect(deep.features).toHaveLength(INDIVIDUAL_LIMIT);
    await scatter(1, box);
    const over = await view('50,10,50.5,10.5', 11);
    expect(over.clustered).toBe(true);
    expect(over.total).toBe(INDIVIDUAL_LIMIT + 1);
  });

  it('counts clusters per kind', async () => {
    const user = await registerUser(t.app);
    await scatter(400, { minLng: 60, minLat: 20, maxLng: 60.01, maxLat: 20.01 });
    await createGroup(t.app, user, { lat: 20.005, lng: 60.005 });
    const answer = await view('59,19,61,21', 5);
    expect(answer.features).toHaveLength(1);
    expect(answer.features[0]!.properties).toMatchObject({
      kind: 'cluster',
      count: 401,
      counts: { place: 400, group: 1 },
    });
  });

  it('works for a view across the antimeridian', async () => {
    const user = await registerUser(t.app);
    const east = await createPlace(t.app, user, { lat: -17.7, lng: 179.9 });
    const west = await createPlace(t.app, user, { lat: -17.6, lng: -179.9 });
    await createPlace(t.app, user, { lat: -17.6, lng: 170 });
    const answer = await view('179.5,-18,-179.5,-17', 9);
    expect(answer.features.map((f) => f.id).sort()).toEqual([`place:${east.id}`, `place:${west.id}`].sort());

    await scatter(600, { minLng: 179.6, minLat: -30, maxLng: 180, maxLat: -29 });
    await scatter(600, { minLng: -180, minLat: -30, maxLng: -179.6, maxLat: -29 });
    const clustered = await view('179.5,-30,-179.5,-29', 6);
    expect(clustered.clustered).toBe(true);
    expect(clustered.total).toBe(1200);
    for (const feature of clustered.features) {
      expect(Math.abs(feature.geometry.coordinates[0])).toBeGreaterThanOrEqual(179.5);
    }
  });

  it.each([
    ['a missing bbox', 'zoom=3', 'bbox'],
    ['three numbers', 'bbox=1,2,3&zoom=3', 'bbox'],
    ['words', 'bbox=a,b,c,d&zoom=3', 'bbox'],
    ['a latitude over 90', 'bbox=0,0,1,91&zoom=3', 'bbox'],
    ['minLat above maxLat', 'bbox=0,5,1,4&zoom=3', 'bbox'],
    ['a missing zoom', 'bbox=0,0,1,1', 'zoom'],
    ['zoom 23', 'bbox=0,0,1,1&zoom=23', 'zoom'],
    ['an unknown kind', 'bbox=0,0,1,1&zoom=3&kinds=stars', 'kinds'],
  ])('answers 400 for %s', async (_label, query, field) => {
    const response = await t.app.inject(`/api/map?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message.startsWith(field)).toBe(true);
  });
});

describe('the cluster count pyramid', () => {
  const pyramid = async () =>
    (
      await sql<{ row: string }>`
        select concat_ws(':', level, cx, cy, kind, extract(epoch from bucket), n, round(sx::numeric, 9), round(sy::numeric, 9)) as row
        from map_cells where n <> 0 order by 1`.execute(t.db)
    ).rows.map((r) => r.row);

  it('stays equal to a full recount through creates, moves, deletes and visibility changes', async () => {
    const owner = await registerUser(t.app);
    const area = (i: number) => ({ lat: -40 + (i % 5) * 0.01, lng: 140 + (i % 7) * 0.01 });
    const place = await createPlace(t.app, owner, area(1));
    const group = await createGroup(t.app, owner, area(2));
    const doomed = await createGroup(t.app, owner, area(3));
    const posts = [];
    for (let i = 0; i < 6; i++)
      posts.push(await createPost(t.app, owner, { location: area(i), groupId: i % 2 ? group.id : undefined }));
    await createPost(t.app, owner, { location: area(4), groupId: doomed.id });
    const event = await createEvent(t.app, owner, area(5), { groupId: group.id });
    await createEvent(t.app, owner, area(6), { groupId: doomed.id });

    const moves = [
      t.app.inject({
        method: 'PATCH',
        url: `/api/places/${place.id}`,
        headers: owner.auth,
        payload: { location: area(9) },
      }),
      t.app.inject({ method: 'DELETE', url: `/api/posts/${posts[0]!.id}`, headers: owner.auth }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/groups/${group.id}`,
        headers: owner.auth,
        payload: { visibility: 'private' },
      }),
      t.app.inject({ method: 'DELETE', url: `/api/events/${event.id}`, headers: owner.auth }),
      t.app.inject({ method: 'DELETE', url: `/api/groups/${doomed.id}`, headers: owner.auth }),
      t.app.inject({
        method: 'PATCH',
        url: `/api/groups/${group.id}`,
        headers: owner.auth,
        payload: { visibility: 'public' },
      }),
    ];
    for (const move of moves) {
      const answer = await move;
      expect(answer.statusCode, answer.body).toBeLessThan(300);
    }

    const kept = await pyramid();
    expect(kept.length).toBeGreaterThan(0);
    await sql`select map_cells_rebuild()`.execute(t.db);
    expect(await pyramid()).toEqual(kept);
  });

  it('counts upcoming meetups only, and private groups’ content only for their members', async () => {
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const box = { minLng: 100, minLat: 0, maxLng: 100.2, maxLat: 0.2 };
    await scatter(INDIVIDUAL_LIMIT + 10, box);
    const secret = await createGroup(t.app, owner, { lat: 0.1, lng: 100.1 }, { visibility: 'private' });
    await createPost(t.app, owner, { location: { lat: 0.1, lng: 100.1 }, groupId: secret.id });
    await createEvent(t.app, owner, { lat: 0.1, lng: 100.1 }, { groupId: secret.id });
    const ended = await createEvent(t.app, owner, { lat: 0.1, lng: 100.1 });
    await sql`update events set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 second' where id = ${ended.id}`.execute(
      t.db,
    );
    const soon = await createEvent(t.app, owner, { lat: 0.1, lng: 100.1 });
    // Ends within the current hour (or just after it): counted until it is over.
    await sql`update events set starts_at = now() - interval '1 hour', ends_at = now() + interval '10 minutes' where id = ${soon.id}`.execute(
      t.db,
    );

    const counts = async (headers: Record<string, string>) => {
      const response = await t.app.inject({ url: '/api/map?bbox=100,0,100.2,0.2&zoom=6', headers });
      const { features, total } = response.json() as { features: MapFeature[]; total: number };
      const sum = (kind: string) =>
        features.reduce((n, f) => n + ((f.properties.counts as Record<string, number> | undefined)?.[kind] ?? 0), 0);
      return { total, posts: sum('post'), events: sum('event'), groups: sum('group') };
    };
    expect(await counts(stranger.auth)).toMatchObject({ posts: 0, events: 1, groups: 1 });
    expect(await counts(owner.auth)).toMatchObject({ posts: 1, events: 2, groups: 1 });
  });
});

// Several connections are needed to interleave two transactions, so only the server can run this.
describe.runIf(TEST_DB_KIND === 'postgres')('the pyramid while a group changes visibility', () => {
  const pyramidMatchesRecount = async () => {
    const read = async () =>
      (
        await sql<{ row: string }>`select concat_ws(':', level, cx, cy, kind, bucket, n) as row from map_cells
        where n <> 0 order by 1`.execute(t.db)
      ).rows.map((r) => r.row);
    const kept = await read();
    await sql`select map_cells_rebuild()`.execute(t.db);
    expect(await read()).toEqual(kept);
  };

  /**
   * Changes the group's visibility in a transaction left open while `write` starts, then commits once
   * the write waits for the group's row (or has finished without waiting).
   */
  async function whileTurning(
    visibility: 'public' | 'private',
    groupId: number,
    write: () => Promise<{ statusCode: number; body: string }>,
  ) {
    const trx = await t.db.startTransaction().execute();
    await trx.updateTable('groups').set({ visibility }).where('id', '=', groupId).execute();
    let settled = false;
    const pending = write().finally(() => (settled = true));
    const deadline = Date.now() + 5000;
    while (!settled && Date.now() < deadline) {
      const waiting = await sql<{ n: number }>`select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(t.db);
      if (waiting.rows[0]!.n > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await trx.commit().execute();
    const answer = await pending;
    expect(answer.statusCode, answer.body).toBeLessThan(300);
  }

  /** A group that turns `to` while one of its meetups is cancelled; the pyramid must match a recount. */
  async function cancelMeetupWhileTurning(to: 'public' | 'private', at: { lat: number; lng: number }) {
    const owner = await registerUser(t.app);
    const group = await createGroup(t.app, owner, at, { visibility: to === 'public' ? 'private' : 'public' });
    const event = await createEvent(t.app, owner, at, { groupId: group.id });
    await whileTurning(to, group.id, () =>
      t.app.inject({ method: 'DELETE', url: `/api/events/${event.id}`, headers: owner.auth }),
    );
    await pyramidMatchesRecount();
  }

  /** A group that turns `to` while a post is written in it; the pyramid must match a recount. */
  async function writePostWhileTurning(to: 'public' | 'private', at: { lat: number; lng: number }) {
    const owner = await registerUser(t.app);
    const group = await createGroup(t.app, owner, at, { visibility: to === 'public' ? 'private' : 'public' });
    await whileTurning(to, group.id, () =>
      t.app.inject({
        method: 'POST',
        url: '/api/posts',
        headers: owner.auth,
        payload: { title: 'Written meanwhile', body: 'Body.', location: at, groupId: group.id },
      }),
    );
    await pyramidMatchesRecount();
  }

  it('uncounts a meetup cancelled meanwhile exactly once', () =>
    cancelMeetupWhileTurning('private', { lat: -30, lng: 150 }));

  it('leaves out a post written meanwhile', () => writePostWhileTurning('private', { lat: -31, lng: 151 }));

  // The group's turn reads the writer's change as not yet made, so the writer has to wait for the
  // turn and read the visibility it leaves; a writer that read the private row it saw before the
  // turn committed counted nothing either, and the meetup stayed on the map.
  it('uncounts a meetup cancelled while its group turns public', () =>
    cancelMeetupWhileTurning('public', { lat: -32, lng: 152 }));

  it('counts a post written while its group turns public', () =>
    writePostWhileTurning('public', { lat: -33, lng: 153 }));
});
