/**
 * Moderation in a real Chromium against the real server: a person reports a comment from its menu,
 * a site admin removes it from the queue page with the keyboard, its author is told why in a
 * notification and reads it in its place, the reporter hears the outcome; a removed meetup's page
 * says why; someone blocks a person and that person's comments collapse into placeholders.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import { DESKTOP, launchBrowser, openPage, screenshot, tileHostOf } from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';
import { apiOf, signUpWith, type SignedIn } from './helpers/api.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
const ADMIN_EMAIL = `admin.${Date.now()}@moderation.example`;
const STEP_MS = 90_000;

describe.skipIf(skip)('moderation in a browser', () => {
  let server: Server;
  let browser: Browser;
  let tileHost: string;
  const problems: string[] = [];

  const api = apiOf(() => server.baseUrl);

  const signUp = (displayName: string, email?: string) => signUpWith(api, displayName, email);

  async function pageAs(who: SignedIn): Promise<Page> {
    const { context, page } = await openPage(browser, {
      ...DESKTOP,
      tileHost,
      problems,
      reducedMotion: 'reduce',
      expectHttpErrors: true,
    });
    await context.addInitScript((token) => {
      if (!window.localStorage.getItem('vicinity.token')) window.localStorage.setItem('vicinity.token', token);
    }, who.token);
    page.on('dialog', (dialog) => void dialog.accept());
    return page;
  }

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({ seed: 'none', env: { ADMIN_EMAILS: ADMIN_EMAIL } });
    tileHost = await tileHostOf(server.baseUrl);
    browser = await launchBrowser();
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  it(
    'reports a comment, a moderator removes it from the queue, its author sees the reason',
    async () => {
      const poster = await signUp('Poster');
      const troll = await signUp('Troll');
      const reader = await signUp('Reader');
      const admin = await signUp('Admin', ADMIN_EMAIL);
      const post = await api<{ id: number }>(
        'POST',
        '/api/posts',
        { title: 'Board games in the park', body: 'Who is in on Sunday?', location: { lat: 52.5, lng: 13.42 } },
        poster.token,
      );
      await api('POST', `/api/posts/${post.id}/comments`, { body: 'You are all losers' }, troll.token);

      // The reader reports the comment from its menu.
      const readerPage = await pageAs(reader);
      await readerPage.goto(`${server.baseUrl}/posts/${post.id}`);
      await readerPage.getByRole('button', { name: 'Report comment by Troll' }).click();
      const dialog = readerPage.getByRole('dialog', { name: 'Report comment by Troll' });
      await dialog.getByLabel('Harassment').check();
      await dialog.getByLabel(/Anything the moderators should know/).fill('Insults everyone');
      await dialog.getByRole('button', { name: 'Send report' }).click();
      await dialog.getByText('Thank you.').waitFor();

      // The admin removes it from the queue with the keyboard.
      const adminPage = await pageAs(admin);
      await adminPage.goto(`${server.baseUrl}/moderation`);
      await adminPage.getByRole('heading', { level: 1, name: 'Moderation queue' }).waitFor();
      const card = adminPage.getByRole('article', { name: /comment \d+/ });
      await card.getByText('You are all losers').waitFor();
      await card.getByText('Reasons: harassment').waitFor();
      await card.getByLabel('Reason').fill('Insults (rule 1)');
      await adminPage.keyboard.press('Escape');
      await adminPage.keyboard.press('r');
      await adminPage.getByText('Nothing to review. Thank you.').waitFor();
      await screenshot(adminPage, 'moderation-queue-cleared');

      // The author of the comment is told, with the reason, and reads it again in its place.
      const trollPage = await pageAs(troll);
      await trollPage.goto(`${server.baseUrl}/notifications`);
      const notice = trollPage.getByRole('link', {
        name: 'A site admin removed your comment: it shows as “removed by moderators” with the reason. Reason: Insults (rule 1)',
      });
      await notice.waitFor();
      await trollPage.getByText('Safety notice').first().waitFor();
      await notice.click();
      await trollPage.waitForURL(`**/posts/${post.id}`);
      await trollPage.getByText('Removed by moderators: Insults (rule 1)').waitFor();
      expect(await trollPage.getByText('You are all losers').count()).toBe(0);

      // The reporter is told the outcome.
      await readerPage.goto(`${server.baseUrl}/notifications`);
      await readerPage.getByRole('link', { name: 'Your report about a comment was reviewed: removed.' }).waitFor();

      // The public log says what and why, never the text.
      await adminPage.goto(`${server.baseUrl}/moderation/log`);
      await adminPage.getByRole('cell', { name: 'Insults (rule 1)' }).waitFor();
      expect(await adminPage.getByText('You are all losers').count()).toBe(0);
      expect(problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'shows a removed meetup’s page with the reason, and tells its organizer',
    async () => {
      const organizer = await signUp('Seller');
      const admin = await api<SignedIn>('POST', '/api/auth/login', {
        email: ADMIN_EMAIL,
        password: 'a long enough password',
      });
      const inADay = Date.now() + 86_400_000;
      const meetup = await api<{ id: number }>(
        'POST',
        '/api/events',
        {
          title: 'Cheap dice market',
          description: 'Buy my dice',
          startsAt: new Date(inADay).toISOString(),
          endsAt: new Date(inADay + 7_200_000).toISOString(),
          timeZone: 'Europe/Berlin',
          location: { lat: 52.5, lng: 13.42 },
        },
        organizer.token,
      );
      await api(
        'POST',
        '/api/moderation/actions',
        { subject: { type: 'event', id: meetup.id }, action: 'remove', reason: 'Selling (rule 2)' },
        admin.token,
      );

      const page = await pageAs(organizer);
      await page.goto(`${server.baseUrl}/notifications`);
      await page.getByRole('link', { name: /removed your meetup “Cheap dice market”.*Selling \(rule 2\)/ }).click();
      await page.waitForURL(`**/events/${meetup.id}`);
      await page.getByText('Removed by moderators: Selling (rule 2)').waitFor();
      expect(await page.getByText('Buy my dice').count()).toBe(0);
      expect(await page.getByRole('heading', { level: 1, name: 'Cheap dice market' }).count()).toBe(0);
      expect(problems).toEqual([]);
    },
    STEP_MS,
  );

  it(
    'blocks someone from a comment’s menu and their comments collapse',
    async () => {
      const poster = await signUp('Host');
      const pest = await signUp('Pest');
      const me = await signUp('Me');
      const post = await api<{ id: number }>(
        'POST',
        '/api/posts',
        { title: 'Chess on Fridays', body: 'Anyone?', location: { lat: 52.5, lng: 13.42 } },
        poster.token,
      );
      const first = await api<{ id: number }>(
        'POST',
        `/api/posts/${post.id}/comments`,
        { body: 'Chess is boring' },
        pest.token,
      );
      await api('POST', `/api/posts/${post.id}/comments`, { body: 'No it is not', parentId: first.id }, poster.token);
      await api('POST', `/api/posts/${post.id}/comments`, { body: 'Still boring' }, pest.token);

      const page = await pageAs(me);
      await page.goto(`${server.baseUrl}/posts/${post.id}`);
      await page.getByText('Chess is boring').waitFor();
      await page.getByRole('button', { name: 'Block Pest' }).first().click();
      await expect.poll(() => page.getByText('A comment from someone you blocked').count()).toBe(2);
      expect(await page.getByText('Chess is boring').count()).toBe(0);
      expect(await page.getByText('Still boring').count()).toBe(0);
      // The reply under the blocked comment stays readable.
      await page.getByText('No it is not').waitFor();

      // Settings list them, and unblocking brings them back.
      await page.goto(`${server.baseUrl}/me`);
      await page.getByRole('button', { name: 'Unblock Pest' }).click();
      await page.getByText('Nobody.').waitFor();
      expect(problems).toEqual([]);
    },
    STEP_MS,
  );
});
