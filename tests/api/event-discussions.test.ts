/** A meetup's discussion: the posts' discussion model, attached to a meetup, with a pin and a lock. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY } from '../helpers/events.js';
import { createGroup } from '../helpers/places.js';
import { addComment as addPostComment, createPost, setRole } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

interface Node {
  id: number;
  parentId: number | null;
  depth: number;
  body: string;
  deleted: boolean;
  replies: Node[];
}

async function comment(user: TestUser, eventId: number, body: string, parentId?: number) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/comments`,
    headers: user.auth,
    payload: { body, ...(parentId === undefined ? {} : { parentId }) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Node & { bodyHtml: string };
}

async function discussion(eventId: number, user?: TestUser, query = '') {
  const response = await t.app.inject({
    url: `/api/events/${eventId}/comments${query}`,
    headers: user?.auth ?? {},
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function notificationsOf(user: TestUser) {
  const response = await t.app.inject({ url: '/api/notifications', headers: user.auth });
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as Array<{ kind: string; text: string; url: string }>;
}

describe('a meetup’s discussion', () => {
  it('nests replies at any depth with Markdown, like a post’s', async () => {
    const host = await registerUser(t.app, 'Host');
    const guest = await registerUser(t.app, 'Guest');
    const event = await createEvent(t.app, host, kreuzberg);
    const question = await comment(guest, event.id, 'Can I bring my own copy of *Azul*?');
    const answer = await comment(host, event.id, 'Sure!', question.id);
    const deeper = await comment(guest, event.id, 'Thanks', answer.id);
    expect(question.bodyHtml).toBe('<p>Can I bring my own copy of <em>Azul</em>?</p>');
    expect(deeper).toMatchObject({ depth: 2, parentId: answer.id });

    const page = await discussion(event.id);
    expect(page).toMatchObject({ totalComments: 3, nextBranchCursor: null, locked: false, pinned: null });
    expect(page.comments[0].replies[0].replies[0].id).toBe(deeper.id);
  });

  it('keeps replies inside their own meetup, and a post’s comments out of it', async () => {
    const host = await registerUser(t.app);
    const a = await createEvent(t.app, host, kreuzberg);
    const b = await createEvent(t.app, host, kreuzberg);
    const onA = await comment(host, a.id, 'On A');
    const post = await createPost(t.app, host, { location: kreuzberg });
    const onPost = await addPostComment(t.app, host, post.id, 'On the post');
    for (const parentId of [onA.id, onPost.id]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/events/${b.id}/comments`,
        headers: host.auth,
        payload: { body: 'Wrong thread', parentId },
      });
      expect(response.statusCode).toBe(400);
    }
    const onPostAnswer = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/comments`,
      headers: host.auth,
      payload: { body: 'Wrong thread', parentId: onA.id },
    });
    expect(onPostAnswer.statusCode).toBe(400);
    expect((await discussion(b.id)).totalComments).toBe(0);
  });

  it('pages top-level branches with a cursor bound to the meetup', async () => {
    const host = await registerUser(t.app);
    const event = await createEvent(t.app, host, kreuzberg);
    const other = await createEvent(t.app, host, kreuzberg);
    const ids: number[] = [];
    for (let i = 0; i < 55; i += 1) ids.push((await comment(host, event.id, `Comment ${i}`)).id);
    const first = await discussion(event.id);
    expect(first.comments).toHaveLength(50);
    expect(first.nextBranchCursor).toEqual(expect.any(String));
    const second = await discussion(event.id, undefined, `?branchCursor=${encodeURIComponent(first.nextBranchCursor)}`);
    expect([...first.comments, ...second.comments].map((c: Node) => c.id)).toEqual(ids);
    expect(second.nextBranchCursor).toBeNull();
    const elsewhere = await t.app.inject({
      url: `/api/events/${other.id}/comments?branchCursor=${encodeURIComponent(first.nextBranchCursor)}`,
    });
    expect(elsewhere.statusCode).toBe(400);
  });

  it('edits and deletes through /api/comments, keeping a deleted comment’s place', async () => {
    const host = await registerUser(t.app);
    const guest = await registerUser(t.app);
    const event = await createEvent(t.app, host, kreuzberg);
    const question = await comment(guest, event.id, 'Parking?');
    await comment(host, event.id, 'Yes, in the yard', question.id);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/comments/${question.id}`,
      headers: guest.auth,
      payload: { body: 'Is there parking?' },
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ body: 'Is there parking?', editedAt: expect.any(String) });
    const byOther = await t.app.inject({ method: 'DELETE', url: `/api/comments/${question.id}`, headers: host.auth });
    expect(byOther.statusCode).toBe(403);
    const remove = await t.app.inject({ method: 'DELETE', url: `/api/comments/${question.id}`, headers: guest.auth });
    expect(remove.statusCode).toBe(204);
    const [top] = (await discussion(event.id)).comments as Node[];
    expect(top).toMatchObject({ deleted: true, body: '[deleted]' });
    expect(top!.replies).toHaveLength(1);
    const replyToDeleted = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/comments`,
      headers: host.auth,
      payload: { body: 'Hello?', parentId: question.id },
    });
    expect(replyToDeleted.statusCode).toBe(409);
    expect(replyToDeleted.json().error.code).toBe('comment_deleted');
  });

  it('follows a private group’s rules: members only, others get 404', async () => {
    const owner = await registerUser(t.app);
    const member = await registerUser(t.app);
    const outsider = await registerUser(t.app);
    const group = await createGroup(t.app, owner, kreuzberg, { visibility: 'private' });
    await setRole(t.db, group.id, member.id, 'member');
    const event = await createEvent(t.app, owner, kreuzberg, { groupId: group.id });
    const question = await comment(member, event.id, 'Members only question');
    for (const user of [outsider, undefined]) {
      const read = await t.app.inject({ url: `/api/events/${event.id}/comments`, headers: user?.auth ?? {} });
      expect(read.statusCode).toBe(404);
    }
    const write = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/comments`,
      headers: outsider.auth,
      payload: { body: 'Let me in' },
    });
    expect(write.statusCode).toBe(404);
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/comments/${question.id}`,
      headers: outsider.auth,
      payload: { body: 'x' },
    });
    expect(edit.statusCode).toBe(404);
    expect((await discussion(event.id, member)).totalComments).toBe(1);
  });

  it('lets organizers pin a comment and lock the discussion, and nobody else', async () => {
    const host = await registerUser(t.app);
    const guest = await registerUser(t.app);
    const event = await createEvent(t.app, host, kreuzberg);
    const question = await comment(guest, event.id, 'Where do we meet?');
    const answer = await comment(host, event.id, 'Ring the bell at the back door.');
    const settings = (user: TestUser, payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/events/${event.id}/discussion`, headers: user.auth, payload });

    expect((await settings(guest, { pinnedCommentId: answer.id })).statusCode).toBe(403);
    const pinned = await settings(host, { pinnedCommentId: answer.id });
    expect(pinned.statusCode, pinned.body).toBe(200);
    expect(pinned.json().pinned).toMatchObject({ id: answer.id, body: 'Ring the bell at the back door.' });
    expect((await discussion(event.id)).pinned.id).toBe(answer.id);
    const otherEvent = await createEvent(t.app, host, kreuzberg);
    const foreign = await t.app.inject({
      method: 'PATCH',
      url: `/api/events/${otherEvent.id}/discussion`,
      headers: host.auth,
      payload: { pinnedCommentId: answer.id },
    });
    expect(foreign.statusCode).toBe(400);

    expect((await settings(host, { locked: true })).json().locked).toBe(true);
    const late = await t.app.inject({
      method: 'POST',
      url: `/api/events/${event.id}/comments`,
      headers: guest.auth,
      payload: { body: 'One more thing', parentId: question.id },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('discussion_locked');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/comments/${question.id}`,
      headers: guest.auth,
      payload: { body: 'changed' },
    });
    expect(edit.statusCode).toBe(409);
    expect((await settings(host, { locked: false, pinnedCommentId: null })).json()).toMatchObject({
      locked: false,
      pinned: null,
    });
    await comment(guest, event.id, 'Thanks!', answer.id);
  });

  it('gives each occurrence of a series its own discussion', async () => {
    const host = await registerUser(t.app);
    const first = await createEvent(t.app, host, kreuzberg, { recurrence: { freq: 'weekly', count: 2 } });
    await comment(host, first.id, 'Only this evening');
    const list = await t.app.inject({
      url: `/api/events?seriesId=${first.series!.id}&to=${new Date(Date.now() + 30 * DAY).toISOString()}`,
    });
    const secondId = list
      .json()
      .features.map((f: { properties: { id: number } }) => f.properties.id)
      .find((id: number) => id !== first.id);
    expect((await discussion(secondId)).totalComments).toBe(0);
  });

  it('tells the organizer of a question and the asker of an answer', async () => {
    const host = await registerUser(t.app, 'Host');
    const guest = await registerUser(t.app, 'Guest');
    const event = await createEvent(t.app, host, kreuzberg, { title: 'Catan night' });
    const question = await comment(guest, event.id, 'Beginners welcome?');
    await comment(host, event.id, 'Absolutely', question.id);
    const [toHost] = await notificationsOf(host);
    expect(toHost).toMatchObject({ kind: 'reply', url: `/events/${event.id}` });
    expect(toHost!.text).toContain('your meetup');
    const [toGuest] = await notificationsOf(guest);
    expect(toGuest).toMatchObject({ kind: 'reply', url: `/events/${event.id}` });
    expect(toGuest!.text).toContain('your comment');
  });
});
