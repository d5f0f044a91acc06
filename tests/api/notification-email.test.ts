/**
 * Notification emails through a real SMTP server in this process, on both databases: sent by a
 * job written with the change, with a plain-text and an HTML part, a stable Message-ID and
 * one-click unsubscribe (RFC 8058) that needs no sign-in; never twice; held in quiet hours except
 * for a cancellation less than a day ahead; not sent once unwanted, read or folded into a newer one.
 */
import { sql } from 'kysely';
import type { Static } from 'typebox';
import { afterAll, describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../../server/src/modules/notifications/schemas.js';
import { notifyJoinAnswered } from '../../server/src/modules/notifications/index.js';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR, rsvp } from '../helpers/events.js';
import { TestMailServer } from '../helpers/mail.js';
import { createGroup } from '../helpers/places.js';
import { addComment, createPost } from '../helpers/posts.js';
import { createUsers, type TestUser } from '../helpers/users.js';

const mail = await TestMailServer.start();
const PUBLIC_URL = 'https://vicinity.example.org';
const t = useTestApp({
  smtpUrl: `smtp://127.0.0.1:${mail.port}`,
  publicUrl: PUBLIC_URL,
  mailFrom: 'Neighbours <hello@vicinity.example.org>',
});
const kreuzberg = { lat: 52.4986, lng: 13.4213 };
/** The settings document as GET answers it, edited by tests before a PUT. */
type Settings = Omit<Static<typeof NotificationSettings>, 'emailAvailable' | 'homeLocationSet'> &
  Partial<Pick<Static<typeof NotificationSettings>, 'emailAvailable' | 'homeLocationSet'>> &
  Record<string, unknown>;

afterAll(() => mail.stop());

async function people(count: number) {
  return (await createUsers(t.app, t.db, count)) as TestUser[];
}

async function changeSettings(user: TestUser, change: (settings: Settings) => void) {
  const settings = (await t.app.inject({ url: '/api/me/notification-settings', headers: user.auth })).json();
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
}

/** Someone promoted from the waitlist of a new meetup (emailed by default). */
async function promoted(fields: Record<string, unknown> = {}) {
  const [organizer, first, second] = await people(3);
  const event = await createEvent(t.app, organizer!, kreuzberg, { capacity: 1, title: 'Go & <Tea>', ...fields });
  await rsvp(t.app, first!, event.id, 'going');
  await rsvp(t.app, second!, event.id, 'going');
  await rsvp(t.app, first!, event.id, 'not_going');
  return { person: second!, event };
}

const emailJobs = () =>
  t.db.selectFrom('jobs').select(['id', 'key', 'run_at', 'payload']).where('kind', '=', 'notification_email').execute();
const mailsTo = (user: TestUser) => mail.mails.filter((message) => message.to.includes(user.email));
/** Email jobs waiting (a burst window, quiet hours) become due, as if the time had come. */
const dueNow = () => sql`update jobs set run_at = now() where kind = 'notification_email'`.execute(t.db);

describe('notification emails', () => {
  it('are sent by a job, with text and HTML, a link to the item, a stable id and one-click unsubscribe', async () => {
    const { person, event } = await promoted();
    const [notification] = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', person.id)
      .execute();
    expect((await emailJobs()).map((job) => job.key)).toContain(`notification-email:${notification!.id}`);
    await t.app.jobs.runDue();
    await mail.until(() => mailsTo(person).length === 1);
    const [message] = mailsTo(person);
    const headers = message!.headers;
    expect(headers.get('subject')).toContain('You have a seat at');
    expect(headers.get('message-id')).toBe(`<notification-${notification!.id}@vicinity.example.org>`);
    expect(headers.get('from')).toBe('Neighbours <hello@vicinity.example.org>');
    expect(headers.get('auto-submitted')).toBe('auto-generated');
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<(https:\/\/vicinity\.example\.org\/api\/notifications\/unsubscribe\?token=[^>]+)>$/.exec(
      headers.get('list-unsubscribe') ?? '',
    );
    expect(unsubscribe).not.toBeNull();
    expect(message!.text).toContain('You have a seat at “Go & <Tea>”');
    expect(message!.text).toContain(`${PUBLIC_URL}/events/${event.id}`);
    expect(message!.text).toMatch(
      /Stop these emails: unsubscribe: https:\/\/vicinity\.example\.org\/unsubscribe\?token=/,
    );
    expect(message!.html).toContain('“Go &amp; &lt;Tea&gt;”');
    expect(message!.html).toContain(`href="${PUBLIC_URL}/events/${event.id}"`);
    expect(message!.html).not.toContain('<Tea>');

    // A job that runs again after the email was recorded (its process died before finishing) sends nothing.
    await t.db
      .insertInto('jobs')
      .values({ kind: 'notification_email', payload: JSON.stringify({ id: notification!.id }) })
      .execute();
    expect(await t.app.jobs.runDue()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mailsTo(person)).toHaveLength(1);

    // One click from the mail program, no sign-in: that kind stops, the others stay.
    const path = new URL(unsubscribe![1]!);
    const describe = await t.app.inject({ url: `${path.pathname}${path.search}` });
    expect(describe.json()).toEqual({ kind: 'waitlist_promoted', email: person.email, subscribed: true });
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `${path.pathname}${path.search}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
    expect(oneClick.json()).toEqual({ kind: 'waitlist_promoted', all: false, email: person.email });
    const settings = (await t.app.inject({ url: '/api/me/notification-settings', headers: person.auth })).json();
    expect(settings.emailAvailable).toBe(true);
    expect(settings.kinds.waitlist_promoted).toEqual({ inApp: true, email: false });
    expect(settings.kinds.event_cancelled).toEqual({ inApp: true, email: true });
    expect((await t.app.inject({ url: `${path.pathname}${path.search}` })).json().subscribed).toBe(false);

    // The page behind the email's link can stop every email; a forged link changes nothing.
    const all = await t.app.inject({ method: 'POST', url: `${path.pathname}${path.search}`, payload: { all: true } });
    expect(all.json()).toMatchObject({ all: true });
    const after = (await t.app.inject({ url: '/api/me/notification-settings', headers: person.auth })).json();
    expect(Object.values(after.kinds).every((channels) => !(channels as { email: boolean }).email)).toBe(true);
    const forged = await t.app.inject({ method: 'POST', url: '/api/notifications/unsubscribe?token=abc.def' });
    expect(forged.statusCode).toBe(400);
    const multipart = await t.app.inject({
      method: 'POST',
      url: `${path.pathname}${path.search}`,
      headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(multipart.statusCode, multipart.body).toBe(200);
  });

  it('wait out quiet hours, except a cancellation less than a day ahead', async () => {
    const [organizer, seated, person, cancelGuest] = await people(4);
    const now = new Date();
    const clock = (date: Date) => date.toISOString().slice(11, 16);
    const quiet = { start: clock(new Date(now.getTime() - HOUR)), end: clock(new Date(now.getTime() + HOUR)) };
    for (const user of [person!, cancelGuest!]) {
      await changeSettings(user, (settings) => {
        settings.quietHours = quiet;
        settings.timeZone = 'UTC';
      });
    }
    const full = await createEvent(t.app, organizer!, kreuzberg, { capacity: 1 });
    await rsvp(t.app, seated!, full.id, 'going');
    await rsvp(t.app, person!, full.id, 'going');
    await rsvp(t.app, seated!, full.id, 'not_going');
    // A meetup in 5 hours, cancelled: sent at once, quiet hours or not.
    const soon = await createEvent(t.app, organizer!, kreuzberg, {
      startsAt: fromNow(5 * HOUR),
      endsAt: fromNow(6 * HOUR),
    });
    await rsvp(t.app, cancelGuest!, soon.id, 'going');
    await t.app.inject({ method: 'DELETE', url: `/api/events/${soon.id}`, headers: organizer!.auth });
    await t.app.jobs.runDue();
    await mail.until(() => mailsTo(cancelGuest!).length === 1);
    expect(mailsTo(cancelGuest!)[0]!.headers.get('subject')).toMatch(/^Cancelled: /);

    // The seat waits, in the same job, until the quiet hours end.
    expect(mailsTo(person!)).toEqual([]);
    const [row] = await t.db.selectFrom('notifications').select('id').where('user_id', '=', person!.id).execute();
    const waiting = (await emailJobs()).find((job) => job.key === `notification-email:${row!.id}`);
    const end = new Date(now);
    end.setUTCHours(Number(quiet.end.slice(0, 2)), Number(quiet.end.slice(3)), 0, 0);
    if (end.getTime() < now.getTime()) end.setTime(end.getTime() + DAY);
    expect(waiting!.run_at.getTime()).toBe(end.getTime());
  });

  it('are not sent when no longer wanted, already read in the app, or folded into a newer one', async () => {
    const [author, a, b, reader] = await people(4);
    await changeSettings(author!, (settings) => (settings.kinds.reply.email = true));
    await changeSettings(reader!, (settings) => (settings.kinds.reply.email = true));
    const post = await createPost(t.app, author!, { location: kreuzberg, title: 'Bridge' });
    await addComment(t.app, a!, post.id, 'one');
    await addComment(t.app, b!, post.id, 'two');
    // Replies wait a few minutes to gather a burst into one email.
    const jobs = await emailJobs();
    expect(jobs.every((job) => job.run_at.getTime() > Date.now() + 60_000)).toBe(true);

    const readPost = await createPost(t.app, reader!, { location: kreuzberg });
    await addComment(t.app, a!, readPost.id, 'seen in the app first');
    await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      headers: reader!.auth,
      payload: { all: true },
    });

    await dueNow();
    await t.app.jobs.runDue();
    await mail.until(() => mailsTo(author!).length === 1);
    expect(mailsTo(author!)[0]!.headers.get('subject')).toBe('2 new replies on “Bridge”');
    expect(mailsTo(author!)[0]!.text).toContain('2 new replies on “Bridge”, the latest from Person 3.');
    expect(mailsTo(reader!)).toEqual([]);

    // Turned off after it was queued: not sent.
    await addComment(t.app, a!, post.id, 'three');
    await changeSettings(author!, (settings) => (settings.kinds.reply.email = false));
    await dueNow();
    await t.app.jobs.runDue();
    expect(mailsTo(author!)).toHaveLength(1);
  });

  it('reach people who want a kind only by email, outside the inbox; a rolled back change queues none', async () => {
    const [owner, asker] = await people(2);
    await changeSettings(asker!, (settings) => (settings.kinds.join_declined = { inApp: false, email: true }));
    const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'private', name: 'Quiet Club' });
    const queued = (await emailJobs()).length;
    await expect(
      t.db.transaction().execute(async (trx) => {
        await notifyJoinAnswered(trx, group.id, asker!.id, false, owner!.id);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await emailJobs()).toHaveLength(queued);

    await t.db.transaction().execute((trx) => notifyJoinAnswered(trx, group.id, asker!.id, false, owner!.id));
    await t.app.jobs.runDue();
    await mail.until(() => mailsTo(asker!).length === 1);
    expect(mailsTo(asker!)[0]!.text).toContain('Your request to join Quiet Club was declined.');
    const inbox = (await t.app.inject({ url: '/api/notifications', headers: asker!.auth })).json();
    expect(inbox).toMatchObject({ items: [], unread: 0 });
  });
});
