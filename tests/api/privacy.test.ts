/** Taking your data away (GET /api/me/export) and taking yourself out (DELETE /api/me). */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent, readEvent, rsvp } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { addComment, createPost } from '../helpers/posts.js';
import { PASSWORD, registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const home = { lat: 48.85837, lng: 2.294481 };

const deleteMe = (user: TestUser, password = PASSWORD) =>
  t.app.inject({ method: 'DELETE', url: '/api/me', headers: user.auth, payload: { password } });

const join = (user: TestUser, groupId: number) =>
  t.app.inject({ method: 'POST', url: `/api/groups/${groupId}/members`, headers: user.auth, payload: {} });

describe('GET /api/me/export', () => {
  it('gives a person everything they put in, as a file, and nothing of anyone else', async () => {
    const me = await registerUser(t.app, 'Exporter');
    const other = await registerUser(t.app, 'Someone Else');
    await t.app.inject({ method: 'PATCH', url: '/api/me', headers: me.auth, payload: { homeLocation: home } });
    const place = await createPlace(t.app, me, home);
    const group = await createGroup(t.app, me, home);
    const kept = await createPost(t.app, me, { location: home, title: 'Kept post', body: 'Some *markdown*.' });
    const gone = await createPost(t.app, me, { location: home, title: 'Deleted post' });
    await t.app.inject({ method: 'DELETE', url: `/api/posts/${gone.id}`, headers: me.auth });
    const theirs = await createPost(t.app, other, { location: home, title: 'Not mine' });
    const comment = await addComment(t.app, me, theirs.id, 'My reply');
    const event = await createEvent(t.app, other, home);
    expect((await rsvp(t.app, me, event.id, 'going')).statusCode).toBe(200);

    const response = await t.app.inject({ url: '/api/me/export', headers: me.auth });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="vicinity-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = response.json();
    expect(data.profile).toMatchObject({ id: me.id, email: me.email, displayName: 'Exporter' });
    // The home is coarsened here too: the export is an answer like any other.
    expect(data.profile.homeLocation.precisionMeters).toBe(500);
    expect(data.profile.homeLocation.lat).not.toBe(home.lat);
    expect(data.placesCreated.map((p: { id: number }) => p.id)).toEqual([place.id]);
    expect(data.groupsCreated.map((g: { id: number }) => g.id)).toEqual([group.id]);
    expect(data.memberships).toEqual([expect.objectContaining({ groupId: group.id, role: 'owner' })]);
    expect(data.posts).toEqual([
      expect.objectContaining({ id: kept.id, title: 'Kept post', body: 'Some *markdown*.', location: home }),
    ]);
    expect(data.comments).toEqual([expect.objectContaining({ id: comment.id, postId: theirs.id, body: 'My reply' })]);
    expect(data.rsvps).toEqual([expect.objectContaining({ eventId: event.id, status: 'going' })]);
    expect(data.eventsOrganized).toEqual([]);
    expect(response.body).not.toContain('Not mine');
    expect(response.body).not.toContain('password');
  });

  it('includes the games they added to the list, and not those others added', async () => {
    const me = await registerUser(t.app);
    const other = await registerUser(t.app);
    const addGame = (user: TestUser, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/games', headers: user.auth, payload });
    const mine = (await addGame(me, { name: 'Cascadia', minPlayers: 1, maxPlayers: 4, playMinutes: 45 })).json();
    await addGame(other, { name: 'Not my game' });
    const place = await createPlace(t.app, me, home, { privateHome: true });

    const data = (await t.app.inject({ url: '/api/me/export', headers: me.auth })).json();
    expect(data.gamesAdded).toEqual([
      {
        id: mine.id,
        name: 'Cascadia',
        minPlayers: 1,
        maxPlayers: 4,
        playMinutes: 45,
        createdAt: expect.any(String),
      },
    ]);
    expect(data.placesCreated).toEqual([expect.objectContaining({ id: place.id, privateHome: true })]);
    expect(JSON.stringify(data)).not.toContain('Not my game');
  });

  it('needs a signed-in person', async () => {
    const response = await t.app.inject({ url: '/api/me/export' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });
});

describe('DELETE /api/me', () => {
  it('refuses a wrong or missing password and changes nothing', async () => {
    const me = await registerUser(t.app);
    const post = await createPost(t.app, me, { location: home, title: 'Still here' });
    const wrong = await deleteMe(me, 'not my password');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.code).toBe('wrong_password');
    const missing = await t.app.inject({ method: 'DELETE', url: '/api/me', headers: me.auth, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details[0].field).toBe('password');
    expect((await t.app.inject({ url: '/api/me', headers: me.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/posts/${post.id}` })).json().title).toBe('Still here');
  });

  it('erases the account and what it wrote, hands its seats on, and keeps what others rely on', async () => {
    const me = await registerUser(t.app, 'Leaving Soon');
    const organizer = await registerUser(t.app);
    const waiting = await registerUser(t.app);

    const place = await createPlace(t.app, me, home);
    const lonelyGroup = await createGroup(t.app, me, home);
    const sharedGroup = await createGroup(t.app, organizer, home);
    expect((await join(me, sharedGroup.id)).statusCode).toBeLessThan(300);
    const post = await createPost(t.app, me, { location: home, title: 'Mine' });
    const reply = await addComment(t.app, organizer, post.id, 'A reply that stays');
    const myComment = await addComment(t.app, me, post.id, 'My own words', reply.id);
    const myMeetup = await createEvent(t.app, me, home);
    const groupMeetup = await createEvent(t.app, me, home, { groupId: lonelyGroup.id });
    const full = await createEvent(t.app, organizer, home, { capacity: 1 });
    expect((await rsvp(t.app, me, full.id, 'going')).json().status).toBe('going');
    expect((await rsvp(t.app, waiting, full.id, 'going')).json().status).toBe('waitlisted');

    const response = await deleteMe(me);
    expect(response.statusCode, response.body).toBe(204);

    // The token no longer works, the email is free again.
    expect((await t.app.inject({ url: '/api/me', headers: me.auth })).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: me.email, password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);

    // What they wrote is erased; the reply by someone else stays readable.
    const thread = (await t.app.inject({ url: `/api/posts/${post.id}` })).json();
    expect(thread).toMatchObject({ deleted: true, title: '[deleted]', body: '', author: null });
    const [top] = thread.discussion.comments;
    expect(top).toMatchObject({ id: reply.id, body: 'A reply that stays' });
    expect(top.replies[0]).toMatchObject({ id: myComment.id, deleted: true, author: null });
    expect(JSON.stringify(thread)).not.toContain('My own words');
    const stored = await t.db
      .selectFrom('posts')
      .select(['body', 'excerpt'])
      .where('id', '=', post.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ body: '', excerpt: '' });

    // The seat went to the first waitlisted person.
    expect((await readEvent(t.app, full.id, waiting)).myRsvp).toMatchObject({ status: 'going' });
    // Their own meetup and the group only they were in are gone, with the group's meetups.
    expect((await t.app.inject({ url: `/api/events/${myMeetup.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/groups/${lonelyGroup.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/events/${groupMeetup.id}` })).statusCode).toBe(404);
    // A group with other people in it simply loses a member.
    const members = (
      await t.app.inject({ url: `/api/groups/${sharedGroup.id}/members`, headers: organizer.auth })
    ).json();
    expect(JSON.stringify(members)).not.toContain('Leaving Soon');
    // The place they added is a shared venue: it stays, without their name.
    const venue = await t.app.inject({ url: `/api/places/${place.id}` });
    expect(venue.statusCode).toBe(200);
    expect(venue.json().createdBy).toBeNull();
  });

  it('keeps the games they added in the shared list, without their name', async () => {
    const me = await registerUser(t.app);
    const organizer = await registerUser(t.app);
    const game = (
      await t.app.inject({ method: 'POST', url: '/api/games', headers: me.auth, payload: { name: 'Heat' } })
    ).json();
    const meetup = await createEvent(t.app, organizer, home, { gameIds: [game.id] });
    expect((await deleteMe(me)).statusCode).toBe(204);

    expect((await t.app.inject({ url: `/api/games/${game.id}` })).json()).toMatchObject({ name: 'Heat' });
    expect((await readEvent(t.app, meetup.id)).linkedGames).toMatchObject([{ id: game.id, name: 'Heat' }]);
    const stored = await t.db
      .selectFrom('games')
      .select('created_by')
      .where('id', '=', game.id)
      .executeTakeFirstOrThrow();
    expect(stored.created_by).toBeNull();
  });

  it('refuses while the person is the only owner of a group others are in, and names the groups', async () => {
    const me = await registerUser(t.app);
    const member = await registerUser(t.app);
    const group = await createGroup(t.app, me, home, { name: 'Board gamers' });
    expect((await join(member, group.id)).statusCode).toBeLessThan(300);
    const post = await createPost(t.app, me, { location: home, title: 'Untouched' });

    const refused = await deleteMe(me);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'last_owner',
      details: { groups: [{ id: group.id, name: 'Board gamers' }] },
    });
    expect((await t.app.inject({ url: '/api/me', headers: me.auth })).statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/posts/${post.id}` })).json().title).toBe('Untouched');

    // Handing over ownership makes it possible.
    const promote = await t.app.inject({
      method: 'PATCH',
      url: `/api/groups/${group.id}/members/${member.id}`,
      headers: me.auth,
      payload: { role: 'owner' },
    });
    expect(promote.statusCode, promote.body).toBe(200);
    expect((await deleteMe(me)).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/groups/${group.id}` })).statusCode).toBe(200);
  });
});
