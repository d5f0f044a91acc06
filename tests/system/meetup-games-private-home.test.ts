/**
 * A meetup in someone's home, planned in the browser: the host adds their home as a place marked
 * "a private home", plans a meetup there with two games from the games list (one found as they
 * type, one added on the spot) that needs four players, and lists the games they own. An outsider
 * sees the area, "needs 3 more" and the games with their player counts, never the address; once
 * going, they see the address. Every page on the way is checked with axe on a desktop and on a
 * 375 px phone.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import {
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  tileHostOf,
} from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';
import { apiOf, type SignedIn, signUpWith } from './helpers/api.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
const STEP_MS = 120_000;
const STREET = 'Forster Straße';
const ADDRESS = `${STREET} 7, Hinterhof links`;

describe.skipIf(skip)('a meetup with games in a private home, in a browser', () => {
  let server: Server;
  let baseUrl: string;
  let browser: Browser;
  let tileHost: string;
  const problems: string[] = [];
  let host: SignedIn;
  let outsider: SignedIn;
  let placeId: number;
  let meetupId: number;
  /** Pages checked with axe at both sizes: for the host, and for the outsider. */
  const hostPaths = new Set<string>();
  const outsiderPaths = new Set<string>();

  const api = apiOf(() => baseUrl);

  const signUp = (displayName: string) => signUpWith(api, displayName);

  async function pageAs(who: SignedIn, size: { width: number; height: number } = DESKTOP) {
    const opened = await openPage(browser, {
      ...size,
      tileHost,
      problems,
      reducedMotion: 'reduce',
      context: { timezoneId: 'Europe/Berlin', locale: 'en-GB' },
    });
    await opened.context.addInitScript((token) => window.localStorage.setItem('vicinity.token', token), who.token);
    return opened;
  }

  async function accessible(page: Page, paths: Set<string>, name: string) {
    paths.add(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({
      seed: 'none',
      env: { MAP_CENTER_LAT: '52.4960', MAP_CENTER_LNG: '13.4380', MAP_ZOOM: '15' },
    });
    baseUrl = server.baseUrl;
    tileHost = await tileHostOf(baseUrl);
    browser = await launchBrowser();
    host = await signUp('Jule');
    outsider = await signUp('Deniz');
    // A game someone else put in the list before.
    await api('POST', '/api/games', { name: 'Azul', minPlayers: 2, maxPlayers: 4, playMinutes: 45 }, outsider.token);
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  it(
    'adds a home as a private place and lists the games it has',
    async () => {
      const { context, page } = await pageAs(host);
      try {
        await page.goto(`${baseUrl}/places/new?lat=52.4960&lng=13.4380`);
        await page.getByRole('heading', { level: 1, name: 'Add a place' }).waitFor();
        await page.getByLabel('Name').fill('Jule’s kitchen table');
        await page.getByLabel('Kind of place').selectOption('other');
        await page.getByLabel('Address (optional)').fill(ADDRESS);
        await page.getByLabel('This is a private home').check();
        await page.getByText(/see\s+only\s+an\s+area\s+of\s+about\s+500\s+m/).waitFor();
        await page.getByRole('region', { name: 'Map for choosing where the place is' }).click({
          position: { x: 200, y: 120 },
        });
        await page
          .getByRole('status')
          .filter({ hasText: /^Chosen: / })
          .first()
          .waitFor();
        await accessible(page, hostPaths, 'new place');
        await page.getByRole('button', { name: 'Add the place' }).click();
        await page.waitForURL(/\/places\/\d+$/);
        placeId = Number(new URL(page.url()).pathname.split('/').at(-1));
        await page.getByRole('heading', { level: 1, name: 'Jule’s kitchen table' }).waitFor();
        await page.getByText(/This is a private home/).waitFor();

        // Games we own, for the person who added the place.
        await page.getByRole('button', { name: 'List the games you own' }).click();
        await page.getByLabel('Find a game').fill('az');
        await page.getByRole('button', { name: /^Add Azul/ }).click();
        await accessible(page, hostPaths, 'place games editor');
        await page.getByRole('button', { name: 'Save the games' }).click();
        const owned = page.getByRole('list', { name: 'Games we own' });
        await owned.waitFor();
        expect(await owned.innerText()).toContain('Azul');
        expect(await owned.innerText()).toContain('2–4 players · 45 min');
        const stored = await api<{ games: Array<{ name: string }> }>('GET', `/api/places/${placeId}/games`);
        expect(stored.games.map((game) => game.name)).toEqual(['Azul']);
        await accessible(page, hostPaths, 'place page');
      } finally {
        await context.close();
      }
    },
    STEP_MS,
  );

  it(
    'plans a meetup there with two games that needs four players; the address stays for people going',
    async () => {
      const { context, page } = await pageAs(host);
      try {
        await page.goto(`${baseUrl}/places/${placeId}`);
        await page.getByRole('link', { name: 'Plan a meetup here' }).click();
        await page.getByRole('heading', { level: 1, name: 'Plan a meetup' }).waitFor();
        const exactForGoing = page.getByLabel('Exact address only for people going');
        await expect.poll(() => exactForGoing.isChecked()).toBe(true);
        await page.getByText('The chosen place is a private home, so this is on unless you turn it off.').waitFor();

        await page.getByLabel('Title').fill('Brass and Azul at Jule’s');
        const day = new Date(Date.now() + 4 * 86_400_000).toISOString().slice(0, 10);
        await page.getByLabel('Starts').fill(`${day}T18:00`);
        await page.getByLabel('Starts').dispatchEvent('change');
        await page.getByLabel('Players needed (optional)').fill('4');

        // One game found as it is typed, one that is not in the list yet.
        await page.getByLabel('Find a game').fill('azu');
        await page.getByRole('button', { name: /^Add Azul/ }).click();
        await page.getByLabel('Find a game').fill('Brass: Birmingham');
        await page.getByText('No game called “Brass: Birmingham” in the list yet.').waitFor();
        await page.getByRole('button', { name: 'Add “Brass: Birmingham” as a new game…' }).click();
        expect(await page.getByLabel('Name', { exact: true }).last().inputValue()).toBe('Brass: Birmingham');
        await page.getByLabel('Fewest players').fill('2');
        await page.getByLabel('Most players').fill('4');
        await page.getByLabel('Play time (minutes)').fill('120');
        await accessible(page, hostPaths, 'new meetup, adding a game');
        await page.getByRole('button', { name: 'Add to the list and choose it' }).click();
        const chosen = page.getByRole('list', { name: 'Chosen games' });
        await expect.poll(() => chosen.innerText()).toContain('Brass: Birmingham');
        expect(await chosen.innerText()).toContain('Azul');
        await accessible(page, hostPaths, 'new meetup');
        await screenshot(page, 'private-home-meetup-form-desktop');

        await page.getByRole('button', { name: 'Create meetup' }).click();
        await page.waitForURL(/\/events\/\d+$/);
        meetupId = Number(new URL(page.url()).pathname.split('/').at(-1));
        await page.getByRole('heading', { level: 1, name: /Brass and Azul/ }).waitFor();
        // The organizer sees the address.
        await page.getByText(ADDRESS, { exact: false }).waitFor();
        await accessible(page, hostPaths, 'meetup page, organizer');
        hostPaths.add(`/events/${meetupId}/edit`);
      } finally {
        await context.close();
      }
      const meetup = await api<{
        locationPrivacy: string;
        minPlayers: number;
        linkedGames: Array<{ name: string }>;
      }>('GET', `/api/events/${meetupId}`, undefined, host.token);
      expect(meetup.locationPrivacy).toBe('approximate');
      expect(meetup.minPlayers).toBe(4);
      expect(meetup.linkedGames.map((game) => game.name)).toEqual(['Azul', 'Brass: Birmingham']);
    },
    STEP_MS,
  );

  it(
    'shows an outsider the area, “needs 3 more” and the games, and the address once they go',
    async () => {
      // Someone is going already.
      const friend = await signUp('Mika');
      await api('PUT', `/api/events/${meetupId}/rsvp`, { status: 'going' }, friend.token);

      const { context, page } = await pageAs(outsider);
      try {
        await page.goto(`${baseUrl}/events/${meetupId}`);
        await page.getByRole('heading', { level: 1, name: /Brass and Azul/ }).waitFor();
        await page.getByText('The address is shown to people going.').waitFor();
        await page.getByText('Needs 3 more').waitFor();
        const games = page.getByRole('list', { name: 'Games to be played' });
        expect(await games.innerText()).toMatch(/Azul\s+2–4 players · 45 min/);
        expect(await games.innerText()).toMatch(/Brass: Birmingham\s+2–4 players · 120 min/);
        // The map shows the area as a circle.
        expect(await page.locator('.leaflet-overlay-pane path').count()).toBeGreaterThan(0);
        expect(await page.locator('body').innerText()).not.toContain(STREET);
        expect(await page.content()).not.toContain(STREET);
        await accessible(page, outsiderPaths, 'meetup page, outsider');
        await screenshot(page, 'private-home-meetup-outsider-desktop');

        await page.getByRole('button', { name: 'I’m going' }).click();
        await page.getByText(ADDRESS, { exact: false }).waitFor();
        expect(await page.getByText('The address is shown to people going.').count()).toBe(0);
        await page.getByText('Needs 2 more').waitFor();

        // The games list is reachable from the header, and searchable.
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Games' }).click();
        await page.getByRole('heading', { level: 1, name: 'Games' }).waitFor();
        await page.getByLabel('Search the games').fill('bir');
        const found = page.getByRole('list', { name: 'Games found' });
        await expect.poll(() => found.innerText()).toContain('Brass: Birmingham');
        await accessible(page, outsiderPaths, 'games page');
      } finally {
        await context.close();
      }
      outsiderPaths.add(`/places/${placeId}`);
    },
    STEP_MS,
  );

  it(
    'has no serious accessibility problems on these pages on a 375 px phone',
    async () => {
      expect(hostPaths.size).toBeGreaterThanOrEqual(4);
      expect(outsiderPaths.size).toBeGreaterThanOrEqual(3);
      for (const [who, paths] of [
        [host, hostPaths],
        [outsider, outsiderPaths],
      ] as const) {
        const { context, page } = await pageAs(who, PHONE);
        try {
          for (const path of paths) {
            await page.goto(`${baseUrl}${path}`);
            await page.getByRole('heading', { level: 1 }).waitFor();
            await page.waitForLoadState('networkidle');
            expect(await seriousViolations(page), path).toEqual([]);
            const width = await page.evaluate(() => document.documentElement.scrollWidth);
            expect(width, path).toBeLessThanOrEqual(PHONE.width);
          }
        } finally {
          await context.close();
        }
      }
      expect(problems).toEqual([]);
    },
    STEP_MS * 2,
  );
});
