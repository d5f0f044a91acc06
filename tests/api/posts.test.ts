import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { addComment, createPost, setRole } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };
const neukoelln = { lat: 52.4811, lng: 13.4351 };

function del(url: string, user?: TestUser) {
  return t.app.inject({ method: 'DELETE', url, ...(user ? { headers: user.auth } : {}) });
}

describe('writing a post', () => {
  it('answers the post with its rendered body, author and an empty discussion', async () => {
    const author = await registerUser(t.app, 'Mia');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: author.auth,
      payload: { title: '  Where to play Go on Sundays  ', body: 'Try **Café Bergmann**.', location: kreuzberg },
    });
    expect(response.statusCode).toBe(201);
    const post = response.json();
    expect(post).toEqual({
      id: expect.any(Number),
      title: 'Where to play Go on Sundays',
      body: 'Try **Café Bergmann**.',
      bodyHtml: '<p>Try <strong>Café Bergmann</strong>.</p>',
      location: kreuzberg,
      place: null,
      group: null,
      author: { id: author.id, displayName: 'Mia', avatar: null },
      createdAt: expect.any(String),
      editedAt: null,
      deleted: false,
      commentCount: 0,
      canEdit: true,
      canDelete: true,
      media: [],
      discussion: { comments: [], nextBranchCursor: null, totalComments: 0, locked: false, pinned: null },
    });
    const anonymous = (await t.app.inject(`/api/posts/${post.id}`)).json();
    expect(anonymous).toEqual({ ...post, canEdit: false, canDelete: false });
  });

  it('takes its location from the place, else from the group; a given location wins', async () => {
    const author = await registerUser(t.app);
    const place = await createPlace(t.app, author, neukoelln);
    const group = await createGroup(t.app, author, kreuzberg, { name: 'Catan Crew' });

    const atPlace = await createPost(t.app, author, { placeId: place.id });
    expect(atPlace.location).toEqual(neukoelln);
    expect(atPlace.place).toEqual({ id: place.id, name: place.name });

    const inGroup = await createPost(t.app, author, { groupId: group.id });
    expect(inGroup.location).toEqual(kreuzberg);
    expect(inGroup.group).toEqual({ id: group.id, name: 'Catan Crew', visibility: 'public' });

    const both = await createPost(t.app, author, { groupId: group.id, placeId: place.id });
    expect(both.location).toEqual(neukoelln);

    const own = { lat: 52.5, lng: 13.4 };
    expect((await createPost(t.app, author, { location: own, placeId: place.id })).location).toEqual(own);
  });

  it('uses a private group’s exact point (the post is for members only anyway)', async () => {
    const owner = await registerUser(t.app);
    const exact = { lat: 52.49123, lng: 13.43187 };
    const group = await createGroup(t.app, owner, exact, { visibility: 'private' });
    const post = await createPost(t.app, owner, { groupId: group.id });
    expect(post.location).toEqual(exact);
  });

  it.each([
    ['no location, place or group', { location: undefined }, 'location'],
    ['an empty title', { title: '' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a 201-character title', { title: 'x'.repeat(201) }, 'title'],
    ['an empty body', { body: '' }, 'body'],
    ['a blank body', { body: ' \n ' }, 'body'],
    ['a body over 40,000 characters', { body: 'x'.repeat(40_001) }, 'body'],
    ['a latitude of 91', { location: { lat: 91, lng: 0 } }, 'location.lat'],
    ['a place that does not exist', { location: undefined, placeId: 424242 }, 'placeId'],
    ['a group that does not exist', { location: undefined, groupId: 424242 }, 'groupId'],
    ['an unknown field', { score: 100 }, 'score'],
  ])('answers 400 naming the field for %s', async (_label, change, field) => {
    const author = await registerUser(t.app);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: author.auth,
      payload: { title: 'A title', body: 'A body', location: kreuzberg, ...change },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(response.json().error.details[0].field).toBe(field);
  });

  it('accepts a body of exactly 40,000 characters', async () => {
    const author = await registerUser(t.app);
    const post = await createPost(t.app, author, { location: kreuzberg, body: 'x'.repeat(40_000) });
    expect(post.body).toHaveLength(40_000);
  });

  it('requires sign-in (401) and membership to post in a group (403)', async () => {
    const owner = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const group = await createGroup(t.app, owner, kreuzberg);
    const payload = { title: 'Hello', body: 'Hi', groupId: group.id };
    expect((await t.app.inject({ method: 'POST', url: '/api/posts', payload })).statusCode).toBe(401);
    const response = await t.app.inject({ method: 'POST', url: '/api/posts', headers: stranger.auth, payload });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('answers 400 for a malformed id and 404 for a missing post', async () => {
    expect((await t.app.inject('/api/posts/abc')).statusCode).toBe(400);
    expect((await t.app.inject('/api/posts/424242')).statusCode).toBe(404);
    expect((await t.app.inject('/api/posts/424242')).json().error.code).toBe('not_found');
  });
});

describe('editing a post', () => {
  it('lets the author change title, body and place, re-rendering the body and setting editedAt', async () => {
    const author = await registerUser(t.app);
    const place = await createPlace(t.app, author, neukoelln);
    const post = await createPost(t.app, author, { location: kreuzberg, body: 'old' });
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.id}`,
      headers: author.auth,
      payload: { title: 'New title', body: '*new*', placeId: place.id },
    });
    expect(response.statusCode).toBe(200);
    const edited = response.json();
    expect(edited).toMatchObject({
      title: 'New title',
      body: '*new*',
      bodyHtml: '<p><em>new</em></p>',
      location: neukoelln,
    });
    expect(edited.place).toEqual({ id: place.id, name: place.name });
    expect(Date.parse(edited.editedAt)).toBeGreaterThanOrEqual(Date.parse(edited.createdAt));

    const detached = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.id}`,
      headers: author.auth,
      payload: { placeId: null },
    });
    expect(detached.json()).toMatchObject({ place: null, location: neukoelln });
  });

  it('refuses others (403), strangers to a missing post (404), an empty patch (400) and a group change (400)', async () => {
    const author = await registerUser(t.app);
    const other = await registerUser(t.app);
    const post = await createPost(t.app, author, { location: kreuzberg });
    const patch = (user: TestUser, payload: object, id = post.id) =>
      t.app.inject({ method: 'PATCH', url: `/api/posts/${id}`, headers: user.auth, payload });
    expect((await patch(other, { title: 'Mine now' })).statusCode).toBe(403);
    expect((await patch(author, { title: 'x' }, 424242)).statusCode).toBe(404);
    expect((await patch(author, {})).statusCode).toBe(400);
    expect((await patch(author, { groupId: 1 })).json().error.details[0].field).toBe('groupId');
    expect(
      (await t.app.inject({ method: 'PATCH', url: `/api/posts/${post.id}`, payload: { title: 'x' } })).statusCode,
    ).toBe(401);
  });
});

describe('deleting a post', () => {
  it.each([
    ['its author', 'author', 204],
    ['the owner of its group', 'owner', 204],
    ['an organizer of its group', 'organizer', 204],
    ['a plain member of its group', 'member', 403],
    ['someone outside the group', 'stranger', 403],
    ['nobody signed in', 'anonymous', 401],
  ] as const)('is allowed to %s → %i', async (_label, who, status) => {
    const owner = await registerUser(t.app);
    const author = await registerUser(t.app);
    const organizer = await registerUser(t.app);
    const member = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const group = await createGroup(t.app, owner, kreuzberg);
    await setRole(t.db, group.id, author.id, 'member');
    await setRole(t.db, group.id, organizer.id, 'organizer');
    await setRole(t.db, group.id, member.id, 'member');
    const post = await createPost(t.app, author, { groupId: group.id });
    const people = { author, owner, organizer, member, stranger, anonymous: undefined };

    const seen = (
      await t.app.inject({ url: `/api/posts/${post.id}`, ...(people[who] ? { headers: people[who].auth } : {}) })
    ).json();
    expect(seen.canDelete).toBe(status === 204);
    const response = await del(`/api/posts/${post.id}`, people[who]);
    expect(response.statusCode).toBe(status);
    const after = (await t.app.inject(`/api/posts/${post.id}`)).json();
    expect(after.deleted).toBe(status === 204);
  });

  it('only lets the author delete a post outside any group', async () => {
    const author = await registerUser(t.app);
    const other = await registerUser(t.app);
    const post = await createPost(t.app, author, { location: kreuzberg });
    expect((await del(`/api/posts/${post.id}`, other)).statusCode).toBe(403);
    expect((await del(`/api/posts/${post.id}`, author)).statusCode).toBe(204);
  });

  it('keeps the post as "[deleted]" with its discussion readable, and is idempotent', async () => {
    const author = await registerUser(t.app);
    const commenter = await registerUser(t.app, 'Jonas');
    const post = await createPost(t.app, author, { location: kreuzberg, title: 'Secret plans', body: 'Details' });
    const comment = await addComment(t.app, commenter, post.id, 'A reply that stays');
    expect((await del(`/api/posts/${post.id}`, author)).statusCode).toBe(204);
    const after = (await t.app.inject({ url: `/api/posts/${post.id}`, headers: author.auth })).json();
    expect(after).toMatchObject({
      title: '[deleted]',
      body: '',
      bodyHtml: '',
      author: null,
      deleted: true,
      canEdit: false,
      canDelete: false,
      commentCount: 1,
    });
    expect(after.discussion.comments).toEqual([
      expect.objectContaining({
        id: comment.id,
        body: 'A reply that stays',
        author: { id: commenter.id, displayName: 'Jonas', avatar: null },
      }),
    ]);
    expect(JSON.stringify(after)).not.toContain('Secret plans');
    expect((await del(`/api/posts/${post.id}`, author)).statusCode).toBe(204);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.id}`,
      headers: author.auth,
      payload: { title: 'Back' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('post_deleted');
  });
});

describe('posts in a private group', () => {
  it('are read, listed and discussed by members only; everyone else gets 404', async () => {
    const owner = await registerUser(t.app);
    const member = await registerUser(t.app);
    const stranger = await registerUser(t.app);
    const group = await createGroup(t.app, owner, kreuzberg, { visibility: 'private' });
    await setRole(t.db, group.id, member.id, 'member');
    const post = await createPost(t.app, member, { groupId: group.id, title: 'Members only' });
    const comment = await addComment(t.app, owner, post.id, 'hello members');

    for (const headers of [{}, stranger.auth]) {
      expect((await t.app.inject({ url: `/api/posts/${post.id}`, headers })).statusCode).toBe(404);
      expect((await t.app.inject({ url: `/api/posts/${post.id}/comments`, headers })).statusCode).toBe(404);
    }
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/comments`,
      headers: stranger.auth,
      payload: { body: 'hi' },
    });
    expect(reply.statusCode).toBe(404);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/comments/${comment.id}`,
      headers: stranger.auth,
      payload: { body: 'x' },
    });
    expect(edit.statusCode).toBe(404);
    expect((await del(`/api/posts/${post.id}`, stranger)).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/posts/${post.id}`, headers: member.auth })).statusCode).toBe(200);

    const near = `lat=${kreuzberg.lat}&lng=${kreuzberg.lng}&radius=1000`;
    const ids = async (url: string, user?: TestUser) =>
      (
        (await t.app.inject({ url, ...(user ? { headers: user.auth } : {}) })).json().features as {
          properties: { kind: string; itemId: number };
        }[]
      )
        .filter((f) => f.properties.kind === 'post')
        .map((f) => f.properties.itemId);
    expect(await ids(`/api/nearby?${near}`, stranger)).not.toContain(post.id);
    expect(await ids(`/api/posts?${near}`)).not.toContain(post.id);
    expect(await ids(`/api/nearby?${near}`, member)).toContain(post.id);
    const bbox = `${kreuzberg.lng - 0.01},${kreuzberg.lat - 0.01},${kreuzberg.lng + 0.01},${kreuzberg.lat + 0.01}`;
    expect(await ids(`/api/map?bbox=${bbox}&zoom=15`, stranger)).not.toContain(post.id);
    expect(await ids(`/api/map?bbox=${bbox}&zoom=15`, member)).toContain(post.id);
  });
});

describe('posts on the map and in radius lists', () => {
  it('appear as kind "post" with their creation time and group, and leave when deleted', async () => {
    const author = await registerUser(t.app);
    const group = await createGroup(t.app, author, { lat: 48.1, lng: 11.5 });
    const post = await createPost(t.app, author, { groupId: group.id, title: 'On the map' });
    const url = `/api/nearby?lat=48.1&lng=11.5&radius=100&kinds=post`;
    const feature = (await t.app.inject(url))
      .json()
      .features.find((f: { properties: { itemId: number } }) => f.properties.itemId === post.id);
    expect(feature).toMatchObject({
      id: `post:${post.id}`,
      geometry: { type: 'Point', coordinates: [11.5, 48.1] },
      properties: { kind: 'post', itemId: post.id, name: 'On the map', groupId: group.id, createdAt: post.createdAt },
    });
    expect((await t.app.inject(`/api/posts?lat=48.1&lng=11.5&radius=100`)).json().features).toHaveLength(1);
    await del(`/api/posts/${post.id}`, author);
    expect((await t.app.inject(url)).json().features).toEqual([]);
  });
});

describe('the API description', () => {
  it('documents the post routes, the recursive comment schema and the feed, and stays valid OpenAPI 3', async () => {
    const document = (await t.app.inject('/api/openapi.json')).json();
    await expect(SwaggerParser.validate(structuredClone(document))).resolves.toBeDefined();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/posts',
        '/api/posts/{id}',
        '/api/posts/{id}/comments',
        '/api/comments/{id}',
        '/api/feed',
      ]),
    );
    expect(document.components.schemas.PostComment.properties.replies.items).toEqual({
      $ref: '#/components/schemas/PostComment',
    });
    expect(JSON.stringify(document.paths['/api/feed'])).toContain('exp(−distance / 2000 m)');
  });
});
