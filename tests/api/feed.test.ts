import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { pointSql } from '../../server/src/geo/point.js';
import { excerptOf } from '../../server/src/markdown/excerpt.js';
import { fillExcerpts } from '../../migrations/0014_excerpts.js';
import { feedSql } from '../../server/src/modules/feed/queries.js';
import { useTestApp } from '../helpers/app.js';
import { destination, type LatLng } from '../helpers/geo.js';
import { createGroup } from '../helpers/places.js';
import { createPost, setRole } from '../helpers/posts.js';
import { createUsers, registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();

const D = 2000;
const T = 72;
const B = 1.5;
const HOUR = 3_600_000;

interface Factor {
  name: string;
  value: number | string;
  effect: number;
}
interface Item {
  kind: 'post' | 'event';
  id: number;
  title: string;
  excerpt: string;
  distanceMeters: number;
  createdAt: string;
  startsAt?: string;
  group?: { id: number; name: string };
  url: string;
  why: { score: number; factors: Factor[]; text: string };
}
interface Page {
  items: Item[];
  page: number;
  nextPage: number | null;
  asOf: string;
  mode: string;
  origin: string;
}

/** Each test works around a centre of its own, far from the others, so their items never mix. */
let area = 0;
function newArea(): { center: LatLng; at: (meters: number, bearing?: number) => LatLng } {
  area += 1;
  const center = { lat: 40 + area * 0.5, lng: -3 };
  return { center, at: (meters, bearing = 0) => (meters === 0 ? center : destination(center, bearing, meters)) };
}

async function feed(center: LatLng, user?: TestUser, query = ''): Promise<Page> {
  const response = await t.app.inject({
    url: `/api/feed?lat=${center.lat}&lng=${center.lng}${query}`,
    ...(user ? { headers: user.auth } : {}),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function backdate(table: 'posts' | 'events', id: number, hours: number): Promise<void> {
  await sql`update ${sql.table(table)} set created_at = now() - ${hours}::float8 * interval '1 hour' where id = ${id}`.execute(
    t.db,
  );
}

async function post(
  user: TestUser,
  location: LatLng,
  hoursAgo = 0,
  fields: Record<string, unknown> = {},
): Promise<number> {
  const { id } = await createPost(t.app, user, { location, ...fields });
  if (hoursAgo > 0) await backdate('posts', id, hoursAgo);
  return id;
}

async function event(
  location: LatLng,
  options: {
    startsInHours: number;
    hours?: number;
    groupId?: number;
    status?: 'scheduled' | 'cancelled';
    title?: string;
  } = { startsInHours: 24 },
): Promise<number> {
  const startsAt = new Date(Date.now() + options.startsInHours * HOUR);
  const { id } = await t.db
    .insertInto('events')
    .values({
      title: options.title ?? 'A meetup',
      description: 'Bring **games**.',
      excerpt: excerptOf('Bring **games**.'),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + (options.hours ?? 3) * HOUR),
      time_zone: 'Europe/Berlin',
      location: pointSql(location),
      group_id: options.groupId ?? null,
      status: options.status ?? 'scheduled',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await backdate('events', id, 1);
  return id;
}

const product = (factors: Factor[]) => factors.reduce((total, factor) => total * factor.effect, 1);

function expectOrderedByScore(items: Item[]): void {
  const scores = items.map((item) => item.why.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
}

describe('where the feed is centred', () => {
  it.each([
    ['nothing', '', 'lat'],
    ['lat without lng', '?lat=52.5', 'lng'],
    ['lng without lat', '?lng=13.4', 'lat'],
    ['a radius over 50 km', '?lat=52.5&lng=13.4&radius=50001', 'radius'],
    ['an unknown mode', '?lat=52.5&lng=13.4&mode=popular', 'mode'],
    ['page 0', '?lat=52.5&lng=13.4&page=0', 'page'],
    ['an asOf that is not a time', '?lat=52.5&lng=13.4&asOf=yesterday', 'asOf'],
    ['an asOf in the future', `?lat=52.5&lng=13.4&asOf=${new Date(Date.now() + 24 * HOUR).toISOString()}`, 'asOf'],
  ])('answers 400 naming the parameter for %s', async (_label, query, field) => {
    const response = await t.app.inject(`/api/feed${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details[0].field).toBe(field);
  });

  it('uses the signed-in person’s home when lat/lng are left out, and 400 when there is none', async () => {
    const { center, at } = newArea();
    const user = await registerUser(t.app);
    const id = await post(user, at(300));
    expect((await t.app.inject({ url: '/api/feed', headers: user.auth })).statusCode).toBe(400);
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: user.auth, payload: { homeLocation: center } });
    const response = await t.app.inject({ url: '/api/feed', headers: user.auth });
    expect(response.statusCode).toBe(200);
    const page = response.json() as Page;
    expect(page.origin).toBe('home');
    expect(page.items.map((item) => item.id)).toEqual([id]);
    expect(page.items[0]!.distanceMeters).toBeCloseTo(300, 0);
  });
});

describe('ranking', () => {
  it('orders by score = exp(−d/2000 m)·exp(−age/72 h)·(1.5 in your groups), and every explanation multiplies out to it', async () => {
    const { center, at } = newArea();
    const [reader, author] = await createUsers(t.app, t.db, 2);
    const group = await createGroup(t.app, author!, at(800, 90), { name: 'Catan Crew' });
    await setRole(t.db, group.id, reader!.id, 'member');
    const other = await createGroup(t.app, author!, at(800, 270), { name: 'Chess Club' });
    const layout: [number, number, number?][] = [
      // [metres, hours ago, group]
      [100, 200],
      [3000, 1],
      [1500, 30],
      [500, 0.2],
      [4500, 100],
      [1200, 3, group.id],
      [1200, 3, other.id],
      [2500, 48, group.id],
      [50, 500],
    ];
    for (const [meters, hours, groupId] of layout) {
      await post(author!, at(meters, 45), hours, groupId ? { groupId, location: at(meters, 45) } : {});
    }
    await event(at(700, 180), { startsInHours: 30 });
    await event(at(2000, 180), { startsInHours: 2, groupId: group.id });

    const page = await feed(center, reader, '&radius=5000');
    expect(page.mode).toBe('nearby');
    expect(page.items).toHaveLength(layout.length + 2);
    expectOrderedByScore(page.items);
    const asOf = Date.parse(page.asOf);
    for (const item of page.items) {
      const { score, factors } = item.why;
      expect(product(factors) / score).toBeCloseTo(1, 12);
      const [distance, time, ...rest] = factors;
      expect(distance).toEqual({ name: 'distance', value: item.distanceMeters, effect: expect.any(Number) });
      expect(distance!.effect).toBeCloseTo(Math.exp(-item.distanceMeters / D), 12);
      const hours =
        item.kind === 'post'
          ? (asOf - Date.parse(item.createdAt)) / HOUR
          : Math.max(0, (Date.parse(item.startsAt!) - asOf) / HOUR);
      expect(time!.name).toBe(item.kind === 'post' ? 'age' : 'startsIn');
      expect(time!.value as number).toBeCloseTo(hours, 3);
      expect(time!.effect).toBeCloseTo(Math.exp(-(time!.value as number) / T), 12);
      const member = item.group?.id === group.id;
      expect(rest).toEqual(member ? [{ name: 'groupMember', value: 'Catan Crew', effect: B }] : []);
      // The same number, recomputed from the item's public fields with the documented constants.
      const expected = Math.exp(-item.distanceMeters / D) * Math.exp(-hours / T) * (member ? B : 1);
      expect(score / expected).toBeCloseTo(1, 5);
    }
    // Without the membership the boost is gone, and nobody else's groups count.
    const anonymous = await feed(center, undefined, '&radius=5000');
    expectOrderedByScore(anonymous.items);
    expect(anonymous.items.every((item) => item.why.factors.length === 2)).toBe(true);
  });

  it('says why in words, from the same numbers', async () => {
    const { center, at } = newArea();
    const [reader, author] = await createUsers(t.app, t.db, 2);
    const group = await createGroup(t.app, author!, at(1200), { name: 'Catan Crew' });
    await setRole(t.db, group.id, reader!.id, 'member');
    const inGroup = await post(author!, at(1200), 3, { groupId: group.id });
    const far = await post(author!, at(12_400, 90), 50);
    const soon = await event(at(350, 180), { startsInHours: 48.2, title: 'Board game night' });
    const now = await event(at(20, 270), { startsInHours: -1, hours: 3 });

    const { items } = await feed(center, reader, '&radius=20000');
    const byId = (kind: string, id: number) => items.find((item) => item.kind === kind && item.id === id)!;
    expect(byId('post', inGroup).why.text).toBe('1.2 km away · posted 3 hours ago · in your group Catan Crew');
    expect(byId('post', far).why.text).toBe('12 km away · posted 2 days ago');
    expect(byId('event', soon).why.text).toBe('350 m away · starts in 2 days');
    expect(byId('event', soon)).toMatchObject({
      title: 'Board game night',
      excerpt: 'Bring games.',
      url: `/events/${soon}`,
    });
    const happening = byId('event', now);
    expect(happening.why.text).toBe('20 m away · happening now');
    expect(happening.why.factors[1]).toEqual({ name: 'startsIn', value: 0, effect: 1 });
    expect(byId('post', inGroup).url).toBe(`/posts/${inGroup}`);
  });

  it('ranks sooner events higher, and leaves out past, cancelled and far-away ones', async () => {
    const { center, at } = newArea();
    const later = await event(at(500), { startsInHours: 100 });
    const sooner = await event(at(500, 180), { startsInHours: 5 });
    await event(at(500, 90), { startsInHours: -5, hours: 2 });
    await event(at(500, 270), { startsInHours: 5, status: 'cancelled' });
    await event(at(6000), { startsInHours: 5 });
    const { items } = await feed(center, undefined, '&radius=5000');
    expect(items.map((item) => [item.kind, item.id])).toEqual([
      ['event', sooner],
      ['event', later],
    ]);
    // Events carry their own time zone so readers see the meetup's clock.
    expect(items[0]).toMatchObject({ timeZone: 'Europe/Berlin' });
  });

  it('cannot be moved by comments or RSVPs: 50 of each change nothing', async () => {
    const { center, at } = newArea();
    const [author] = await createUsers(t.app, t.db, 1);
    const people = await createUsers(t.app, t.db, 50);
    const posts = [];
    for (let i = 0; i < 6; i += 1) posts.push(await post(author!, at(400 + i * 350, i * 60), i * 7));
    const meetups = [
      await event(at(900, 200), { startsInHours: 60 }),
      await event(at(2500, 100), { startsInHours: 90 }),
    ];
    const before = await feed(center, undefined, '&radius=5000');
    const last = before.items.at(-1)!;

    const lowestPost = [...before.items].reverse().find((item) => item.kind === 'post')!;
    await t.db
      .insertInto('comments')
      .values(
        people.map((person, i) => ({
          post_id: lowestPost.id,
          parent_id: null,
          depth: 0,
          author_id: person.id,
          body: `+1 #${i}`,
          body_html: '',
        })),
      )
      .execute();
    for (const meetup of meetups) {
      await t.db
        .insertInto('event_rsvps')
        .values(
          people.map((person) => ({
            event_id: meetup,
            user_id: person.id,
            status: 'going' as const,
            arrival: sql<number>`nextval('event_rsvp_arrival')`,
          })),
        )
        .execute();
    }
    const after = await feed(center, undefined, `&radius=5000&asOf=${encodeURIComponent(before.asOf)}`);
    expect(after.items).toEqual(before.items);
    expect(after.items.at(-1)).toEqual(last);
    expect(posts).toContain(lowestPost.id);
  });
});

describe('paging', () => {
  it('gives 20 a page, nextPage until null, every item once, and keeps the order with asOf', async () => {
    const { center, at } = newArea();
    const [author] = await createUsers(t.app, t.db, 1);
    const ids = new Set<number>();
    for (let i = 0; i < 45; i += 1)
      ids.add(await post(author!, at(100 + ((i * 97) % 4000), (i * 37) % 360), (i * 13) % 200));

    const pages: Page[] = [await feed(center, undefined, '&radius=5000')];
    const asOf = encodeURIComponent(pages[0]!.asOf);
    while (pages.at(-1)!.nextPage !== null) {
      pages.push(await feed(center, undefined, `&radius=5000&page=${pages.at(-1)!.nextPage}&asOf=${asOf}`));
    }
    expect(pages.map((page) => [page.page, page.items.length, page.nextPage])).toEqual([
      [1, 20, 2],
      [2, 20, 3],
      [3, 5, null],
    ]);
    const all = pages.flatMap((page) => page.items);
    expect(new Set(all.map((item) => item.id))).toEqual(ids);
    expectOrderedByScore(all);

    // A new post, nearest and newest, would rank first: pages asked for with the same asOf do not shift.
    const fresh = await post(author!, at(1));
    const again = await feed(center, undefined, `&radius=5000&page=2&asOf=${asOf}`);
    expect(again.items).toEqual(pages[1]!.items);
    expect((await feed(center, undefined, '&radius=5000')).items[0]!.id).toBe(fresh);
  });

  it('answers an empty page past the end', async () => {
    const { center } = newArea();
    const page = await feed(center, undefined, '&page=7');
    expect(page).toMatchObject({ items: [], page: 7, nextPage: null });
  });
});

describe('what is in the feed', () => {
  it('keeps to the radius, and leaves out deleted posts', async () => {
    const { center, at } = newArea();
    const [author] = await createUsers(t.app, t.db, 1);
    // A metre either side of the edge: both pass the index's rough test, the exact distance decides.
    const inside = await post(author!, at(999));
    await post(author!, at(1001));
    const deleted = await post(author!, at(10));
    await t.app.inject({ method: 'DELETE', url: `/api/posts/${deleted}`, headers: author!.auth });
    expect((await feed(center, undefined, '&radius=1000')).items.map((item) => item.id)).toEqual([inside]);
  });

  it('shows private groups’ posts and events to members only', async () => {
    const { center, at } = newArea();
    const [owner, member, stranger] = await createUsers(t.app, t.db, 3);
    const group = await createGroup(t.app, owner!, at(200), { visibility: 'private', name: 'Queer Game Night' });
    await setRole(t.db, group.id, member!.id, 'member');
    const secret = await post(owner!, at(200), 0, { groupId: group.id });
    const meetup = await event(at(200), { startsInHours: 10, groupId: group.id });
    const visible = (page: Page) => page.items.map((item) => `${item.kind}:${item.id}`).sort();
    expect(visible(await feed(center, member))).toEqual([`event:${meetup}`, `post:${secret}`]);
    expect(visible(await feed(center, stranger))).toEqual([]);
    expect(visible(await feed(center))).toEqual([]);
    const { items } = await feed(center, member);
    expect(items.every((item) => item.why.text.endsWith('in your group Queer Game Night'))).toBe(true);
  });

  it('shows the excerpt of the text as last edited, kept since it was written', async () => {
    const { center, at } = newArea();
    const [author] = await createUsers(t.app, t.db, 1);
    const id = await post(author!, at(10), 0, { body: 'First **draft**.' });
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${id}`,
      headers: author!.auth,
      payload: { body: 'Second _thoughts_.' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await feed(center)).items.map((item) => item.excerpt)).toEqual(['Second thoughts.']);
    // Rows written before excerpts were kept get theirs from the migration that added them.
    await sql`update posts set excerpt = '' where id = ${id}`.execute(t.db);
    await fillExcerpts(t.db as Kysely<unknown>);
    expect((await feed(center)).items.map((item) => item.excerpt)).toEqual(['Second thoughts.']);
  });

  it('gives a plain-text excerpt of at most 280 characters', async () => {
    const { center, at } = newArea();
    const [author] = await createUsers(t.app, t.db, 1);
    const body = `# Heading\n\nSome **bold** text & a [link](https://example.org). ${'Lorem ipsum dolor sit amet. '.repeat(30)}`;
    await post(author!, at(10), 0, { body });
    const [item] = (await feed(center)).items;
    expect(item!.excerpt.startsWith('Heading Some bold text & a link.')).toBe(true);
    expect(item!.excerpt.length).toBeLessThanOrEqual(280);
    expect(item!.excerpt.endsWith('…')).toBe(true);
  });
});

describe('mode=latest', () => {
  it('is newest first within the radius, still explaining distance and age', async () => {
    const { center, at } = newArea();
    const [author] = await createUsers(t.app, t.db, 1);
    await post(author!, at(10), 50);
    await post(author!, at(4000), 1);
    await post(author!, at(2000), 10);
    await event(at(100), { startsInHours: 3 });
    const { items, mode } = await feed(center, undefined, '&mode=latest&radius=5000');
    expect(mode).toBe('latest');
    const created = items.map((item) => Date.parse(item.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    for (const item of items) {
      expect(item.why.factors.map((factor) => factor.name)).toEqual([
        'distance',
        item.kind === 'post' ? 'age' : 'startsIn',
      ]);
      expect(product(item.why.factors) / item.why.score).toBeCloseTo(1, 12);
    }
  });
});

describe('the feed query', () => {
  it('finds seeds and candidates through the (location, time) indexes on posts and events', async () => {
    const plan = await t.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const query = feedSql({
        point: { lat: 52.5, lng: 13.4 },
        radius: 5000,
        mode: 'nearby',
        asOf: new Date(),
        viewerId: 1,
        offset: 0,
        limit: 21,
      });
      const { rows } = await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(trx);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
    // Seeds come nearest first from the planar (location, time) index; candidates from any of the
    // (location, time) indexes, as the planner finds cheaper for the table's size. Never a scan
    // of whole tables.
    expect(plan).toContain('Index Scan using posts_feed_seed_gist');
    expect(plan).toMatch(/events_(feed|created)_gist/);
    expect(plan).not.toMatch(/Seq Scan on (posts|events)/);
  });
});

describe('pruning the search', () => {
  it('gives the same pages as an unpruned search over a busy area with old and new items', async () => {
    const { center, at } = newArea();
    const author = await registerUser(t.app);
    // Plenty of items close and far, most of the last days (enough seeds to prune with), some old.
    for (let i = 0; i < 60; i++) {
      await post(author, at(50 + ((i * 97) % 4800), (i * 53) % 360), i < 45 ? (i * 7919) % 200 : 500 + i * 20);
    }
    for (let i = 0; i < 15; i++) await event(at(100 + i * 300, i * 24), { startsInHours: (i * 37) % 400 });
    const pages: Item[] = [];
    let page: number | null = 1;
    let asOf: string | undefined;
    while (page !== null) {
      const answer = await feed(center, undefined, `&radius=5000&page=${page}${asOf ? `&asOf=${asOf}` : ''}`);
      asOf = encodeURIComponent(answer.asOf);
      pages.push(...answer.items);
      page = answer.nextPage;
    }
    expect(pages).toHaveLength(75);
    expectOrderedByScore(pages);
  });

  it('gives every item once, newest first, whichever look-back window bounds a latest-mode page', async () => {
    const { center, at } = newArea();
    const author = await registerUser(t.app);
    const inside: string[] = [];
    // 30 of the last hour bound page 1 (21 needed); with 35 more of the last day, pages 2 and 3;
    // page 4 needs 81, more than the nine days hold, and is not bounded.
    for (let i = 0; i < 30; i++) inside.push(`post:${await post(author, at(100 + i * 150, i * 12), (i + 1) / 60)}`);
    for (let i = 0; i < 25; i++) inside.push(`post:${await post(author, at(200 + i * 180, i * 29), 2 + i * 0.8)}`);
    for (let i = 0; i < 10; i++) {
      const id = await event(at(300 + i * 400, i * 36), { startsInHours: 5 + i * 30 });
      await backdate('events', id, 3 + i * 2);
      inside.push(`event:${id}`);
    }
    for (let i = 0; i < 10; i++) inside.push(`post:${await post(author, at(400 + i * 450, i * 41), 30 + i * 17)}`);
    // The newest of all, just beyond the radius: close enough to pass the index's rough test, so
    // a bound that counted them would cut items off the end of the walk.
    for (let i = 0; i < 5; i++) await post(author, at(5020, i * 70));

    const pages: Item[] = [];
    let page: number | null = 1;
    let asOf: string | undefined;
    while (page !== null) {
      const query: string = `&mode=latest&radius=5000&page=${page}${asOf ? `&asOf=${asOf}` : ''}`;
      const answer = await feed(center, undefined, query);
      asOf = encodeURIComponent(answer.asOf);
      pages.push(...answer.items);
      page = answer.nextPage;
    }
    expect(pages.map((item) => `${item.kind}:${item.id}`).sort()).toEqual([...inside].sort());
    const created = pages.map((item) => Date.parse(item.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });
});
