import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent, rsvp, type EventJson } from '../helpers/events.js';
import { createGroup } from '../helpers/places.js';
import { createPost, XSS_PAYLOADS } from '../helpers/posts.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

interface Listed {
  features: Array<{ properties: EventJson }>;
}

async function mine(user: TestUser, which: 'attending' | 'organizing'): Promise<EventJson[]> {
  const response = await t.app.inject({ method: 'GET', url: `/api/events?mine=${which}`, headers: user.auth });
  expect(response.statusCode).toBe(200);
  return (response.json() as Listed).features.map((feature) => feature.properties);
}

describe('GET /api/events?mine=', () => {
  it('lists the meetups you go to or wait for, with your position, and those you organise', async () => {
    const [organizer, first, second, outsider] = (await createUsers(t.app, t.db, 4)) as [
      TestUser,
      TestUser,
      TestUser,
      TestUser,
    ];
    const small = await createEvent(t.app, organizer, kreuzberg, { title: 'Small table', capacity: 1 });
    const other = await createEvent(t.app, organizer, kreuzberg, { title: 'Other night' });
    await rsvp(t.app, first, small.id, 'going');
    await rsvp(t.app, second, small.id, 'going');
    await rsvp(t.app, second, other.id, 'going');

    expect((await mine(first, 'attending')).map((event) => event.title)).toEqual(['Small table']);
    const waiting = await mine(second, 'attending');
    expect(waiting.map((event) => [event.title, event.myRsvp])).toEqual(
      expect.arrayContaining([
        ['Small table', { status: 'waitlisted', waitlistPosition: 1 }],
        ['Other night', { status: 'going', waitlistPosition: null }],
      ]),
    );
    expect((await mine(organizer, 'organizing')).map((event) => event.id).sort()).toEqual([small.id, other.id].sort());
    expect(await mine(outsider, 'attending')).toEqual([]);
    expect(await mine(outsider, 'organizing')).toEqual([]);
  });

  it('needs signing in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/events?mine=attending' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });
});

describe('people and their groups', () => {
  it('shows a public profile without email or home, and only public groups to others', async () => {
    const [ana, ben] = (await createUsers(t.app, t.db, 2)) as [TestUser, TestUser];
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: ana.auth,
      payload: { bio: 'Plays Catan', homeLocation: kreuzberg },
    });
    const open = await createGroup(t.app, ana, kreuzberg, { name: 'Open Table', visibility: 'public' });
    const hidden = await createGroup(t.app, ana, kreuzberg, { name: 'Secret Table', visibility: 'private' });

    const profile = await t.app.inject({ method: 'GET', url: `/api/people/${ana.id}`, headers: ben.auth });
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toMatchObject({ id: ana.id, bio: 'Plays Catan' });
    const text = profile.body;
    expect(text).not.toContain('email');
    expect(text).not.toContain('homeLocation');
    expect(text).not.toContain(String(kreuzberg.lat));

    const seen = await t.app.inject({ method: 'GET', url: `/api/people/${ana.id}/groups` });
    expect(seen.json().groups.map((group: { id: number }) => group.id)).toEqual([open.id]);

    const own = await t.app.inject({ method: 'GET', url: '/api/me/groups', headers: ana.auth });
    expect(own.statusCode).toBe(200);
    expect(own.json().groups.map((group: { id: number; role: string }) => [group.id, group.role])).toEqual([
      [open.id, 'owner'],
      [hidden.id, 'owner'],
    ]);
  });

  it('answers 404 for someone who does not exist', async () => {
    for (const url of ['/api/people/999999', '/api/people/999999/groups', '/api/people/999999/posts']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(404);
    }
  });
});

describe('a person’s posts', () => {
  it('lists their public posts newest first, never those in a private group, deleted, or from a blocker', async () => {
    const [ana, ben, cleo] = (await createUsers(t.app, t.db, 3)) as [TestUser, TestUser, TestUser];
    const open = await createGroup(t.app, ana, kreuzberg, { name: 'Open Table', visibility: 'public' });
    const hidden = await createGroup(t.app, ana, kreuzberg, { name: 'Secret Table', visibility: 'private' });
    const first = await createPost(t.app, ana, { location: kreuzberg, title: 'First', body: '**Bold** start' });
    const inGroup = await createPost(t.app, ana, { groupId: open.id, title: 'In the open group' });
    await createPost(t.app, ana, { groupId: hidden.id, title: 'Members only' });
    const gone = await createPost(t.app, ana, { location: kreuzberg, title: 'Deleted later' });
    await t.app.inject({ method: 'DELETE', url: `/api/posts/${gone.id}`, headers: ana.auth });

    // Even ana herself (a member of the private group) sees only what anyone may read here.
    for (const headers of [{}, ben.auth, ana.auth]) {
      const response = await t.app.inject({ method: 'GET', url: `/api/people/${ana.id}/posts`, headers });
      expect(response.statusCode).toBe(200);
      const answer = response.json();
      expect(answer.more).toBe(false);
      expect(answer.posts.map((post: { id: number }) => post.id)).toEqual([inGroup.id, first.id]);
      expect(answer.posts[0]).toMatchObject({
        group: { id: open.id, name: 'Open Table' },
        url: `/posts/${inGroup.id}`,
      });
      expect(answer.posts[1]).toMatchObject({ title: 'First', excerpt: 'Bold start', group: null });
      expect(response.body).not.toContain('Members only');
    }

    await t.app.inject({ method: 'PUT', url: `/api/blocks/${cleo.id}`, headers: ana.auth });
    const blocked = await t.app.inject({ method: 'GET', url: `/api/people/${ana.id}/posts`, headers: cleo.auth });
    expect(blocked.json().posts).toEqual([]);
  });
});

describe('a meetup’s description', () => {
  it('comes rendered from Markdown and sanitized as a post’s body is', async () => {
    const [ana] = (await createUsers(t.app, t.db, 1)) as [TestUser];
    const description = ['Bring **snacks** and [the rules](https://example.org/rules).', ...XSS_PAYLOADS].join('\n\n');
    const event = await createEvent(t.app, ana, kreuzberg, { title: 'Marked up', description });
    const response = await t.app.inject({ method: 'GET', url: `/api/events/${event.id}` });
    const { descriptionHtml, description: source } = response.json();
    expect(source).toBe(description);
    expect(descriptionHtml).toContain('<strong>snacks</strong>');
    expect(descriptionHtml).toContain('<a href="https://example.org/rules" rel="nofollow ugc noopener">the rules</a>');
    expect(descriptionHtml).not.toMatch(/<script|<iframe|<img|<svg|<style|javascript:|onerror=|onload=|onclick=/i);
  });
});
