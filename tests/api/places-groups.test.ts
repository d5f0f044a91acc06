import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { registerUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

describe('places', () => {
  it('creates a place and reads it back with its creator', async () => {
    const user = await registerUser(t.app, 'Lea');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/places',
      headers: user.auth,
      payload: {
        name: '  Würfel & Zucker ',
        kind: 'game_store',
        location: kreuzberg,
        address: 'Schönleinstraße 7',
        tags: ['Board Games', 'board games', ' wifi '],
      },
    });
    expect(response.statusCode).toBe(201);
    const place = response.json();
    expect(place).toMatchObject({
      name: 'Würfel & Zucker',
      kind: 'game_store',
      address: 'Schönleinstraße 7',
      tags: ['board games', 'wifi'],
      createdBy: { id: user.id, displayName: 'Lea' },
    });
    expect(place.location.lat).toBeCloseTo(kreuzberg.lat, 9);
    expect(place.location.lng).toBeCloseTo(kreuzberg.lng, 9);
    const read = await t.app.inject(`/api/places/${place.id}`);
    expect(read.json()).toEqual(place);
  });

  it('stores the point as geography(Point, 4326) with a GiST index', async () => {
    const { rows } = await sql<{ type: string; indexdef: string }>`
      select format_type(a.atttypid, a.atttypmod) as type,
        (select indexdef from pg_indexes where tablename = 'places' and indexdef like '%gist (location)%') as indexdef
      from pg_attribute a where a.attrelid = 'places'::regclass and a.attname = 'location'`.execute(t.db);
    expect(rows[0]?.type).toBe('geography(Point,4326)');
    expect(rows[0]?.indexdef).toContain('USING gist (location)');
  });

  it('requires sign-in to create', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/places',
      payload: { name: 'x', kind: 'cafe', location: kreuzberg },
    });
    expect(response.statusCode).toBe(401);
  });

  it.each([
    ['an unknown kind', { kind: 'casino' }, 'kind'],
    ['a latitude of 91', { location: { lat: 91, lng: 0 } }, 'location.lat'],
    ['a longitude of -181', { location: { lat: 0, lng: -181 } }, 'location.lng'],
    ['a missing location', { location: undefined }, 'location'],
    ['a blank name', { name: '   ' }, 'name'],
    ['too many tags', { tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
  ])('answers 400 for %s', async (_label, change, field) => {
    const user = await registerUser(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/places',
      headers: user.auth,
      payload: { name: 'Somewhere', kind: 'cafe', location: kreuzberg, ...change },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message.startsWith(field)).toBe(true);
  });

  it('lets only the creator change or delete a place (403 for others, 404 when gone)', async () => {
    const owner = await registerUser(t.app);
    const other = await registerUser(t.app);
    const place = await createPlace(t.app, owner, kreuzberg);
    const patch = { method: 'PATCH' as const, url: `/api/places/${place.id}`, payload: { name: 'Renamed' } };
    expect((await t.app.inject({ ...patch, headers: other.auth })).statusCode).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/places/${place.id}`, headers: other.auth })).statusCode,
    ).toBe(403);
    const renamed = await t.app.inject({ ...patch, headers: owner.auth });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('Renamed');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/places/${place.id}`, headers: owner.auth })).statusCode,
    ).toBe(204);
    expect((await t.app.inject(`/api/places/${place.id}`)).statusCode).toBe(404);
    expect((await t.app.inject({ ...patch, headers: owner.auth })).statusCode).toBe(404);
  });

  it('answers 400 for a non-numeric or absurd id, 404 for a missing one', async () => {
    expect((await t.app.inject('/api/places/abc')).statusCode).toBe(400);
    expect((await t.app.inject('/api/places/99999999999999999999')).statusCode).toBe(400);
    expect((await t.app.inject('/api/places/424242')).statusCode).toBe(404);
  });
});

describe('groups', () => {
  it('makes the creator the owner', async () => {
    const owner = await registerUser(t.app);
    const group = await createGroup(t.app, owner, kreuzberg, { name: 'Catan Crew' });
    const read = await t.app.inject({ url: `/api/groups/${group.id}`, headers: owner.auth });
    expect(read.json()).toMatchObject({ name: 'Catan Crew', visibility: 'public', memberCount: 1, myRole: 'owner' });
    expect(read.json().location).toEqual({ lat: kreuzberg.lat, lng: kreuzberg.lng, precisionMeters: 0 });
    const anonymous = await t.app.inject(`/api/groups/${group.id}`);
    expect(anonymous.json().myRole).toBeNull();
  });

  it('shows a private group to non-members only at a coarsened point, in the API and on the map', async () => {
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const exact = { lat: 52.49123, lng: 13.43187 };
    const group = await createGroup(t.app, owner, exact, { visibility: 'private' });
    const seenByStranger = (await t.app.inject({ url: `/api/groups/${group.id}`, headers: stranger.auth })).json();
    expect(seenByStranger.location.precisionMeters).toBe(500);
    expect(seenByStranger.location.lat).not.toBe(exact.lat);
    const seenByOwner = (await t.app.inject({ url: `/api/groups/${group.id}`, headers: owner.auth })).json();
    expect(seenByOwner.location).toEqual({ ...exact, precisionMeters: 0 });

    const nearby = (await t.app.inject(`/api/groups?lat=${exact.lat}&lng=${exact.lng}&radius=2000`)).json();
    const feature = nearby.features.find((f: { properties: { itemId: number } }) => f.properties.itemId === group.id);
    expect(feature.geometry.coordinates).toEqual([seenByStranger.location.lng, seenByStranger.location.lat]);
    expect(feature.properties.distanceMeters).toBeGreaterThan(1);
  });

  it('lets only the owner change or delete the group', async () => {
    const owner = await registerUser(t.app);
    const other = await registerUser(t.app);
    const group = await createGroup(t.app, owner, kreuzberg);
    const patch = { method: 'PATCH' as const, url: `/api/groups/${group.id}`, payload: { visibility: 'private' } };
    expect((await t.app.inject({ ...patch, headers: other.auth })).statusCode).toBe(403);
    const changed = await t.app.inject({ ...patch, headers: owner.auth });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().visibility).toBe('private');
    // Going private moves the public point onto the privacy grid.
    const anonymous = (await t.app.inject(`/api/groups/${group.id}`)).json();
    expect(anonymous.location.precisionMeters).toBe(500);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/groups/${group.id}`, headers: other.auth })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/groups/${group.id}`, headers: owner.auth })).statusCode,
    ).toBe(204);
    expect((await t.app.inject(`/api/groups/${group.id}`)).statusCode).toBe(404);
  });

  it('answers 400 for an empty patch and an unknown visibility', async () => {
    const owner = await registerUser(t.app);
    const group = await createGroup(t.app, owner, kreuzberg);
    const empty = await t.app.inject({
      method: 'PATCH',
      url: `/api/groups/${group.id}`,
      headers: owner.auth,
      payload: {},
    });
    expect(empty.statusCode).toBe(400);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/groups',
      headers: owner.auth,
      payload: { name: 'x', description: '', visibility: 'secret', location: kreuzberg },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('visibility');
  });
});
