/**
 * Notifications as they run in production: two real server processes on one fresh PostGIS
 * database, a real SMTP server (STARTTLS with a certificate the servers trust, a login per
 * process) in this test, and Chromium. A change made through one process reaches a live stream on
 * the other within a second; emails arrive once, with one-click unsubscribe that works; an SMTP
 * server that is down gets the email later; a process killed between commit and send still gets
 * its email out, once, through the other; the header's bell counts a reply as it happens.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestMailServer, type ReceivedMail } from '../helpers/mail.js';
import { SseStream } from '../helpers/sse.js';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import { launchBrowser, openPage, PHONE, seriousViolations, tileHostOf } from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';
import { freePort } from '../helpers/ports.js';

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
// Under CI the PostGIS run must happen; the global setup already fails a CI run without the URL.
const skip = !TEST_DATABASE_URL && process.env.CI !== 'true';
const withBrowser = existsSync(CHROMIUM) || process.env.CI === 'true';
const JWT_SECRET = 'a-notifications-secret-that-is-long-enough';

interface Person {
  token: string;
  user: { id: number; displayName: string; email: string };
}

describe.skipIf(skip)('notifications across two server processes on one PostGIS database', () => {
  const adminUrl = TEST_DATABASE_URL ?? '';
  // Not the API suites' prefix: their setup drops leftover databases with that prefix.
  const name = `vicinity_notifications_${process.pid}_${randomBytes(4).toString('hex')}`;
  let databaseUrl = '';
  let created = false;
  let scratch = '';
  let mail: TestMailServer;
  let mailOptions: Parameters<typeof TestMailServer.start>[0];
  let holdNext = false;
  const servers: Record<'a' | 'b', Server | undefined> = { a: undefined, b: undefined };
  let db: pg.Client;

  const base = (which: 'a' | 'b') => servers[which]!.baseUrl;

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  async function api<T>(which: 'a' | 'b', method: string, route: string, body?: unknown, token?: string): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${base(which)}${route}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  let counter = 0;
  async function signUp(displayName: string): Promise<Person> {
    counter += 1;
    const email = `${displayName.toLowerCase()}.${counter}.${Date.now()}@example.org`;
    const asked = await api<{ message: string }>('a', 'POST', '/api/auth/register', {
      email,
      password: 'a long enough password',
      displayName,
    });
    // These servers send email, so registering is finished from the emailed link.
    expect(asked.message).toMatch(/Check your email/);
    const sent = (message: ReceivedMail) => message.to.includes(email);
    await mail.until(() => mail.mails.some(sent), 30_000, 'the registration email');
    const invitation = mail.mails.find(sent)!;
    // Out of the way of the tests that look for the first email to a person.
    mail.mails.splice(mail.mails.indexOf(invitation), 1);
    const link = /confirm-registration\?token=([^\s"<]+)/.exec(invitation.text);
    const answer = await api<{ token: string; user: { id: number; displayName: string } }>(
      'a',
      'POST',
      '/api/auth/register/confirm',
      { token: decodeURIComponent(link![1]!) },
    );
    return { token: answer.token, user: { ...answer.user, email } };
  }

  async function meetup(organizer: Person, fields: Record<string, unknown> = {}) {
    const startsAt = Date.now() + 2 * 86_400_000;
    return api<{ id: number }>(
      'a',
      'POST',
      '/api/events',
      {
        title: 'Go night',
        startsAt: new Date(startsAt).toISOString(),
        endsAt: new Date(startsAt + 3_600_000).toISOString(),
        timeZone: 'Europe/Berlin',
        location: { lat: 52.4986, lng: 13.4213 },
        ...fields,
      },
      organizer.token,
    );
  }

  const to = (person: Person) => (message: ReceivedMail) => message.to.includes(person.user.email);

  async function emailJobs() {
    const { rows } = await db.query<{
      id: string;
      attempts: number;
      last_error: string | null;
      locked_by: string | null;
    }>(`select id, attempts, last_error, locked_by from jobs where kind = 'notification_email'`);
    return rows;
  }

  async function startBoth() {
    const ports = { a: await freePort(), b: await freePort() };
    for (const which of ['a', 'b'] as const) {
      servers[which] = await startServer({
        seed: 'none',
        env: {
          DATABASE_URL: databaseUrl,
          PORT: String(ports[which]),
          JWT_SECRET,
          // Links in emails point at A, as they would at the one address a deployment has.
          PUBLIC_URL: `http://localhost:${ports.a}`,
          SMTP_URL: `smtp://${which}:secret-${which}@127.0.0.1:${mail.port}`,
          // The SMTP server's certificate: the servers upgrade with STARTTLS and check it.
          NODE_EXTRA_CA_CERTS: path.join(scratch, 'smtp.crt'),
        },
      });
    }
  }

  beforeAll(async () => {
    if (!adminUrl) throw new Error('CI=true requires TEST_DATABASE_URL for the notification system tests.');
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    await admin((client) => client.query(`create database "${name}"`));
    created = true;
    scratch = mkdtempSync(path.join(os.tmpdir(), 'vicinity-notifications-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        path.join(scratch, 'smtp.key'),
        '-out',
        path.join(scratch, 'smtp.crt'),
      ],
      { stdio: 'pipe' },
    );
    mailOptions = {
      tls: {
        key: readFileSync(path.join(scratch, 'smtp.key'), 'utf8'),
        cert: readFileSync(path.join(scratch, 'smtp.crt'), 'utf8'),
      },
      users: { a: 'secret-a', b: 'secret-b' },
      hold: () => {
        if (!holdNext) return false;
        holdNext = false;
        return true;
      },
    };
    mail = await TestMailServer.start(mailOptions);
    if (withBrowser) buildWebIfStale();
    await startBoth();
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, START_MS * 2);

  afterAll(async () => {
    await db?.end().catch(() => {});
    for (const server of Object.values(servers)) if (server) await stopServer(server);
    await mail?.stop();
    if (created) await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('a seat freed through one process reaches a stream on the other within a second, and is emailed once', async () => {
    const [organizer, seated, waiting] = [await signUp('Mia'), await signUp('Jonas'), await signUp('Lea')];
    const event = await meetup(organizer, { capacity: 1 });
    await api('a', 'PUT', `/api/events/${event.id}/rsvp`, { status: 'going' }, seated.token);
    await api('a', 'PUT', `/api/events/${event.id}/rsvp`, { status: 'going' }, waiting.token);

    const { ticket } = await api<{ ticket: string }>(
      'b',
      'POST',
      '/api/notifications/stream-ticket',
      undefined,
      waiting.token,
    );
    const stream = await SseStream.open(`${base('b')}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`);
    try {
      await stream.next('unread');
      await api('a', 'PUT', `/api/events/${event.id}/rsvp`, { status: 'not_going' }, seated.token);
      const committed = Date.now();
      const arrived = await stream.next('notification', 3000);
      expect(JSON.parse(arrived.data)).toMatchObject({ kind: 'waitlist_promoted', url: `/events/${event.id}` });
      expect(arrived.at - committed).toBeLessThan(1000);
    } finally {
      stream.close();
    }

    await mail.until(() => mail.mails.some(to(waiting)));
    const message = mail.mails.find(to(waiting))!;
    expect(message.secure).toBe(true);
    expect(['a', 'b']).toContain(message.user);
    expect(message.headers.get('subject')).toBe('You have a seat at “Go night”');
    expect(message.text).toContain(`${base('a')}/events/${event.id}`);
    const id = message.headers.get('message-id');
    expect(id).toMatch(/^<notification-\d+@localhost>$/);

    // One click from a mail program, without signing in, to the address in the header.
    const unsubscribe = /^<([^>]+)>$/.exec(message.headers.get('list-unsubscribe') ?? '')![1]!;
    expect(unsubscribe.startsWith(`${base('a')}/api/notifications/unsubscribe?token=`)).toBe(true);
    const oneClick = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    const settings = await api<{ kinds: Record<string, { email: boolean }> }>(
      'b',
      'GET',
      '/api/me/notification-settings',
      undefined,
      waiting.token,
    );
    expect(settings.kinds.waitlist_promoted!.email).toBe(false);
    expect(settings.kinds.event_cancelled!.email).toBe(true);

    // Both processes work the queue; the email went out once.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mail.mails.filter((other) => other.headers.get('message-id') === id)).toHaveLength(1);
  });

  it('an SMTP server that is down gets the email later, once', async () => {
    const [organizer, guest] = [await signUp('Sam'), await signUp('Ana')];
    const event = await meetup(organizer);
    await api('a', 'PUT', `/api/events/${event.id}/rsvp`, { status: 'going' }, guest.token);
    await mail.stop();
    await api('b', 'DELETE', `/api/events/${event.id}`, undefined, organizer.token);

    // The attempt fails and is kept for a retry after a pause.
    const deadline = Date.now() + 20_000;
    let failed: Awaited<ReturnType<typeof emailJobs>>[number] | undefined;
    while (!failed) {
      if (Date.now() > deadline) throw new Error(`no failed attempt recorded: ${JSON.stringify(await emailJobs())}`);
      failed = (await emailJobs()).find((job) => job.attempts >= 1 && job.last_error !== null);
      if (!failed) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    mail = await TestMailServer.start(mailOptions, mail.port);
    await mail.until(() => mail.mails.some(to(guest)), 30_000, 'the retried email');
    expect(mail.mails.filter(to(guest)).map((message) => message.headers.get('subject'))).toEqual([
      'Cancelled: “Go night”',
    ]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mail.mails.filter(to(guest))).toHaveLength(1);
    expect((await emailJobs()).find((job) => job.id === failed!.id)).toBeUndefined();
  }, 60_000);

  it.skipIf(!withBrowser)(
    'the bell in the header counts a reply as it happens',
    async () => {
      const [author, replier] = [await signUp('Tom'), await signUp('Ida')];
      const post = await api<{ id: number }>(
        'a',
        'POST',
        '/api/posts',
        { title: 'Who plays Go?', body: 'Looking for people.', location: { lat: 52.4986, lng: 13.4213 } },
        author.token,
      );
      let browser: Browser | undefined;
      try {
        browser = await launchBrowser();
        const problems: string[] = [];
        const { context, page } = await openPage(browser, {
          ...PHONE,
          tileHost: await tileHostOf(base('a')),
          problems,
        });
        await context.addInitScript((token) => window.localStorage.setItem('vicinity.token', token), author.token);
        await page.goto(`${base('a')}/notifications`);
        const bell = page.getByRole('link', { name: /^Notifications/ });
        await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Notifications');
        await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 15_000 }).toBe('0');

        // Through the other process.
        await api('b', 'POST', `/api/posts/${post.id}/comments`, { body: 'Me!' }, replier.token);
        await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 5000 }).toBe('Notifications, 1 unread');
        await page
          .getByRole('link', { name: 'Ida replied to your post on “Who plays Go?”.' })
          .waitFor({ timeout: 5000 });
        expect(await seriousViolations(page)).toEqual([]);

        await page.getByRole('button', { name: 'Mark all as read' }).click();
        await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 5000 }).toBe('Notifications');
        await page.goto(`${base('a')}/me/notifications`);
        await page.getByRole('button', { name: 'Save settings' }).waitFor();
        expect(await seriousViolations(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await browser?.close();
      }
    },
    90_000,
  );

  it('a process killed between commit and send: the email still goes out, once, through the other', async () => {
    const [organizer, guest] = [await signUp('Kim'), await signUp('Noa')];
    const event = await meetup(organizer);
    await api('a', 'PUT', `/api/events/${event.id}/rsvp`, { status: 'going' }, guest.token);
    holdNext = true;
    await api('a', 'DELETE', `/api/events/${event.id}`, undefined, organizer.token);
    // A process has claimed the job and is in the middle of sending: kill it there.
    await mail.until(() => mail.held.length > 0, 10_000, 'a held message');
    const victim = mail.held.at(-1) as 'a' | 'b';
    const survivor = victim === 'a' ? 'b' : 'a';
    const killed = servers[victim]!;
    const exited = new Promise((resolve) => killed.child.once('exit', resolve));
    process.kill(-killed.child.pid!, 'SIGKILL');
    await exited;
    expect(mail.mails.some(to(guest))).toBe(false);

    // Its claim is a lease, which would run out within a minute; here it runs out now.
    const claimed = await db.query(
      `update jobs set locked_until = now() - interval '1 second'
       where kind = 'notification_email' and locked_by is not null returning id`,
    );
    expect(claimed.rowCount).toBe(1);
    await mail.until(() => mail.mails.some(to(guest)), 15_000, 'the email through the surviving process');
    const message = mail.mails.find(to(guest))!;
    expect(message.user).toBe(survivor);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mail.mails.filter(to(guest))).toHaveLength(1);
    expect(await emailJobs()).toEqual([]);
  }, 60_000);
});
