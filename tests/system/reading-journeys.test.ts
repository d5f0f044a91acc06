/**
 * What a reader meets in the browser: a meetup planned in another time zone shows its own time
 * with the zone named and the reader's time beside it, its description as Markdown; an unknown
 * page and a missing meetup offer the way back; a signed-out visitor on a private group's meetup
 * is told to sign in; a person's profile lists their public posts and never the private ones.
 * Data is prepared through the API; everything read is read in Chromium, and each page is checked
 * with axe on a desktop and on a 375 px phone.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import { DESKTOP, launchBrowser, openPage, PHONE, seriousViolations, tileHostOf } from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';
import { apiOf, type SignedIn } from './helpers/api.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
/** The reader is in Berlin; the meetup is planned in New York. */
const READER = { timezoneId: 'Europe/Berlin', locale: 'en-GB' } as const;
const STEP_MS = 120_000;
const HERE = { lat: 52.4986, lng: 13.4213 };

describe.skipIf(skip)('reading meetups, profiles and missing pages in a browser', () => {
  let server: Server;
  let baseUrl: string;
  let tileHost: string;
  let browser: Browser;
  const problems: string[] = [];
  /** Pages checked with axe at both sizes. */
  const checkedPaths: string[] = [];
  let author: SignedIn;
  let abroadId: number;
  let privateMeetupId: number;
  let publicPostId: number;

  const api = apiOf(() => baseUrl);

  async function visitor(size: { width: number; height: number }) {
    return openPage(browser, {
      ...size,
      tileHost,
      problems,
      reducedMotion: 'reduce',
      context: READER,
      expectHttpErrors: true,
    });
  }

  async function accessible(page: Page, path: string): Promise<void> {
    checkedPaths.push(path);
    expect(await seriousViolations(page), path).toEqual([]);
  }

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({
      env: { MAP_CENTER_LAT: String(HERE.lat), MAP_CENTER_LNG: String(HERE.lng), MAP_ZOOM: '14' },
    });
    baseUrl = server.baseUrl;
    tileHost = await tileHostOf(baseUrl);
    browser = await launchBrowser();
    author = await api('POST', '/api/auth/register', {
      email: `author.${Date.now()}@example.org`,
      password: 'a long enough password',
      displayName: 'Jonas Beck',
    });
    const year = new Date().getUTCFullYear() + 1;
    // 19:00 in New York on 15 January is 01:00 on the 16th in Berlin.
    abroadId = (
      await api<{ id: number }>(
        'POST',
        '/api/events',
        {
          title: 'Chess in Bryant Park',
          description: 'Bring **your own clock** and read [the rules](https://example.org/rules).',
          startsAt: `${year}-01-15T19:00:00-05:00`,
          endsAt: `${year}-01-15T21:00:00-05:00`,
          timeZone: 'America/New_York',
          location: HERE,
        },
        author.token,
      )
    ).id;
    const hidden = await api<{ id: number }>(
      'POST',
      '/api/groups',
      { name: 'Quiet Readers', description: 'We read together.', visibility: 'private', location: HERE },
      author.token,
    );
    privateMeetupId = (
      await api<{ id: number }>(
        'POST',
        '/api/events',
        {
          title: 'Members-only reading',
          startsAt: `${year}-02-01T18:00:00+01:00`,
          endsAt: `${year}-02-01T20:00:00+01:00`,
          timeZone: 'Europe/Berlin',
          groupId: hidden.id,
          location: HERE,
        },
        author.token,
      )
    ).id;
    publicPostId = (
      await api<{ id: number }>(
        'POST',
        '/api/posts',
        { title: 'Where to play chess outdoors', body: 'The tables in the park.', location: HERE },
        author.token,
      )
    ).id;
    await api(
      'POST',
      '/api/posts',
      { title: 'Only for the readers', body: 'Secret.', groupId: hidden.id },
      author.token,
    );
  }, START_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  it(
    'shows a meetup in another zone on its own clock, names the zone, and gives the reader’s time',
    async () => {
      const { context, page } = await visitor(DESKTOP);
      await page.goto(`${baseUrl}/events/${abroadId}`);
      await page.getByRole('heading', { level: 1, name: 'Chess in Bryant Park' }).waitFor();
      const when = page.locator('.meetup-time').first();
      await expect.poll(() => when.textContent()).toMatch(/19:00–21:00/);
      const text = (await when.textContent()) ?? '';
      expect(text).toContain('Time zone: America/New_York');
      expect(text).toMatch(/01:00 your time \(\w+ 16 Jan\)/);
      // The description is Markdown, rendered: bold and a link, no asterisks.
      expect(await page.locator('.description strong').textContent()).toBe('your own clock');
      expect(await page.locator('.description a').getAttribute('href')).toBe('https://example.org/rules');
      expect(await page.getByText('**your own clock**').count()).toBe(0);
      await accessible(page, `/events/${abroadId}`);
      await context.close();
    },
    STEP_MS,
  );

  it(
    'offers the way back from an unknown page and from a meetup that is not there',
    async () => {
      const { context, page } = await visitor(DESKTOP);
      await page.goto(`${baseUrl}/no/such/page`);
      await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
      await accessible(page, '/no/such/page');
      await page.getByRole('link', { name: 'Back to the map' }).click();
      await page.waitForURL((url) => url.pathname === '/', { waitUntil: 'commit' });

      await page.goto(`${baseUrl}/events/999999`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      expect(await page.getByText('This meetup was not found.').count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
      await accessible(page, '/events/999999');
      await page.getByRole('link', { name: 'Back to the map' }).click();
      await page.waitForURL((url) => url.pathname === '/', { waitUntil: 'commit' });
      await context.close();
    },
    STEP_MS,
  );

  it(
    'tells a signed-out visitor on a private group’s meetup to sign in, and shows it once they have',
    async () => {
      const { context, page } = await visitor(DESKTOP);
      await page.goto(`${baseUrl}/events/${privateMeetupId}`);
      await page.getByRole('heading', { level: 1, name: 'Not found' }).waitFor();
      expect(await page.getByText(/only its members can see it/).count()).toBe(1);
      expect(await page.getByText('Members-only reading').count()).toBe(0);
      await accessible(page, `/events/${privateMeetupId}`);
      await page.locator('#main').getByRole('link', { name: 'Sign in' }).click();
      await page.waitForURL(/\/signin\?/, { waitUntil: 'commit' });
      await page.getByLabel('Email').fill(await emailOf(author));
      await page.getByLabel('Password').fill('a long enough password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Members-only reading' }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/events/${privateMeetupId}`);
      await context.close();
    },
    STEP_MS,
  );

  it(
    'lists a person’s public posts on their profile, never a private group’s',
    async () => {
      const { context, page } = await visitor(DESKTOP);
      await page.goto(`${baseUrl}/people/${author.user.id}`);
      await page.getByRole('heading', { level: 1, name: /Jonas Beck/ }).waitFor();
      const posts = page.getByRole('region', { name: 'Posts' });
      await posts.getByRole('link', { name: 'Where to play chess outdoors' }).waitFor();
      expect(await posts.getByRole('link').count()).toBe(1);
      expect(await page.getByText('Only for the readers').count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toContain('@example.org');
      await accessible(page, `/people/${author.user.id}`);
      await posts.getByRole('link', { name: 'Where to play chess outdoors' }).click();
      await page.waitForURL(`${baseUrl}/posts/${publicPostId}`, { waitUntil: 'commit' });
      await context.close();
    },
    STEP_MS,
  );

  it(
    'has no serious accessibility problems on these pages on a phone',
    async () => {
      const { context, page } = await visitor(PHONE);
      for (const path of new Set(checkedPaths)) {
        await page.goto(`${baseUrl}${path}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        expect(await seriousViolations(page), path).toEqual([]);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(PHONE.width);
      }
      await context.close();
      expect(problems).toEqual([]);
    },
    STEP_MS * 2,
  );

  /** The address the author registered with, from their own profile. */
  async function emailOf(who: SignedIn): Promise<string> {
    return (await api<{ email: string }>('GET', '/api/me', undefined, who.token)).email;
  }
});
