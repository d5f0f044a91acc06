/**
 * The live stream over real HTTP on both databases: opened with a short-lived single-purpose
 * ticket (never the sign-in token), events within a second of the commit, resuming from
 * Last-Event-ID without gaps or duplicates, collapsed items coming again with a new id, the
 * bell's count following marks read, heartbeats, and streams that take no place in the
 * admission line.
 */
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { addComment, createPost } from '../helpers/posts.js';
import { SseError, SseStream } from '../helpers/sse.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const t = useTestApp(
  // A short line: the streams below must not take its places.
  { embeddedMaxInFlight: 4, serverMaxInFlight: 4, maxQueued: 100 },
  { notificationStreams: { heartbeatMs: 200, maxAgeMs: 60_000 } },
);
const kreuzberg = { lat: 52.4986, lng: 13.4213 };
let base: string;
const open: SseStream[] = [];

beforeAll(async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});

afterEach(() => {
  vi.useRealTimers();
  for (const stream of open.splice(0)) stream.close();
});

async function ticketFor(user: TestUser): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/api/notifications/stream-ticket', headers: user.auth });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().ticket;
}

async function connect(user: TestUser, { lastEventId, query = '' }: { lastEventId?: string; query?: string } = {}) {
  const ticket = await ticketFor(user);
  const stream = await SseStream.open(
    `${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}${query}`,
    lastEventId === undefined ? {} : { 'last-event-id': lastEventId },
  );
  open.push(stream);
  return stream;
}

async function people(count: number) {
  return (await createUsers(t.app, t.db, count)) as TestUser[];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- events are read field by field in assertions
const json = (data: string) => JSON.parse(data) as Record<string, any>;

describe('GET /api/notifications/stream', () => {
  it('opens only with a stream ticket: not without, not with a forged or expired one, not with the sign-in token', async () => {
    const [me] = await people(1);
    expect((await t.app.inject({ method: 'POST', url: '/api/notifications/stream-ticket' })).statusCode).toBe(401);
    const refused = async (query: string) => {
      const error = await SseStream.open(`${base}/api/notifications/stream${query}`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SseError);
      return { status: (error as SseError).status, body: json((error as SseError).body) };
    };
    expect((await refused('')).status).toBe(400);
    expect(await refused('?ticket=forged.value')).toMatchObject({
      status: 401,
      body: { error: { code: 'token_invalid' } },
    });
    expect((await refused(`?ticket=${encodeURIComponent(me!.token)}`)).status).toBe(401);

    const ticket = await ticketFor(me!);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * 60_000 });
    expect(await refused(`?ticket=${encodeURIComponent(ticket)}`)).toMatchObject({
      status: 401,
      body: { error: { code: 'token_expired' } },
    });
    vi.useRealTimers();
    expect((await refused(`?ticket=${encodeURIComponent(ticket)}&lastEventId=x`)).body.error.code).toBe(
      'validation_failed',
    );
  });

  it('starts from now, then delivers a new notification within a second of the commit', async () => {
    const [author, replier] = await people(2);
    const post = await createPost(t.app, author!, { location: kreuzberg, title: 'Live' });
    await addComment(t.app, replier!, post.id, 'Before the stream');
    const stream = await connect(author!);
    const first = await stream.next('unread');
    expect(json(first.data)).toEqual({ unread: 1 });
    const [existing] = await t.db.selectFrom('notifications').select('id').where('user_id', '=', author!.id).execute();
    expect(first.id).toBe(String(existing!.id));

    const other = await createPost(t.app, author!, { location: kreuzberg, title: 'Second' });
    const committed = Date.now();
    await addComment(t.app, replier!, other.id, 'Hello');
    const event = await stream.next('notification');
    expect(event.at - committed).toBeLessThan(1000);
    const item = json(event.data);
    expect(item).toMatchObject({ kind: 'reply', url: `/posts/${other.id}`, count: 1 });
    expect(event.id).toBe(String(item.id));
    expect(json((await stream.next('unread')).data)).toEqual({ unread: 2 });
    expect(stream.events.filter((e) => e.event === 'notification')).toHaveLength(1);
  });

  it('resumes from Last-Event-ID (or lastEventId) with everything missed, in order, nothing twice', async () => {
    const [me, ...others] = await people(4);
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await createPost(t.app, me!, { location: kreuzberg }));
    const stream = await connect(me!);
    const start = await stream.next('unread');
    await addComment(t.app, others[0]!, posts[0]!.id, 'one');
    const seen = await stream.next('notification');
    stream.close();

    // While away: two new ones, and one that folds into the first (and so comes again, newer).
    await addComment(t.app, others[1]!, posts[1]!.id, 'two');
    await addComment(t.app, others[2]!, posts[2]!.id, 'three');
    await addComment(t.app, others[1]!, posts[0]!.id, 'one again');

    const back = await connect(me!, { lastEventId: seen.id! });
    await back.until(() => back.events.filter((e) => e.event === 'notification').length === 3);
    const missed = back.events.filter((e) => e.event === 'notification').map((e) => json(e.data));
    expect(missed.map((item) => [item.subject.id, item.count])).toEqual([
      [posts[1]!.id, 1],
      [posts[2]!.id, 1],
      [posts[0]!.id, 2],
    ]);
    const ids = missed.map((item) => item.id as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBeGreaterThan(Number(seen.id));
    expect(json((await back.next('unread')).data)).toEqual({ unread: 3 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(back.rest().filter((e) => e.event === 'notification')).toEqual([]);

    // A new EventSource cannot send the header: the query says the same.
    const again = await connect(me!, { query: `&lastEventId=${start.id}` });
    await again.until(() => again.events.filter((e) => e.event === 'notification').length === 3);
    // The header wins over the query.
    const both = await connect(me!, { lastEventId: String(ids[2]), query: '&lastEventId=0' });
    expect(json((await both.next('unread')).data)).toEqual({ unread: 3 });
    expect(both.events.filter((e) => e.event === 'notification')).toEqual([]);
  });

  it('follows marks read in the bell’s count, and tells nobody else’s news', async () => {
    const [me, stranger, replier] = await people(3);
    const post = await createPost(t.app, me!, { location: kreuzberg });
    const mine = await connect(me!);
    const theirs = await connect(stranger!);
    await mine.next('unread');
    await theirs.next('unread');
    await addComment(t.app, replier!, post.id, 'hi');
    await mine.next('notification');
    expect(json((await mine.next('unread')).data)).toEqual({ unread: 1 });
    const read = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: me!.auth,
      payload: { all: true },
    });
    expect(read.json()).toEqual({ unread: 0 });
    expect(json((await mine.next('unread')).data)).toEqual({ unread: 0 });
    expect(theirs.events.map((e) => e.event)).toEqual(['unread']);
  });

  it('sends heartbeats, and takes no place in the admission line', async () => {
    const users = await people(8);
    const streams = await Promise.all(users.map((user) => connect(user)));
    await streams[0]!.until(() => streams[0]!.comments >= 2, 3000, 'two heartbeats');
    // Eight open streams, a line of four: ordinary requests still get in.
    const health = await fetch(`${base}/api/notifications`, { headers: users[0]!.auth });
    expect(health.status).toBe(200);
  });

  it('reaches every stream of a meetup’s people at once when it is cancelled', async () => {
    const [organizer, ...guests] = await people(31);
    const event = await createEvent(t.app, organizer!, kreuzberg);
    await t.db
      .insertInto('event_rsvps')
      .values(
        guests.map((guest, index) => ({ event_id: event.id, user_id: guest.id, status: 'going', arrival: index })),
      )
      .execute();
    const streams = await Promise.all(guests.map((guest) => connect(guest)));
    await Promise.all(streams.map((stream) => stream.next('unread')));
    const cancelled = await t.app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}`,
      headers: organizer!.auth,
    });
    expect(cancelled.statusCode).toBe(200);
    const events = await Promise.all(streams.map((stream) => stream.next('notification')));
    expect(new Set(events.map((e) => json(e.data).kind))).toEqual(new Set(['event_cancelled']));
    expect(new Set(events.map((e) => e.id)).size).toBe(guests.length);
  });

  it('are ended when the server closes, so it can', async () => {
    const [me] = await people(1);
    const stream = await connect(me!);
    await stream.next('unread');
    expect(t.app.notificationStreams.size).toBeGreaterThan(0);
    t.app.notificationStreams.close();
    await stream.until(() => stream.ended, 2000, 'the end of the stream');
  });
});
