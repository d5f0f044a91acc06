/**
 * The map's low-zoom clusters on both databases count only what lists show: no post or meetup
 * removed by moderators or held for review (the count pyramid, migration 0131, and what is
 * counted beside it), and for a signed-in viewer none of a person either of them blocked.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { createGroup } from '../helpers/places.js';
import { createPost, setRole } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();

interface Cluster {
  properties: { kind: string; count?: number; counts?: Record<string, number> };
}

/** The clusters' counts per kind over a view far too full to list item by item. */
async function counted(bbox: string, viewer: TestUser | null = null): Promise<Record<string, number>> {
  const response = await t.app.inject({
    url: `/api/map?bbox=${bbox}&zoom=5`,
    ...(viewer ? { headers: viewer.auth } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  const answer = response.json() as { clustered: boolean; features: Cluster[] };
  expect(answer.clustered).toBe(true);
  const sums: Record<string, number> = {};
  for (const feature of answer.features) {
    for (const [kind, n] of Object.entries(feature.properties.counts ?? {})) sums[kind] = (sums[kind] ?? 0) + n;
  }
  return sums;
}

/** Places straight into the table, enough to make the view clustered. */
async function fill(box: { minLng: number; minLat: number; maxLng: number; maxLat: number }) {
  await sql`insert into places (name, kind, location)
    select 'filler ' || g, 'cafe', ST_SetSRID(ST_MakePoint(
      ${box.minLng}::float8 + (g * 0.6180339887 % 1) * ${box.maxLng - box.minLng}::float8,
      ${box.minLat}::float8 + (g * 0.7548776662 % 1) * ${box.maxLat - box.minLat}::float8), 4326)::geography
    from generate_series(1, 400) g`.execute(t.db);
}

async function act(user: TestUser, subject: { type: string; id: number }, action: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/moderation/actions',
    headers: user.auth,
    payload: { subject, action, reason: 'Rule 2' },
  });
  expect(response.statusCode, response.body).toBe(201);
}

describe('map clusters and moderation', () => {
  it('leave out removed and held posts and meetups, and count them again once restored', async () => {
    const centre = { lat: 30.005, lng: 50.005 };
    const bbox = '49,29,51,31';
    await fill({ minLng: 50, minLat: 30, maxLng: 50.01, maxLat: 30.01 });
    const owner = await registerUser(t.app, 'Owner');
    const author = await registerUser(t.app, 'Author');
    const viewer = await registerUser(t.app, 'Viewer');
    const group = await createGroup(t.app, owner, centre);
    await setRole(t.db, group.id, author.id, 'organizer');
    const rules = await t.app.inject({
      method: 'PUT',
      url: `/api/groups/${group.id}/rules`,
      headers: owner.auth,
      payload: { rules: 'No selling.', heldTerms: ['cheap-dice.example'] },
    });
    expect(rules.statusCode, rules.body).toBe(200);
    await createPost(t.app, author, { groupId: group.id });
    const removed = await createPost(t.app, author, { groupId: group.id });
    // Held by the first line in the transaction that writes it.
    await createPost(t.app, author, { groupId: group.id, body: 'Buy at cheap-dice.example' });
    const meetup = await createEvent(t.app, author, centre, { groupId: group.id });
    const soon = await createEvent(t.app, author, centre, { groupId: group.id });
    // A meetup ending within the hour is counted beside the pyramid, not in it.
    await sql`update events set starts_at = now() - interval '1 hour', ends_at = now() + interval '20 minutes'
      where id = ${soon.id}`.execute(t.db);

    const before = await counted(bbox);
    expect(before).toMatchObject({ place: 400, group: 1, post: 3 - 1, event: 2 });

    await act(owner, { type: 'post', id: removed.id }, 'remove');
    await act(owner, { type: 'event', id: meetup.id }, 'remove');
    await act(owner, { type: 'event', id: soon.id }, 'remove');
    for (const who of [null, viewer, author]) {
      const after = await counted(bbox, who);
      expect(after.post).toBe(1);
      expect(after.event).toBeUndefined();
    }
    // A removed post that moves or is deleted stays out of the count, and the count stays right.
    await sql`update posts set location = ST_SetSRID(ST_MakePoint(50.2, 30.2), 4326)::geography
      where id = ${removed.id}`.execute(t.db);
    expect((await counted(bbox)).post).toBe(1);

    await act(owner, { type: 'post', id: removed.id }, 'restore');
    await act(owner, { type: 'event', id: meetup.id }, 'restore');
    expect(await counted(bbox)).toMatchObject({ post: 2, event: 1 });
    // The pyramid kept by the triggers is the one a rebuild makes.
    const cells = sql`select level, cx, cy, kind, bucket, n from map_cells where n <> 0 order by 1, 2, 3, 4, 5`;
    const byTriggers = (await cells.execute(t.db)).rows;
    await sql`select map_cells_rebuild()`.execute(t.db);
    expect((await cells.execute(t.db)).rows).toEqual(byTriggers);
  });

  it('leave out, for the viewer, the posts and meetups of people either of them blocked', async () => {
    const centre = { lat: -20.005, lng: -60.005 };
    const bbox = '-61,-21,-59,-19';
    await fill({ minLng: -60.01, minLat: -20.01, maxLng: -60, maxLat: -20 });
    const viewer = await registerUser(t.app, 'Viewer');
    const blocked = await registerUser(t.app, 'Blocked');
    const blocker = await registerUser(t.app, 'Blocker');
    const other = await registerUser(t.app, 'Other');
    await createPost(t.app, blocked, { location: centre });
    await createPost(t.app, blocked, { location: centre });
    await createEvent(t.app, blocked, centre);
    await createPost(t.app, blocker, { location: centre });
    await createPost(t.app, other, { location: centre });
    // A private group's content counted for its member beside the pyramid.
    const group = await createGroup(t.app, other, centre, { visibility: 'private' });
    await setRole(t.db, group.id, viewer.id, 'member');
    await setRole(t.db, group.id, blocked.id, 'member');
    await createPost(t.app, blocked, { groupId: group.id });

    expect(await counted(bbox, viewer)).toMatchObject({ post: 5, event: 1 });
    for (const [who, whom] of [
      [viewer, blocked],
      [blocker, viewer],
    ] as const) {
      const response = await t.app.inject({ method: 'PUT', url: `/api/blocks/${whom.id}`, headers: who.auth });
      expect(response.statusCode).toBe(204);
    }
    const seen = await counted(bbox, viewer);
    expect(seen.post).toBe(1);
    expect(seen.event).toBeUndefined();
    // Everyone else still counts them all.
    expect(await counted(bbox)).toMatchObject({ post: 4, event: 1 });
    expect((await counted(bbox, other)).post).toBe(5);
  });
});
