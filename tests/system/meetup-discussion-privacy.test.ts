/**
 * A meetup's discussion and its private address in a real Chromium: a guest asks a question on a
 * meetup's page; an outsider of a meetup in someone's home sees the area and no address, says
 * they are going, and the address appears.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import { DESKTOP, launchBrowser, openPage, tileHostOf } from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';
import { apiOf, signUpWith, type SignedIn } from './helpers/api.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
const ADDRESS = 'Hinterhaus, Wrangelstraße 12';

describe.skipIf(skip)('a meetup’s discussion and private address in a browser', () => {
  let server: Server;
  let browser: Browser;
  let tileHost: string;
  const problems: string[] = [];

  const api = apiOf(() => server.baseUrl);

  const signUp = (displayName: string) => signUpWith(api, displayName);

  async function pageAs(who: SignedIn) {
    const opened = await openPage(browser, {
      ...DESKTOP,
      tileHost,
      problems,
      reducedMotion: 'reduce',
      context: { timezoneId: 'Europe/Berlin', locale: 'en-GB' },
    });
    await opened.context.addInitScript((token) => window.localStorage.setItem('vicinity.token', token), who.token);
    return opened;
  }

  async function meetupAtHome(host: SignedIn, title: string) {
    const place = await api<{ id: number }>(
      'POST',
      '/api/places',
      {
        name: 'Sam’s kitchen',
        kind: 'other',
        location: { lat: 52.4991, lng: 13.4305 },
        address: ADDRESS,
        privateHome: true,
      },
      host.token,
    );
    const startsAt = new Date(Date.now() + 26 * 3600_000);
    startsAt.setUTCSeconds(0, 0);
    return api<{ id: number }>(
      'POST',
      '/api/events',
      {
        title,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 3 * 3600_000).toISOString(),
        timeZone: 'Europe/Berlin',
        placeId: place.id,
        minPlayers: 3,
      },
      host.token,
    );
  }

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({ seed: 'none' });
    tileHost = await tileHostOf(server.baseUrl);
    browser = await launchBrowser();
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  it('asks a question on a meetup and sees it in the discussion', async () => {
    const host = await signUp('Sam');
    const guest = await signUp('Robin');
    const meetup = await meetupAtHome(host, 'Spirit Island evening');
    const { context, page } = await pageAs(guest);
    try {
      await page.goto(`${server.baseUrl}/events/${meetup.id}`);
      await page.getByRole('heading', { level: 2, name: /Discussion/ }).waitFor();
      await page.getByLabel('Add a comment').fill('Can I bring my own *expansion*?');
      await page.getByRole('button', { name: 'Post comment' }).click();
      await page.locator('.discussion .prose em', { hasText: 'expansion' }).waitFor();
      const discussion = await api<{ totalComments: number; comments: Array<{ body: string }> }>(
        'GET',
        `/api/events/${meetup.id}/comments`,
      );
      expect(discussion.totalComments).toBe(1);
      expect(discussion.comments[0]!.body).toBe('Can I bring my own *expansion*?');
    } finally {
      await context.close();
    }
  }, 90_000);

  it('shows an outsider the area and no address until they go', async () => {
    const host = await signUp('Kim');
    const outsider = await signUp('Alex');
    const meetup = await meetupAtHome(host, 'Brass night at Kim’s');
    const { context, page } = await pageAs(outsider);
    try {
      await page.goto(`${server.baseUrl}/events/${meetup.id}`);
      await page.getByRole('heading', { level: 1, name: /Brass night/ }).waitFor();
      await page.getByText('The address is shown to people going.').waitFor();
      await page.getByText('Needs 3 more').waitFor();
      expect(await page.locator('body').innerText()).not.toContain('Wrangelstraße');

      await page.getByRole('button', { name: 'I’m going' }).click();
      await page.getByText(ADDRESS, { exact: false }).waitFor();
      expect(await page.getByText('The address is shown to people going.').count()).toBe(0);
      await page.getByText('Needs 2 more').waitFor();
    } finally {
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 90_000);
});
