/**
 * Notifications on both databases: who is told of what (every kind), only when the change
 * commits, never of their own doing, never of a private group's content outside it; collapsing,
 * read and unread, pages, preferences, reminders scheduled as jobs.
 */
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../server/src/modules/notifications/schemas.js';
import { notifyJoinRequest } from '../../server/src/modules/notifications/index.js';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR, rsvp } from '../helpers/events.js';
import { createGroup } from '../helpers/places.js';
import { addComment, createPost, setRole } from '../helpers/posts.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };
/** The settings document as GET answers it, edited by tests before a PUT. */
type Settings = Omit<Static<typeof NotificationSettings>, 'emailAvailable' | 'homeLocationSet'> &
  Partial<Pick<Static<typeof NotificationSettings>, 'emailAvailable' | 'homeLocationSet'>> &
  Record<string, unknown>;

interface Item {
  id: number;
  kind: string;
  text: string;
  url: string;
  count: number;
  createdAt: string;
  readAt: string | null;
  subject: { type: string; id: number };
}

async function inbox(
  user: TestUser,
  query = '',
): Promise<{ items: Item[]; nextCursor: string | null; unread: number }> {
  const response = await t.app.inject({ url: `/api/notifications${query}`, headers: user.auth });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function kinds(user: TestUser): Promise<string[]> {
  return (await inbox(user)).items.map((item) => item.kind);
}

async function people(count: number) {
  return (await createUsers(t.app, t.db, count)) as TestUser[];
}

async function going(user: TestUser, eventId: number) {
  const response = await rsvp(t.app, user, eventId, 'going');
  expect(response.statusCode, response.body).toBe(200);
  return response.json().status as string;
}

async function patchEvent(user: TestUser, eventId: number, payload: Record<string, unknown>) {
  const response = await t.app.inject({ method: 'PATCH', url: `/api/events/${eventId}`, headers: user.auth, payload });
  expect(response.statusCode, response.body).toBe(200);
}

async function cancelEvent(user: TestUser, eventId: number) {
  const response = await t.app.inject({ method: 'DELETE', url: `/api/events/${eventId}`, headers: user.auth });
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function join(user: TestUser, groupId: number) {
  return t.app.inject({ method: 'POST', url: `/api/groups/${groupId}/members`, headers: user.auth, payload: {} });
}

async function answer(actor: TestUser, groupId: number, userId: number, verb: 'approve' | 'decline') {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/groups/${groupId}/requests/${userId}/${verb}`,
    headers: actor.auth,
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
}

async function settingsOf(user: TestUser) {
  const response = await t.app.inject({ url: '/api/me/notification-settings', headers: user.auth });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function changeSettings(user: TestUser, change: (settings: Settings) => void) {
  const settings = await settingsOf(user);
  delete settings.emailAvailable;
  delete settings.homeLocationSet;
  change(settings);
  const response = await t.app.inject({
    method: 'PUT',
    url: '/api/me/notification-settings',
    headers: user.auth,
    payload: settings,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('meetups', () => {
  it('tell the person who got a seat from the waitlist, and nobody else', async () => {
    const [organizer, first, second, third] = await people(4);
    const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 1, title: 'Catan night' });
    expect(await going(first!, event.id)).toBe('going');
    expect(await going(second!, event.id)).toBe('waitlisted');
    expect(await going(third!, event.id)).toBe('waitlisted');
    expect((await rsvp(t.app, first!, event.id, 'not_going')).statusCode).toBe(200);

    const [item] = (await inbox(second!)).items;
    expect(item).toMatchObject({
      kind: 'waitlist_promoted',
      url: `/events/${event.id}`,
      subject: { type: 'event', id: event.id },
      count: 1,
      readAt: null,
    });
    expect(item!.text).toContain('You have a seat at “Catan night”');
    for (const user of [organizer!, first!, third!]) expect(await kinds(user)).toEqual([]);
  });

  it('tell everyone going or waitlisted what changed, old → new, except the organizer who changed it', async () => {
    const [organizer, seated, waiting, bystander] = await people(4);
    const event = await createEvent(t.app, organizer!, kreuzberg, {
      capacity: 5,
      title: 'Azul',
      startsAt: '2035-06-05T18:00:00+02:00',
      endsAt: '2035-06-05T21:00:00+02:00',
    });
    await going(seated!, event.id);
    await going(organizer!, event.id);
    await t.db.updateTable('events').set({ capacity: 2 }).where('id', '=', event.id).execute();
    expect(await going(waiting!, event.id)).toBe('waitlisted');
    await t.db.updateTable('events').set({ capacity: 5 }).where('id', '=', event.id).execute();

    // Words only: nobody is told.
    await patchEvent(organizer!, event.id, { description: 'Bring snacks' });
    expect(await kinds(seated!)).toEqual([]);

    await patchEvent(organizer!, event.id, {
      startsAt: '2035-06-06T19:00:00+02:00',
      endsAt: '2035-06-06T22:00:00+02:00',
      capacity: 3,
    });
    for (const user of [seated!, waiting!]) {
      const [item] = (await inbox(user)).items;
      expect(item!.kind).toBe('event_changed');
      expect(item!.text).toBe('“Azul” changed: time Tue 5 Jun, 18:00 → Wed 6 Jun, 19:00; seats 5 → 3.');
    }
    expect(await kinds(organizer!)).toEqual([]);
    expect(await kinds(bystander!)).toEqual([]);

    // A second change folds into the unread first one: the first "from", the latest "to".
    await patchEvent(organizer!, event.id, {
      startsAt: '2035-06-07T17:30:00+02:00',
      endsAt: '2035-06-07T22:00:00+02:00',
      location: { lat: 52.5, lng: 13.43 },
    });
    const { items } = await inbox(seated!);
    expect(items).toHaveLength(1);
    expect(items[0]!.count).toBe(2);
    expect(items[0]!.text).toBe(
      '“Azul” changed: time Tue 5 Jun, 18:00 → Thu 7 Jun, 17:30; place a spot on the map (52.4986, 13.4213) → ' +
        'a spot on the map (52.5000, 13.4300); seats 5 → 3.',
    );
  });

  it('tell everyone going or waitlisted of a cancellation, and drop its reminders', async () => {
    const [organizer, a, b, c] = await people(4);
    const event = await createEvent(t.app, organizer!, kreuzberg, {
      capacity: 1,
      startsAt: fromNow(3 * DAY),
      endsAt: fromNow(3 * DAY + HOUR),
    });
    await going(a!, event.id);
    await going(b!, event.id);
    const reminders = () =>
      t.db.selectFrom('jobs').select(['key', 'run_at']).where('key', 'like', `event-reminder:${event.id}:%`).execute();
    expect((await reminders()).map((job) => job.key).sort()).toEqual([
      `event-reminder:${event.id}:2h`,
      `event-reminder:${event.id}:day`,
    ]);
    await cancelEvent(organizer!, event.id);
    expect((await inbox(a!)).items[0]).toMatchObject({ kind: 'event_cancelled' });
    expect((await inbox(b!)).items[0]!.text).toMatch(/^“Meetup \d+” \(\w{3} \d+ \w{3}, \d\d:\d\d\) was cancelled\.$/);
    expect(await kinds(c!)).toEqual([]);
    expect(await kinds(organizer!)).toEqual([]);
    expect(await reminders()).toEqual([]);
  });

  it('remind those going the day before and two hours before, as each wants, once, following a new time', async () => {
    const [organizer, keen, dayOnly] = await people(3);
    const startsAt = new Date(Date.now() + 3 * DAY);
    const event = await createEvent(t.app, organizer!, kreuzberg, {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + HOUR).toISOString(),
    });
    await going(keen!, event.id);
    await going(dayOnly!, event.id);
    await changeSettings(dayOnly!, (settings) => (settings.reminders.twoHoursBefore = false));
    const job = (which: string) =>
      t.db
        .selectFrom('jobs')
        .select(['run_at', 'payload'])
        .where('key', '=', `event-reminder:${event.id}:${which}`)
        .executeTakeFirstOrThrow();
    expect((await job('day')).run_at.getTime()).toBe(Math.floor(startsAt.getTime() / 1000) * 1000 - DAY);

    // Moved a day later: the reminders follow.
    const later = new Date(Math.floor(startsAt.getTime() / 1000) * 1000 + DAY);
    await patchEvent(organizer!, event.id, {
      startsAt: later.toISOString(),
      endsAt: new Date(later.getTime() + HOUR).toISOString(),
    });
    expect((await job('day')).run_at.getTime()).toBe(later.getTime() - DAY);
    expect((await job('2h')).run_at.getTime()).toBe(later.getTime() - 2 * HOUR);

    // Both become due (as if the time had come), and run: each person gets what they asked for.
    const payloads = [(await job('day')).payload, (await job('2h')).payload];
    await sql`update jobs set run_at = now() where key like ${`event-reminder:${event.id}:%`}`.execute(t.db);
    expect(await t.app.jobs.runDue()).toBe(2);
    expect((await kinds(keen!)).filter((kind) => kind === 'reminder')).toHaveLength(2);
    const dayOnlyItems = (await inbox(dayOnly!)).items.filter((item) => item.kind === 'reminder');
    expect(dayOnlyItems.map((item) => item.text)).toEqual([expect.stringMatching(/^Tomorrow: “Meetup \d+” at /)]);
    expect(await kinds(organizer!)).toEqual([]);

    // A job that runs again (its process died before it was marked done) tells nobody twice.
    await t.db
      .insertInto('jobs')
      .values(payloads.map((payload) => ({ kind: 'event_reminder', payload: JSON.stringify(payload) })))
      .execute();
    await t.app.inject({ method: 'POST', url: '/api/notifications/read', headers: keen!.auth, payload: { all: true } });
    expect(await t.app.jobs.runDue()).toBe(2);
    expect((await inbox(keen!)).items.filter((item) => item.kind === 'reminder')).toHaveLength(2);
    expect((await inbox(keen!)).unread).toBe(0);
  });

  it('tell a group’s members of its new meetup, once for a whole series, not the organizer', async () => {
    const [owner, member, outsider] = await people(3);
    const group = await createGroup(t.app, owner!, kreuzberg, { name: 'Catan Crew' });
    expect((await join(member!, group.id)).statusCode).toBe(201);
    const event = await createEvent(t.app, owner!, kreuzberg, {
      groupId: group.id,
      title: 'Weekly Catan',
      recurrence: { freq: 'weekly', count: 4 },
    });
    const { items } = await inbox(member!);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'group_event', url: `/events/${event.id}`, count: 1 });
    expect(items[0]!.text).toMatch(/^Catan Crew planned “Weekly Catan” \(/);
    expect(await kinds(owner!)).toEqual([]);
    expect(await kinds(outsider!)).toEqual([]);

    await createEvent(t.app, owner!, kreuzberg, { groupId: group.id, title: 'Azul afternoon' });
    const [collapsed] = (await inbox(member!)).items;
    expect(collapsed).toMatchObject({ count: 2 });
    expect(collapsed!.text).toMatch(/^Catan Crew planned 2 new meetups, the latest “Azul afternoon”/);
  });

  it('tell of new public meetups near home only those who chose a radius', async () => {
    const [organizer, near, far, silent] = await people(4);
    for (const [user, lat] of [
      [near!, 52.4986],
      [far!, 52.6],
      [silent!, 52.4986],
    ] as const) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/me',
        headers: user.auth,
        payload: { homeLocation: { lat, lng: 13.4213 } },
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect((await settingsOf(silent!)).nearbyRadius).toBeNull();
    for (const user of [near!, far!]) await changeSettings(user, (settings) => (settings.nearbyRadius = 2000));

    const event = await createEvent(t.app, organizer!, { lat: 52.505, lng: 13.4213 }, { title: 'Board games' });
    expect((await inbox(near!)).items).toMatchObject([{ kind: 'nearby_event', subject: { id: event.id } }]);
    expect(await kinds(far!)).toEqual([]);
    expect(await kinds(silent!)).toEqual([]);

    // A private group's meetup is no news to anyone outside it.
    const group = await createGroup(t.app, organizer!, kreuzberg, { visibility: 'private' });
    await createEvent(t.app, organizer!, kreuzberg, { groupId: group.id });
    expect((await inbox(near!)).items).toHaveLength(1);
  });
});

describe('replies', () => {
  it('tell the author of the post or comment answered, never the one who wrote the reply', async () => {
    const [author, commenter, replier] = await people(3);
    const post = await createPost(t.app, author!, { location: kreuzberg, title: 'Where to play Go?' });
    const comment = await addComment(t.app, commenter!, post.id, 'Try the library');
    expect((await inbox(author!)).items[0]!.text).toBe('Person 2 replied to your post on “Where to play Go?”.');

    await addComment(t.app, replier!, post.id, 'Agreed', comment.id);
    expect((await inbox(commenter!)).items).toMatchObject([
      { kind: 'reply', text: 'Person 3 replied to your comment on “Where to play Go?”.', url: `/posts/${post.id}` },
    ]);
    // The post's author is not told of replies to someone else's comment.
    expect((await inbox(author!)).items).toHaveLength(1);

    // Replying on one's own post or to one's own comment tells nobody.
    await addComment(t.app, author!, post.id, 'Answering myself');
    await addComment(t.app, commenter!, post.id, 'Me too', comment.id);
    expect((await inbox(author!)).items.map((item) => item.count)).toEqual([1]);
    expect((await inbox(commenter!)).items.map((item) => item.count)).toEqual([1]);
  });

  it('collapse: five replies to one post are one item that says so', async () => {
    const [author, ...others] = await people(6);
    const post = await createPost(t.app, author!, { location: kreuzberg, title: 'Chess club?' });
    for (const other of others) await addComment(t.app, other, post.id, 'Count me in');
    const { items, unread } = await inbox(author!);
    expect(unread).toBe(1);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'reply', count: 5 });
    expect(items[0]!.text).toBe('5 new replies on “Chess club?”, the latest from Person 6.');

    // Once read, the next reply is a new item.
    await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: author!.auth,
      payload: { all: true },
    });
    await addComment(t.app, others[0]!, post.id, 'One more');
    const after = await inbox(author!);
    expect(after.items.map((item) => [item.count, item.readAt === null])).toEqual([
      [1, true],
      [5, false],
    ]);
    expect(after.items[0]!.id).toBeGreaterThan(after.items[1]!.id);
  });
});

describe('join requests', () => {
  it('go to the group’s owners and organizers; the answer goes to the person who asked', async () => {
    const [owner, organizer, member, asker, declined] = await people(5);
    const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'private', name: 'Secret Society' });
    await setRole(t.db, group.id, organizer!.id, 'organizer');
    await setRole(t.db, group.id, member!.id, 'member');
    expect((await join(asker!, group.id)).statusCode).toBe(202);
    expect((await join(declined!, group.id)).statusCode).toBe(202);

    for (const gatekeeper of [owner!, organizer!]) {
      expect((await inbox(gatekeeper)).items).toMatchObject([
        { kind: 'join_request', count: 2, url: `/groups/${group.id}`, subject: { type: 'group', id: group.id } },
      ]);
    }
    expect((await inbox(owner!)).items[0]!.text).toBe('2 people asked to join Secret Society, the latest Person 5.');
    expect(await kinds(member!)).toEqual([]);

    await answer(organizer!, group.id, asker!.id, 'approve');
    await answer(owner!, group.id, declined!.id, 'decline');
    expect((await inbox(asker!)).items).toMatchObject([
      { kind: 'join_approved', text: 'You are now a member of Secret Society: your request was approved.' },
    ]);
    expect((await inbox(declined!)).items).toMatchObject([
      { kind: 'join_declined', text: 'Your request to join Secret Society was declined.' },
    ]);
    // Joining a public group is immediate: nobody needs telling.
    const open = await createGroup(t.app, owner!, kreuzberg);
    expect((await join(member!, open.id)).statusCode).toBe(201);
    expect((await inbox(owner!)).items).toHaveLength(1);
  });
});

describe('private groups', () => {
  it('never tell their content to people outside them, and hide it from those who left', async () => {
    const [owner, member, leaver] = await people(3);
    const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'private' });
    await setRole(t.db, group.id, member!.id, 'member');
    await setRole(t.db, group.id, leaver!.id, 'member');
    const event = await createEvent(t.app, owner!, kreuzberg, { groupId: group.id });
    expect(await kinds(leaver!)).toEqual(['group_event']);
    await going(member!, event.id);
    await going(leaver!, event.id);

    // The leaver's RSVP stays, but they are no longer a member.
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/groups/${group.id}/members/me`, headers: leaver!.auth }))
        .statusCode,
    ).toBe(204);
    expect(await inbox(leaver!)).toMatchObject({ items: [], unread: 0 });
    await cancelEvent(owner!, event.id);
    expect(await kinds(member!)).toEqual(['event_cancelled', 'group_event']);
    expect(await inbox(leaver!)).toMatchObject({ items: [], unread: 0 });
    const stored = await t.db.selectFrom('notifications').select('kind').where('user_id', '=', leaver!.id).execute();
    expect(stored.map((row) => row.kind)).toEqual(['group_event']);

    // A reply in the group reaches its author only while they may read the post.
    await setRole(t.db, group.id, leaver!.id, 'member');
    const privatePost = await createPost(t.app, leaver!, { groupId: group.id, title: 'Members only' });
    await addComment(t.app, member!, privatePost.id, 'Hello');
    expect(await kinds(leaver!)).toEqual(['reply', 'group_event']);
    await t.db.deleteFrom('group_members').where('user_id', '=', leaver!.id).execute();
    await addComment(t.app, member!, privatePost.id, 'Hello again');
    expect(await inbox(leaver!)).toMatchObject({ items: [], unread: 0 });
  });
});

describe('rolled back changes', () => {
  it('leave no notification, email job or live message behind', async () => {
    const [owner, asker] = await people(2);
    const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'private' });
    const heard: string[] = [];
    const stop = await t.database.listener.listen('vicinity_notifications', (payload) => heard.push(payload));
    try {
      await expect(
        t.db.transaction().execute(async (trx) => {
          await notifyJoinRequest(trx, group.id, asker!.id);
          expect(
            await trx.selectFrom('notifications').select('id').where('user_id', '=', owner!.id).execute(),
          ).toHaveLength(1);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', owner!.id).execute()).toEqual(
        [],
      );

      // The same change committed is heard at once; the rolled back one never was.
      await t.db.transaction().execute((trx) => notifyJoinRequest(trx, group.id, asker!.id));
      await until(() => heard.length > 0);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(heard).toEqual([String(owner!.id)]);
      expect(await kinds(owner!)).toEqual(['join_request']);
    } finally {
      stop();
    }
  });

  it('through the API: a reply refused half-way tells nobody', async () => {
    const [author, replier] = await people(2);
    const post = await createPost(t.app, author!, { location: kreuzberg });
    const other = await createPost(t.app, author!, { location: kreuzberg });
    const elsewhere = await addComment(t.app, author!, other.id, 'On another post');
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/comments`,
      headers: replier!.auth,
      payload: { body: 'x', parentId: elsewhere.id },
    });
    expect(response.statusCode).toBe(400);
    expect(await kinds(author!)).toEqual([]);
  });
});

async function until(check: () => boolean, ms = 5000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the inbox', () => {
  it('pages newest first with explicit cursors, and marks read by id or all', async () => {
    const [me, ...authors] = await people(26);
    for (const author of authors) {
      const post = await createPost(t.app, me!, { location: kreuzberg });
      await addComment(t.app, author, post.id, 'hi');
    }
    const first = await inbox(me!, '?limit=10');
    expect(first.items).toHaveLength(10);
    expect(first.unread).toBe(25);
    const ids = first.items.map((item) => item.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const second = await inbox(me!, `?limit=10&cursor=${encodeURIComponent(first.nextCursor!)}`);
    const third = await inbox(me!, `?limit=10&cursor=${encodeURIComponent(second.nextCursor!)}`);
    expect(third.items).toHaveLength(5);
    expect(third.nextCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items].map((item) => item.id);
    expect(new Set(all).size).toBe(25);

    const [someoneElse] = await people(1);
    const mark = (user: TestUser, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/notifications/read', headers: user.auth, payload });
    // Another person cannot mark mine.
    expect((await mark(someoneElse!, { ids: ids.slice(0, 3) })).json()).toEqual({ unread: 0 });
    expect((await mark(me!, { ids: ids.slice(0, 3) })).json()).toEqual({ unread: 22 });
    const reread = await inbox(me!, '?limit=4');
    expect(reread.items.map((item) => item.readAt !== null)).toEqual([true, true, true, false]);
    expect((await mark(me!, { all: true })).json()).toEqual({ unread: 0 });

    expect((await mark(me!, { ids: [] })).statusCode).toBe(400);
    expect((await mark(me!, { all: false })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/notifications?cursor=forged', headers: me!.auth })).statusCode).toBe(400);
    expect((await t.app.inject({ url: '/api/notifications' })).statusCode).toBe(401);
  });
});

describe('settings', () => {
  it('default to in-app for everything but meetups near home, and say when email is off', async () => {
    const [me] = await people(1);
    const settings = await settingsOf(me!);
    expect(settings).toMatchObject({
      emailAvailable: false,
      homeLocationSet: false,
      nearbyRadius: null,
      quietHours: null,
      timeZone: 'UTC',
      reminders: { dayBefore: true, twoHoursBefore: true },
    });
    expect(settings.kinds.reply).toEqual({ inApp: true, email: false });
    expect(settings.kinds.event_cancelled).toEqual({ inApp: true, email: true });
  });

  it('are respected: a kind turned off in the app is not shown', async () => {
    const [author, replier] = await people(2);
    const saved = await changeSettings(author!, (settings) => {
      settings.kinds.reply.inApp = false;
      settings.quietHours = { start: '22:00', end: '07:30' };
      settings.timeZone = 'europe/berlin';
    });
    expect(saved).toMatchObject({ quietHours: { start: '22:00', end: '07:30' }, timeZone: 'Europe/Berlin' });
    expect(saved.kinds.reply).toEqual({ inApp: false, email: false });
    const post = await createPost(t.app, author!, { location: kreuzberg });
    await addComment(t.app, replier!, post.id, 'Hello');
    expect(await inbox(author!)).toMatchObject({ items: [], unread: 0 });
    expect(await t.db.selectFrom('notifications').select('id').where('user_id', '=', author!.id).execute()).toEqual([]);

    // They are part of the person's data, and go with their export.
    const exported = (await t.app.inject({ url: '/api/me/export', headers: author!.auth })).json();
    expect(exported.notificationSettings).toMatchObject({
      quietHours: { start: '22:00', end: '07:30' },
      timeZone: 'Europe/Berlin',
    });
    expect(exported.notificationSettings.kinds.reply).toEqual({ inApp: false, email: false });
  });

  it('refuse what cannot be right with a clear error', async () => {
    const [me] = await people(1);
    const put = async (change: (settings: Settings) => void) => {
      const settings = await settingsOf(me!);
      delete settings.emailAvailable;
      delete settings.homeLocationSet;
      change(settings);
      return t.app.inject({
        method: 'PUT',
        url: '/api/me/notification-settings',
        headers: me!.auth,
        payload: settings,
      });
    };
    const badZone = await put((settings) => (settings.timeZone = 'Mars/Olympus'));
    expect(badZone.statusCode).toBe(400);
    expect(badZone.json().error.details[0].field).toBe('timeZone');
    expect((await put((settings) => (settings.quietHours = { start: '25:00', end: '07:00' }))).statusCode).toBe(400);
    expect((await put((settings) => (settings.quietHours = { start: '07:00', end: '07:00' }))).statusCode).toBe(400);
    expect((await put((settings) => (settings.nearbyRadius = 10))).statusCode).toBe(400);
    const kinds = (settings: Settings) => settings.kinds as Record<string, unknown>;
    expect((await put((settings) => delete kinds(settings).reply)).statusCode).toBe(400);
    // No engagement notifications exist to switch on.
    expect((await put((settings) => (kinds(settings).likes = { inApp: true, email: true }))).statusCode).toBe(400);
  });
});
