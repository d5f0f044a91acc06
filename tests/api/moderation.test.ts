import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { createGroup } from '../helpers/places.js';
import { addComment, createPost, setRole } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp({ adminEmails: ['admin@moderation.test'], newAccountHours: 24, newAccountPostsPerHour: 5 });

let area = 0;
/** Each test works around a centre of its own so lists never mix. */
function nextCentre() {
  area += 1;
  return { lat: 40 + area * 0.5, lng: -3 + area * 0.5 };
}

async function call(method: string, url: string, user: TestUser | null, payload?: unknown) {
  return t.app.inject({
    method: method as 'GET',
    url,
    ...(user ? { headers: user.auth } : {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function makeAdmin(): Promise<TestUser> {
  const admin = await registerUser(t.app, 'Admin');
  await t.db.updateTable('users').set({ is_admin: true }).where('id', '=', admin.id).execute();
  return admin;
}

async function nearbyIds(centre: { lat: number; lng: number }, viewer: TestUser | null, kinds?: string) {
  const response = await call(
    'GET',
    `/api/nearby?lat=${centre.lat}&lng=${centre.lng}&radius=2000${kinds ? `&kinds=${kinds}` : ''}`,
    viewer,
  );
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().features as { properties: { kind: string; itemId: number } }[]).map(
    (f) => `${f.properties.kind}:${f.properties.itemId}`,
  );
}

async function feedIds(centre: { lat: number; lng: number }, viewer: TestUser | null) {
  const response = await call('GET', `/api/feed?lat=${centre.lat}&lng=${centre.lng}&radius=5000`, viewer);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().items as { kind: string; id: number }[]).map((item) => `${item.kind}:${item.id}`);
}

async function mapIds(centre: { lat: number; lng: number }, viewer: TestUser | null) {
  const bbox = `${centre.lng - 0.01},${centre.lat - 0.01},${centre.lng + 0.01},${centre.lat + 0.01}`;
  const response = await call('GET', `/api/map?bbox=${bbox}&zoom=17`, viewer);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().features as { properties: { kind: string; itemId?: number } }[]).map(
    (f) => `${f.properties.kind}:${f.properties.itemId}`,
  );
}

async function areaCalendar(centre: { lat: number; lng: number }, viewer: TestUser | null) {
  const response = await call('GET', `/api/calendar.ics?lat=${centre.lat}&lng=${centre.lng}&radius=5000`, viewer);
  expect(response.statusCode, response.body).toBe(200);
  return response.body;
}

async function act(user: TestUser, subject: { type: string; id: number }, action: string, reason: string, extra = {}) {
  return call('POST', '/api/moderation/actions', user, { subject, action, reason, ...extra });
}

describe('report → queue → remove → gone everywhere → restore', () => {
  it('removes a post and a meetup from every list, shows the reason in their place, and restores them', async () => {
    const centre = nextCentre();
    const owner = await registerUser(t.app, 'Owner');
    const author = await registerUser(t.app, 'Author');
    const reader = await registerUser(t.app, 'Reader');
    const group = await createGroup(t.app, owner, centre);
    // An organizer may plan the group's meetups; a moderator of the group still decides on them.
    await setRole(t.db, group.id, author.id, 'organizer');
    const post = await createPost(t.app, author, {
      groupId: group.id,
      title: 'Buy cheap dice',
      body: 'SECRET-SPAM-TEXT',
    });
    const reply = await addComment(t.app, reader, post.id, 'A reply that stays readable');
    const event = await createEvent(t.app, author, centre, { title: 'Spam meetup', groupId: group.id });

    const report = await call('POST', '/api/reports', reader, {
      subject: { type: 'post', id: post.id },
      reason: 'spam',
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json()).toMatchObject({ status: 'open', reason: 'spam' });
    const again = await call('POST', '/api/reports', reader, {
      subject: { type: 'post', id: post.id },
      reason: 'hate',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('report_open');
    await call('POST', '/api/reports', owner, {
      subject: { type: 'post', id: post.id },
      reason: 'misleading',
      note: 'sells things',
    });

    // The group's owner sees it in the queue, one row for the subject with both reports.
    const queue = await call('GET', `/api/moderation/queue?groupId=${group.id}`, owner);
    expect(queue.statusCode, queue.body).toBe(200);
    const row = queue.json().items.find((item: { subject: { id: number } }) => item.subject.id === post.id);
    expect(row).toMatchObject({
      subject: { type: 'post', id: post.id },
      reports: 2,
      notes: ['sells things'],
      state: 'visible',
      content: { title: 'Buy cheap dice', text: 'SECRET-SPAM-TEXT', author: { id: author.id } },
      authorStanding: { removals: 0 },
    });
    expect(row.reasons.sort()).toEqual(['misleading', 'spam']);
    // Nobody else moderates here.
    expect((await call('GET', '/api/moderation/queue', reader)).statusCode).toBe(403);

    expect(await nearbyIds(centre, reader)).toContain(`post:${post.id}`);
    const removed = await act(owner, { type: 'post', id: post.id }, 'remove', 'Advertising (rule 2)');
    expect(removed.statusCode, removed.body).toBe(201);
    expect(removed.json()).toMatchObject({
      reportsClosed: 2,
      entry: { action: 'remove', actedAs: `a moderator of ${group.name}` },
    });
    expect((await act(owner, { type: 'event', id: event.id }, 'remove', 'Advertising')).statusCode).toBe(201);

    for (const viewer of [null, reader, author]) {
      expect(await nearbyIds(centre, viewer)).not.toContain(`post:${post.id}`);
      expect(await nearbyIds(centre, viewer, 'post')).not.toContain(`post:${post.id}`);
      expect(await nearbyIds(centre, viewer, 'event')).not.toContain(`event:${event.id}`);
      expect(await feedIds(centre, viewer)).not.toContain(`post:${post.id}`);
      expect(await feedIds(centre, viewer)).not.toContain(`event:${event.id}`);
      expect(await mapIds(centre, viewer)).not.toContain(`post:${post.id}`);
      expect(await areaCalendar(centre, viewer)).not.toContain('Spam meetup');
    }
    // The post's page shows why, never what; the discussion stays readable.
    const page = await call('GET', `/api/posts/${post.id}`, reader);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('SECRET-SPAM-TEXT');
    expect(page.json()).toMatchObject({
      title: '[removed]',
      author: null,
      moderation: { state: 'removed', reason: 'Advertising (rule 2)' },
    });
    expect(page.json().bodyHtml).toContain('removed by moderators: Advertising (rule 2)');
    expect(page.json().discussion.comments[0]).toMatchObject({ id: reply.id, body: 'A reply that stays readable' });

    // The reporter hears the outcome.
    const mine = (await call('GET', '/api/reports', reader)).json().reports;
    expect(mine[0]).toMatchObject({ status: 'actioned', outcome: 'remove: Advertising (rule 2)' });

    // The public log says what and why, never the text.
    const log = await call('GET', `/api/moderation/log?groupId=${group.id}`, null);
    expect(log.statusCode).toBe(200);
    expect(log.body).not.toContain('SECRET-SPAM-TEXT');
    expect(log.body).not.toContain('Buy cheap dice');
    expect(log.json().entries[1]).toMatchObject({
      action: 'remove',
      subjectType: 'post',
      subjectId: post.id,
      reason: 'Advertising (rule 2)',
      actedAs: `a moderator of ${group.name}`,
      rulesUrl: `/groups/${group.id}#rules`,
    });

    // Restored, it is back everywhere.
    expect((await act(owner, { type: 'post', id: post.id }, 'restore', 'It was a fair question')).statusCode).toBe(201);
    expect((await act(owner, { type: 'event', id: event.id }, 'restore', 'Fine after all')).statusCode).toBe(201);
    expect(await nearbyIds(centre, reader)).toContain(`post:${post.id}`);
    expect(await feedIds(centre, reader)).toContain(`event:${event.id}`);
    expect(await mapIds(centre, reader)).toContain(`post:${post.id}`);
    expect(await areaCalendar(centre, reader)).toContain('Spam meetup');
    expect((await call('GET', `/api/posts/${post.id}`, reader)).json().title).toBe('Buy cheap dice');
  });

  it('shows a removed comment as "removed by moderators: <reason>" with its replies, and tells its author', async () => {
    const centre = nextCentre();
    const author = await registerUser(t.app, 'Poster');
    const troll = await registerUser(t.app, 'Troll');
    const other = await registerUser(t.app, 'Other');
    const admin = await makeAdmin();
    const post = await createPost(t.app, author, { location: centre });
    const bad = await addComment(t.app, troll, post.id, 'NASTY-WORDS');
    const answer = await addComment(t.app, other, post.id, 'Please be kind', bad.id);
    expect(
      (await call('POST', '/api/reports', other, { subject: { type: 'comment', id: bad.id }, reason: 'harassment' }))
        .statusCode,
    ).toBe(201);
    const queue = (await call('GET', '/api/moderation/queue', admin)).json();
    const row = queue.items.find(
      (item: { subject: { id: number; type: string } }) =>
        item.subject.type === 'comment' && item.subject.id === bad.id,
    );
    expect(row.context).toEqual([expect.objectContaining({ relation: 'on the post', id: post.id })]);
    expect((await act(admin, { type: 'comment', id: bad.id }, 'remove', 'Insults (rule 1)')).json().entry.actedAs).toBe(
      'a site admin',
    );
    for (const viewer of [troll, other, null]) {
      const page = (await call('GET', `/api/posts/${post.id}`, viewer)).json();
      const [comment] = page.discussion.comments;
      expect(comment).toMatchObject({
        id: bad.id,
        author: null,
        body: 'removed by moderators: Insults (rule 1)',
        moderation: { state: 'removed', reason: 'Insults (rule 1)' },
      });
      expect(comment.replies[0]).toMatchObject({ id: answer.id, body: 'Please be kind' });
    }
  });
});

describe('a removed meetup’s page', () => {
  it('says why, never what, to everyone, with its discussion readable; restored, it is whole again', async () => {
    const centre = nextCentre();
    const owner = await registerUser(t.app, 'Owner');
    const organizer = await registerUser(t.app, 'Organizer');
    const reader = await registerUser(t.app, 'Reader');
    const group = await createGroup(t.app, owner, centre);
    await setRole(t.db, group.id, organizer.id, 'organizer');
    const event = await createEvent(t.app, organizer, centre, {
      title: 'Dice market',
      description: 'SECRET-MEETUP-TEXT',
      groupId: group.id,
    });
    const comment = await call('POST', `/api/events/${event.id}/comments`, reader, { body: 'Is it free?' });
    expect(comment.statusCode, comment.body).toBe(201);
    const early = await registerUser(t.app, 'Early');
    expect((await call('PUT', `/api/events/${event.id}/rsvp`, early, { status: 'going' })).statusCode).toBe(200);
    expect((await act(owner, { type: 'event', id: event.id }, 'remove', 'Selling (rule 2)')).statusCode).toBe(201);

    // It takes no new seats, but whoever was going can still step back.
    const late = await call('PUT', `/api/events/${event.id}/rsvp`, reader, { status: 'going' });
    expect(late.statusCode, late.body).toBe(409);
    expect(late.json().error.code).toBe('event_removed');
    const leaving = await call('PUT', `/api/events/${event.id}/rsvp`, early, { status: 'not_going' });
    expect(leaving.statusCode, leaving.body).toBe(200);
    expect(leaving.json().status).toBe('not_going');

    for (const viewer of [null, reader, organizer, owner]) {
      const page = await call('GET', `/api/events/${event.id}`, viewer);
      expect(page.statusCode, page.body).toBe(200);
      expect(page.body).not.toContain('SECRET-MEETUP-TEXT');
      expect(page.body).not.toContain('Dice market');
      expect(page.json()).toMatchObject({
        id: event.id,
        title: '[removed]',
        description: 'removed by moderators: Selling (rule 2)',
        organizer: null,
        place: null,
        canEdit: false,
        media: [],
        moderation: { state: 'removed', reason: 'Selling (rule 2)' },
        group: { id: group.id },
      });
    }
    expect((await call('GET', `/api/events/${event.id}/attendees`, reader)).statusCode).toBe(404);
    const thread = await call('GET', `/api/events/${event.id}/comments`, reader);
    expect(thread.statusCode, thread.body).toBe(200);
    expect(thread.body).toContain('Is it free?');
    // Lists still leave it out.
    expect(await nearbyIds(centre, reader, 'event')).not.toContain(`event:${event.id}`);
    const listed = await call('GET', `/api/events?groupId=${group.id}`, reader);
    expect(listed.statusCode).toBe(200);
    const listedIds = listed.json().features.map((f: { properties: { id: number } }) => f.properties.id);
    expect(listedIds).not.toContain(event.id);
    // A meetup that does not exist is still 404.
    expect((await call('GET', '/api/events/999999999', reader)).statusCode).toBe(404);

    expect((await act(owner, { type: 'event', id: event.id }, 'restore', 'Free after all')).statusCode).toBe(201);
    const restored = (await call('GET', `/api/events/${event.id}`, reader)).json();
    expect(restored).toMatchObject({ title: 'Dice market', description: 'SECRET-MEETUP-TEXT' });
    expect(restored.moderation).toBeUndefined();
  });
});

describe('blocks', () => {
  it('hides each one’s content from the other, shows placeholders in threads, and stops replies', async () => {
    const centre = nextCentre();
    const ana = await registerUser(t.app, 'Ana');
    const ben = await registerUser(t.app, 'Ben');
    const cat = await registerUser(t.app, 'Cat');
    const anaPost = await createPost(t.app, ana, { location: centre, title: 'Ana writes' });
    const benPost = await createPost(t.app, ben, { location: centre, title: 'Ben writes' });
    const benEvent = await createEvent(t.app, ben, centre, { title: 'Ben plays' });
    const catPost = await createPost(t.app, cat, { location: centre });
    const benComment = await addComment(t.app, ben, catPost.id, 'Ben’s comment');
    const catReply = await addComment(t.app, cat, catPost.id, 'Cat answers Ben', benComment.id);
    const anaComment = await addComment(t.app, ana, catPost.id, 'Ana’s comment');

    expect((await call('PUT', `/api/blocks/${ben.id}`, ana)).statusCode).toBe(204);
    expect((await call('PUT', `/api/blocks/${ben.id}`, ana)).statusCode).toBe(204);
    expect((await call('PUT', `/api/blocks/${ana.id}`, ana)).statusCode).toBe(400);
    expect((await call('PUT', '/api/blocks/999999999', ana)).statusCode).toBe(404);
    expect((await call('GET', '/api/blocks', ana)).json().blocks).toEqual([
      { user: { id: ben.id, displayName: 'Ben' }, since: expect.any(String) },
    ]);

    // Ana no longer sees Ben's things, and Ben no longer sees Ana's.
    for (const [viewer, hidden, shown] of [
      [ana, [`post:${benPost.id}`, `event:${benEvent.id}`], `post:${catPost.id}`],
      [ben, [`post:${anaPost.id}`], `post:${catPost.id}`],
    ] as const) {
      const nearby = await nearbyIds(centre, viewer);
      const feed = await feedIds(centre, viewer);
      const map = await mapIds(centre, viewer);
      for (const id of hidden) {
        expect(nearby).not.toContain(id);
        expect(feed).not.toContain(id);
        expect(map).not.toContain(id);
      }
      expect(nearby).toContain(shown);
      expect(await nearbyIds(centre, viewer, 'post')).not.toContain(hidden[0]);
    }
    expect(await areaCalendar(centre, ana)).not.toContain('Ben plays');
    expect((await call('GET', `/api/posts/${benPost.id}`, ana)).statusCode).toBe(404);
    expect((await call('GET', `/api/posts/${anaPost.id}`, ben)).statusCode).toBe(404);
    // Others still see both.
    expect(await nearbyIds(centre, cat)).toEqual(expect.arrayContaining([`post:${benPost.id}`, `post:${anaPost.id}`]));

    // In a thread Ana sees a placeholder with the replies below it.
    const anaView = (await call('GET', `/api/posts/${catPost.id}`, ana)).json().discussion.comments;
    expect(anaView[0]).toMatchObject({
      id: benComment.id,
      author: null,
      blocked: true,
      body: 'a comment from someone you blocked',
    });
    expect(anaView[0].replies[0]).toMatchObject({ id: catReply.id, body: 'Cat answers Ben' });
    // Ben is not told: Ana's comment reads to him as a deleted one.
    const benView = (await call('GET', `/api/posts/${catPost.id}`, ben)).json().discussion.comments;
    expect(benView[1]).toMatchObject({ id: anaComment.id, deleted: true, body: '[deleted]' });
    expect(JSON.stringify(benView)).not.toContain('blocked');

    // No replies between them.
    const benReplies = await call('POST', `/api/posts/${catPost.id}/comments`, ben, {
      body: 'hey',
      parentId: anaComment.id,
    });
    expect(benReplies.statusCode).toBe(409);
    const anaReplies = await call('POST', `/api/posts/${catPost.id}/comments`, ana, {
      body: 'hey',
      parentId: benComment.id,
    });
    expect(anaReplies.statusCode).toBe(403);
    expect(anaReplies.json().error.code).toBe('blocked');
    expect((await call('POST', `/api/posts/${benPost.id}/comments`, ana, { body: 'hey' })).statusCode).toBe(404);

    expect((await call('DELETE', `/api/blocks/${ben.id}`, ana)).statusCode).toBe(204);
    expect(await nearbyIds(centre, ana)).toContain(`post:${benPost.id}`);
  });
});

describe('suspension', () => {
  it('answers every write 403 account_suspended while reading and export still work', async () => {
    const admin = await makeAdmin();
    const person = await registerUser(t.app, 'Suspended');
    const post = await createPost(t.app, person, { location: nextCentre() });
    const member = await registerUser(t.app, 'Group mod');
    const group = await createGroup(t.app, member, nextCentre());
    // A group moderator may not suspend: it is site-wide.
    await setRole(t.db, group.id, person.id, 'member');
    const byModerator = await act(member, { type: 'user', id: person.id }, 'suspend', 'Spam');
    expect(byModerator.statusCode).toBe(403);
    const suspended = await act(admin, { type: 'user', id: person.id }, 'suspend', 'Repeated spam');
    expect(suspended.statusCode, suspended.body).toBe(201);

    const write = await call('POST', '/api/posts', person, { title: 'x', body: 'y', location: nextCentre() });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe('account_suspended');
    expect((await call('POST', `/api/posts/${post.id}/comments`, person, { body: 'y' })).json().error.code).toBe(
      'account_suspended',
    );
    expect((await call('PUT', `/api/blocks/${admin.id}`, person)).statusCode).toBe(403);
    expect((await call('GET', `/api/posts/${post.id}`, person)).statusCode).toBe(200);
    expect((await call('GET', '/api/me', person)).statusCode).toBe(200);
    expect((await call('GET', '/api/me/export', person)).statusCode).toBe(200);
    const login = await call('POST', '/api/auth/login', null, {
      email: person.email,
      password: 'correct horse battery',
    });
    expect(login.statusCode).toBe(200);

    // The log names no one.
    const log = (await call('GET', '/api/moderation/log', null)).json();
    const entry = log.entries.find((e: { action: string }) => e.action === 'suspend');
    expect(entry).toMatchObject({ subjectType: 'user', subjectId: null, actedAs: 'a site admin' });
  });

  it('makes the accounts in ADMIN_EMAILS site admins', async () => {
    const response = await call('POST', '/api/auth/register', null, {
      email: 'admin@moderation.test',
      password: 'correct horse battery',
      displayName: 'Listed admin',
    });
    const token = response.json().token as string;
    const queue = await t.app.inject({ url: '/api/moderation/queue', headers: { authorization: `Bearer ${token}` } });
    expect(queue.statusCode).toBe(200);
  });
});

describe('held for review', () => {
  it('holds posts with a group’s held terms and new accounts’ link-heavy posts, visible to their author', async () => {
    const centre = nextCentre();
    const owner = await registerUser(t.app, 'Owner');
    const member = await registerUser(t.app, 'Member');
    const reader = await registerUser(t.app, 'Reader');
    const group = await createGroup(t.app, owner, centre);
    await setRole(t.db, group.id, member.id, 'member');
    await setRole(t.db, group.id, reader.id, 'member');
    const rules = await call('PUT', `/api/groups/${group.id}/rules`, owner, {
      rules: '1. Be kind. 2. No selling.',
      heldTerms: ['cheap-dice.example'],
    });
    expect(rules.statusCode, rules.body).toBe(200);
    expect((await call('GET', `/api/groups/${group.id}/rules`, reader)).json()).toEqual({
      groupId: group.id,
      rules: '1. Be kind. 2. No selling.',
      heldTerms: null,
    });

    const held = await createPost(t.app, member, { groupId: group.id, body: 'Visit CHEAP-DICE.example now' });
    const own = (await call('GET', `/api/posts/${held.id}`, member)).json();
    expect(own.moderation).toMatchObject({ state: 'held' });
    expect(own.moderation.reason).toContain('cheap-dice.example');
    expect((await call('GET', `/api/posts/${held.id}`, reader)).statusCode).toBe(404);
    expect(await nearbyIds(centre, reader)).not.toContain(`post:${held.id}`);
    expect(await feedIds(centre, member)).not.toContain(`post:${held.id}`);

    // In the group's queue, and in the log as the automatic first line's doing.
    const queue = (await call('GET', `/api/moderation/queue?groupId=${group.id}`, owner)).json();
    expect(queue.items[0]).toMatchObject({ subject: { type: 'post', id: held.id }, state: 'held', reports: 0 });
    const log = (await call('GET', `/api/moderation/log?groupId=${group.id}`, reader)).json();
    expect(log.entries[0]).toMatchObject({ action: 'hold', actedAs: 'the automatic first line' });
    expect(JSON.stringify(log)).not.toContain('Visit');

    // Released, it is published.
    expect((await act(owner, { type: 'post', id: held.id }, 'restore', 'A fair mention')).statusCode).toBe(201);
    expect(await nearbyIds(centre, reader)).toContain(`post:${held.id}`);

    // A new account's comment with many links is held too, shown to its author only.
    const links = await addComment(t.app, member, held.id, 'see http://a.example http://b.example http://c.example');
    expect(links.moderation).toMatchObject({ state: 'held' });
    const seen = (await call('GET', `/api/posts/${held.id}`, reader)).json().discussion.comments;
    expect(seen.map((c: { id: number }) => c.id)).not.toContain(links.id);
  });

  it('holds a new account’s posts past the hourly allowance', async () => {
    const centre = nextCentre();
    const fresh = await registerUser(t.app, 'Fresh');
    const posts = [];
    for (let i = 0; i < 6; i += 1) posts.push(await createPost(t.app, fresh, { location: centre }));
    const states = await Promise.all(
      posts.map(async (p) => (await call('GET', `/api/posts/${p.id}`, fresh)).json().moderation?.state ?? null),
    );
    expect(states).toEqual([null, null, null, null, null, 'held']);
    // An older account is not limited.
    await sql`update users set created_at = now() - interval '3 days' where id = ${fresh.id}`.execute(t.db);
    const later = await createPost(t.app, fresh, {
      location: centre,
      body: 'http://a.example http://b.example http://c.example',
    });
    expect((await call('GET', `/api/posts/${later.id}`, fresh)).json().moderation).toBeUndefined();
  });
});

describe('bans and locks', () => {
  it('bans a person from a group’s discussions and locks a post’s discussion', async () => {
    const owner = await registerUser(t.app, 'Owner');
    const member = await registerUser(t.app, 'Member');
    const group = await createGroup(t.app, owner, nextCentre());
    await setRole(t.db, group.id, member.id, 'member');
    const post = await createPost(t.app, owner, { groupId: group.id });
    const comment = await addComment(t.app, member, post.id, 'rude');
    const ban = await act(owner, { type: 'comment', id: comment.id }, 'ban_from_group', 'Rude again', {
      until: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(ban.statusCode, ban.body).toBe(201);
    const refused = await call('POST', `/api/posts/${post.id}/comments`, member, { body: 'again' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('banned_from_group');

    expect((await act(owner, { type: 'post', id: post.id }, 'lock', 'Heated')).statusCode).toBe(201);
    const locked = await call('POST', `/api/posts/${post.id}/comments`, owner, { body: 'more' });
    expect(locked.statusCode).toBe(409);
    expect((await call('GET', `/api/posts/${post.id}`, owner)).json().discussion.locked).toBe(true);
  });
});
