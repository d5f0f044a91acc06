/**
 * Safety notices on both databases: every moderation action but a dismissal tells its author what
 * was done and why (with a link to the content or the group's rules), the reporters hear the
 * outcome, in the same transaction as the action; always in the app, emailed to the author by
 * default; never the content's text or the moderator's name.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { TestMailServer } from '../helpers/mail.js';
import { createGroup } from '../helpers/places.js';
import { addComment, createPost, setRole } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const mail = await TestMailServer.start();
const PUBLIC_URL = 'https://vicinity.example.org';
const t = useTestApp({
  smtpUrl: `smtp://127.0.0.1:${mail.port}`,
  publicUrl: PUBLIC_URL,
  mailFrom: 'Neighbours <hello@vicinity.example.org>',
});
afterAll(() => mail.stop());

let area = 0;
function nextCentre() {
  area += 1;
  return { lat: 20 + area * 0.5, lng: 5 + area * 0.5 };
}

interface Item {
  id: number;
  kind: string;
  text: string;
  url: string;
  rulesUrl?: string;
  subject: { type: string; id: number };
}

async function call(method: string, url: string, user: TestUser | null, payload?: unknown) {
  return t.app.inject({
    method: method as 'GET',
    url,
    ...(user ? { headers: user.auth } : {}),
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
}

async function inbox(user: TestUser): Promise<Item[]> {
  const response = await call('GET', '/api/notifications', user);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items;
}

async function act(user: TestUser, subject: { type: string; id: number }, action: string, reason: string, extra = {}) {
  const response = await call('POST', '/api/moderation/actions', user, { subject, action, reason, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().entry as { id: number };
}

async function report(user: TestUser, subject: { type: string; id: number }, reason = 'spam') {
  const response = await call('POST', '/api/reports', user, { subject, reason });
  expect(response.statusCode, response.body).toBe(201);
}

async function makeAdmin(): Promise<TestUser> {
  const admin = await registerUser(t.app, 'Admin');
  await t.db.updateTable('users').set({ is_admin: true }).where('id', '=', admin.id).execute();
  return admin;
}

/** A group with its owner, an organizer, an author and two reporters in it. */
async function groupWithPeople() {
  const centre = nextCentre();
  const owner = await registerUser(t.app, 'Owner Olga');
  const organizer = await registerUser(t.app, 'Organizer Otto');
  const author = await registerUser(t.app, 'Author');
  const first = await registerUser(t.app, 'Reporter one');
  const second = await registerUser(t.app, 'Reporter two');
  const group = await createGroup(t.app, owner, centre);
  await setRole(t.db, group.id, organizer.id, 'organizer');
  for (const person of [author, first, second]) await setRole(t.db, group.id, person.id, 'member');
  return { centre, owner, organizer, author, first, second, group };
}

describe('safety notices', () => {
  it('tell the author of a removed post why, with links, and the reporters the outcome', async () => {
    const { owner, author, first, second, group } = await groupWithPeople();
    const post = await createPost(t.app, author, { groupId: group.id, title: 'Cheap dice', body: 'SECRET-TEXT' });
    await report(first, { type: 'post', id: post.id });
    await report(second, { type: 'post', id: post.id }, 'misleading');
    const entry = await act(owner, { type: 'post', id: post.id }, 'remove', 'Advertising (rule 2)');

    const [notice] = await inbox(author);
    expect(notice).toMatchObject({
      kind: 'moderation_action',
      url: `/posts/${post.id}`,
      rulesUrl: `/groups/${group.id}#rules`,
      subject: { type: 'moderation', id: entry.id },
    });
    expect(notice!.text).toBe(
      `A moderator of ${group.name} removed your post “Cheap dice”: it shows as “removed by moderators” with the reason. Reason: Advertising (rule 2)`,
    );
    expect(notice!.text).not.toContain('Olga');
    for (const reporter of [first, second]) {
      const [outcome] = await inbox(reporter);
      expect(outcome).toMatchObject({
        kind: 'report_outcome',
        text: 'Your report about a post was reviewed: removed.',
        url: `/moderation/log?groupId=${group.id}`,
        subject: { type: 'moderation', id: entry.id },
      });
      expect(JSON.stringify(outcome)).not.toContain('SECRET-TEXT');
    }
    // The moderator who acted is told nothing.
    expect(await inbox(owner)).toEqual([]);

    // The author is emailed (the outbox job was written with the action); reporters are not by default.
    await t.app.jobs.runDue();
    await mail.until(() => mail.mails.some((m) => m.to.includes(author.email)));
    const message = mail.mails.find((m) => m.to.includes(author.email))!;
    expect(message.text).toContain('Reason: Advertising (rule 2)');
    expect(message.text).toContain(`${PUBLIC_URL}/posts/${post.id}`);
    expect(mail.mails.some((m) => m.to.includes(first.email))).toBe(false);
  });

  it('tell reporters "no action" on a dismissal, and the author nothing', async () => {
    const { owner, author, first, group } = await groupWithPeople();
    const post = await createPost(t.app, author, { groupId: group.id });
    const comment = await addComment(t.app, author, post.id, 'A fair comment');
    await report(first, { type: 'comment', id: comment.id }, 'harassment');
    await act(owner, { type: 'comment', id: comment.id }, 'dismiss', 'Not against the rules');
    expect(await inbox(author)).toEqual([]);
    expect((await inbox(first))[0]).toMatchObject({
      kind: 'report_outcome',
      text: 'Your report about a comment was reviewed: no action.',
    });
  });

  it('tell of every other action: a comment removed, restored, a lock, a warning, a ban, a suspension', async () => {
    const { organizer, author, first, group } = await groupWithPeople();
    const post = await createPost(t.app, author, { groupId: group.id, title: 'Dice night' });
    const comment = await addComment(t.app, author, post.id, 'Rude words');
    await report(first, { type: 'comment', id: comment.id }, 'harassment');

    // An organizer (not the owner) removes and restores in their group: the same scope both ways.
    await act(organizer, { type: 'comment', id: comment.id }, 'remove', 'Insults (rule 1)');
    await act(organizer, { type: 'comment', id: comment.id }, 'restore', 'Read it again: banter');
    await act(organizer, { type: 'post', id: post.id }, 'lock', 'Heated');
    await act(organizer, { type: 'comment', id: comment.id }, 'warn', 'Mind the tone');
    await act(organizer, { type: 'user', id: author.id }, 'ban_from_group', 'Third time', {
      groupId: group.id,
      until: '2099-01-02T10:00:00.000Z',
    });
    const admin = await makeAdmin();
    await act(admin, { type: 'user', id: author.id }, 'suspend', 'Spam elsewhere');

    const notices = (await inbox(author)).reverse();
    expect(notices.map((n) => n.kind)).toEqual(Array(6).fill('moderation_action'));
    const moderator = `A moderator of ${group.name}`;
    expect(notices.map((n) => [n.text, n.url])).toEqual([
      [
        `${moderator} removed your comment: it shows as “removed by moderators” with the reason. Reason: Insults (rule 1)`,
        `/posts/${post.id}`,
      ],
      [
        `${moderator} restored your comment: everyone sees it again. Reason: Read it again: banter`,
        `/posts/${post.id}`,
      ],
      [
        `${moderator} locked the discussion of your post “Dice night”: it takes no new comments. Reason: Heated`,
        `/posts/${post.id}`,
      ],
      [`${moderator} warned you about your comment. Reason: Mind the tone`, `/posts/${post.id}`],
      [
        `${moderator} banned you from ${group.name} until Fri 2 Jan, 10:00 (UTC): you cannot post, comment or plan meetups there. Reason: Third time`,
        `/groups/${group.id}#rules`,
      ],
      [
        'A site admin suspended your account indefinitely: you can sign in, read and export your data, but not write. Reason: Spam elsewhere',
        '/moderation/log',
      ],
    ]);
    expect(notices[4]!.rulesUrl).toBe(`/groups/${group.id}#rules`);
    expect(notices[5]!.rulesUrl).toBeUndefined();
    // The reporter heard once: the removal closed the report; later actions had none open.
    expect((await inbox(first)).map((n) => n.text)).toEqual(['Your report about a comment was reviewed: removed.']);
  });

  it('tell the organizer of a removed meetup, and cannot be turned off in the app', async () => {
    const { centre, owner, author, group } = await groupWithPeople();
    await setRole(t.db, group.id, author.id, 'organizer');
    const settings = (await call('GET', '/api/me/notification-settings', author)).json();
    expect(settings.kinds.moderation_action).toEqual({ inApp: true, email: true });
    expect(settings.kinds.report_outcome).toEqual({ inApp: true, email: false });
    delete settings.emailAvailable;
    delete settings.homeLocationSet;
    settings.kinds.moderation_action = { inApp: false, email: false };
    const saved = await call('PUT', '/api/me/notification-settings', author, settings);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().kinds.moderation_action).toEqual({ inApp: true, email: false });

    const event = await createEvent(t.app, author, centre, { title: 'Dice market', groupId: group.id });
    await act(owner, { type: 'event', id: event.id }, 'remove', 'Selling (rule 2)');
    const [notice] = await inbox(author);
    expect(notice).toMatchObject({ kind: 'moderation_action', url: `/events/${event.id}` });
    expect(notice!.text).toContain('removed your meetup “Dice market”');
    const row = await t.db
      .selectFrom('notifications')
      .select(['in_app', 'email'])
      .where('user_id', '=', author.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ in_app: true, email: false });
  });

  it('are not written when the action fails', async () => {
    const { author, first, group } = await groupWithPeople();
    const post = await createPost(t.app, author, { groupId: group.id });
    await report(first, { type: 'post', id: post.id });
    // A plain member may not act: nothing is done, nobody is told.
    const refused = await call('POST', '/api/moderation/actions', first, {
      subject: { type: 'post', id: post.id },
      action: 'remove',
      reason: 'I do not like it',
    });
    expect(refused.statusCode).toBe(403);
    expect(await inbox(author)).toEqual([]);
    expect(await inbox(first)).toEqual([]);
  });
});
