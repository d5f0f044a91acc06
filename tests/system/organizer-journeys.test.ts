/**
 * An organiser's work done in the browser alone: starting a group, adding a place, planning a
 * weekly meetup there with four seats, changing its time without losing anyone's answer, seeing
 * who is going and who waits, editing and deleting a post, and finding it all again on "Your
 * meetups and groups". Only the other people's answers are prepared through the API. Every new
 * page is checked with axe on a desktop and on a 375 px phone.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
const BERLIN = { timezoneId: 'Europe/Berlin', locale: 'en-GB' } as const;
const STEP_MS = 120_000;

describe.skipIf(skip)('an organiser’s journeys in a browser', () => {
  let server: Server;
  let baseUrl: string;
  let tileHost: string;
  let browser: Browser;
  const problems: string[] = [];
  let organiser: SignedIn;
  let context: BrowserContext;
  let page: Page;
  /** Pages whose accessibility is checked at both sizes at the end. */
  const visited = new Set<string>();

  const api = apiOf(() => baseUrl);

  const signUp = (displayName: string) => signUpWith(api, displayName);

  async function signedInPage(who: SignedIn, size: { width: number; height: number }) {
    const opened = await openPage(browser, {
      ...size,
      tileHost,
      problems,
      reducedMotion: 'reduce',
      context: BERLIN,
      expectHttpErrors: true,
    });
    await opened.context.addInitScript((token) => {
      if (!window.localStorage.getItem('vicinity.token')) window.localStorage.setItem('vicinity.token', token);
    }, who.token);
    return opened;
  }

  async function heading(name: string | RegExp, on = page): Promise<void> {
    await on.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function checked(name: string): Promise<void> {
    visited.add(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await seriousViolations(page), name).toEqual([]);
  }

  async function chooseOnMap(label: string): Promise<void> {
    await page.getByRole('region', { name: label }).click({ position: { x: 200, y: 120 } });
    await page
      .getByRole('status')
      .filter({ hasText: /^Chosen: / })
      .first()
      .waitFor();
  }

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({ env: { MAP_CENTER_LAT: '52.4986', MAP_CENTER_LNG: '13.4213', MAP_ZOOM: '14' } });
    baseUrl = server.baseUrl;
    tileHost = await tileHostOf(baseUrl);
    browser = await launchBrowser();
    organiser = await signUp('Lena Vogt');
    ({ context, page } = await signedInPage(organiser, DESKTOP));
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  let groupId: number;
  let placeId: number;
  let meetupId: number;

  it(
    'starts a group from the map, then renames it',
    async () => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('link', { name: 'Start a group' }).click();
      await heading('Start a group');
      await page.getByRole('button', { name: 'Start the group' }).click();
      await page.getByText('Give the group a name.').waitFor();
      await page.getByLabel('Name').fill('Kreuzberg Dice Club');
      await page.getByLabel('What the group is about (optional)').fill('Board games every week.');
      await chooseOnMap('Map for choosing where the group meets');
      await checked('new group');
      await page.getByRole('button', { name: 'Start the group' }).click();
      await page.waitForURL(/\/groups\/\d+$/);
      groupId = Number(new URL(page.url()).pathname.split('/').at(-1));
      await heading('Kreuzberg Dice Club');

      await page.getByRole('link', { name: 'Change or delete this group' }).click();
      await heading('Change Kreuzberg Dice Club');
      await page.getByLabel('Name').fill('Kreuzberg Dice & Cards');
      await checked('edit group');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(`${baseUrl}/groups/${groupId}`);
      await heading('Kreuzberg Dice & Cards');
    },
    STEP_MS,
  );

  it(
    'adds a café from the map and changes it as the person who added it',
    async () => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('link', { name: 'Add a place here' }).click();
      await heading('Add a place');
      await page.getByLabel('Name').fill('Café Würfelglück');
      await page.getByLabel('Kind of place').selectOption('cafe');
      await page.getByLabel('Address (optional)').fill('Oranienstraße 1');
      await chooseOnMap('Map for choosing where the place is');
      await checked('new place');
      await page.getByRole('button', { name: 'Add the place' }).click();
      await page.waitForURL(/\/places\/\d+$/);
      placeId = Number(new URL(page.url()).pathname.split('/').at(-1));
      await heading('Café Würfelglück');

      await page.getByRole('link', { name: 'Change this place' }).click();
      await heading('Change Café Würfelglück');
      await page.getByLabel('Name').fill('Café Würfelglück am Kanal');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(`${baseUrl}/places/${placeId}`);
      await heading('Café Würfelglück am Kanal');
    },
    STEP_MS,
  );

  it(
    'plans a weekly meetup of the group at the café with four seats',
    async () => {
      await page.goto(`${baseUrl}/events/new?group=${groupId}&place=${placeId}`);
      await heading('Plan a meetup');
      await page.getByText('For the group').waitFor();
      expect(await page.getByLabel('At a place').isChecked()).toBe(true);
      await page.getByLabel('Title').fill('Thursday Dice Night');
      const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Starts').fill(`${day}T19:00`);
      await page.getByLabel('Starts').dispatchEvent('change');
      await page.getByLabel('Seats (optional)').fill('4');
      await page.getByLabel('Repeat').selectOption('weekly');
      await page.getByLabel('How many meetups in all').fill('4');
      await checked('new meetup with repeat');
      await page.getByRole('button', { name: 'Create meetup' }).click();
      await page.waitForURL(/\/events\/\d+$/);
      meetupId = Number(new URL(page.url()).pathname.split('/').at(-1));
      await heading('Thursday Dice Night');
      await page.getByText('Repeats weekly: meetup 1 of 4.').waitFor();
      expect(await page.getByRole('link', { name: 'Café Würfelglück am Kanal' }).count()).toBe(1);
    },
    STEP_MS,
  );

  it(
    'changes its time and keeps every answer, and sees who is going and who waits',
    async () => {
      // Five people answer; the fifth is waitlisted.
      const answering: SignedIn[] = [];
      for (const name of ['Ada', 'Ben', 'Cem', 'Dora', 'Emil']) answering.push(await signUp(`${name} Test`));
      for (const person of answering) {
        await api('PUT', `/api/events/${meetupId}/rsvp`, { status: 'going' }, person.token);
      }

      await page.goto(`${baseUrl}/events/${meetupId}`);
      await heading('Thursday Dice Night');
      await page.getByRole('link', { name: 'Change this meetup' }).click();
      await heading('Change Thursday Dice Night');
      expect(await page.getByLabel('Title').inputValue()).toBe('Thursday Dice Night');
      const starts = await page.getByLabel('Starts').inputValue();
      expect(starts).toMatch(/T19:00$/);
      await page.getByLabel('Starts').fill(starts.replace('T19:00', 'T20:00'));
      await page.getByLabel('Ends').fill(starts.replace('T19:00', 'T22:30'));
      await checked('edit meetup');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(`${baseUrl}/events/${meetupId}`);
      await heading('Thursday Dice Night');
      // The time shows under “When” and again in the series’ list of dates.
      await page
        .getByText(/20:00–22:30/)
        .first()
        .waitFor();
      await page.getByText('Full: all 4 seats are taken. 1 person on the waitlist.').waitFor();

      const going = page.getByRole('list', { name: 'Going, in the order they answered' });
      await expect
        .poll(() => going.getByRole('listitem').allTextContents())
        .toEqual(['Ada Test', 'Ben Test', 'Cem Test', 'Dora Test']);
      const waitlist = page.getByRole('list', { name: 'Waitlist, next to get a seat first' });
      expect(await waitlist.getByRole('listitem').allTextContents()).toEqual(['Emil Test']);
      await checked('meetup with attendees');
      await screenshot(page, 'organiser-attendees-desktop');

      // An attendee sees who is going, but not the waitlist.
      const attendee = await signedInPage(answering[0]!, PHONE);
      await attendee.page.goto(`${baseUrl}/events/${meetupId}`);
      await heading('Thursday Dice Night', attendee.page);
      await attendee.page.getByRole('list', { name: 'Going, in the order they answered' }).waitFor();
      expect(await attendee.page.getByRole('list', { name: 'Waitlist, next to get a seat first' }).count()).toBe(0);
      await attendee.context.close();
    },
    STEP_MS,
  );

  it(
    'edits and deletes a post it wrote',
    async () => {
      const post = await api<{ id: number }>(
        'POST',
        '/api/posts',
        { title: 'Spare dice wanted', body: 'Who has **spare** dice?', placeId },
        organiser.token,
      );
      await page.goto(`${baseUrl}/posts/${post.id}`);
      await heading('Spare dice wanted');
      await page.getByRole('button', { name: 'Edit post' }).click();
      await page.getByLabel('Title').fill('Spare dice and cards wanted');
      await checked('edit post');
      await page.getByRole('button', { name: 'Save post' }).click();
      await heading('Spare dice and cards wanted');
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Edit post');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByRole('button', { name: 'Delete post' }).click();
      await heading('Deleted post');
      await page.getByText('This post was deleted. Its discussion stays readable.').waitFor();
    },
    STEP_MS,
  );

  it(
    'finds its meetups and groups on one page, and its public profile',
    async () => {
      await page.goto(`${baseUrl}/`);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Mine' }).click();
      await heading('Your meetups and groups');
      const organising = page.getByRole('region', { name: 'You organise' });
      // The weekly series is one row, its next meetup.
      await expect.poll(() => organising.getByRole('link', { name: 'Thursday Dice Night' }).count()).toBe(1);
      await organising.getByText('weekly · next').waitFor();
      const groups = page.getByRole('region', { name: 'Your groups' });
      expect(await groups.getByRole('link', { name: 'Kreuzberg Dice & Cards' }).count()).toBe(1);
      await checked('mine');
      await page.getByRole('link', { name: 'Your public profile' }).click();
      await heading('Lena Vogt');
      expect(await page.getByRole('link', { name: 'Kreuzberg Dice & Cards' }).count()).toBe(1);
      expect(await page.locator('body').textContent()).not.toMatch(/@example\.org/);
      await checked('profile');
    },
    STEP_MS,
  );

  it(
    'finds things near the map by their words from the one search field, towns below',
    async () => {
      await page.goto(`${baseUrl}/`);
      const search = page.getByRole('combobox', { name: 'Search places, groups, meetups and towns' });
      await search.pressSequentially('Catan', { delay: 30 });
      const found = page.getByRole('option', { name: /Catan/ }).first();
      await found.waitFor();
      expect(await found.textContent()).toMatch(/(Place|Group|Meetup|Post) · /);
      await checked('search results');
      await search.fill('');

      // Accents are ignored: "wurfelgluck" finds the café added above, first.
      await search.pressSequentially('wurfelgluck', { delay: 30 });
      const cafe = page.getByRole('option', { name: /Café Würfelglück am Kanal/ });
      await cafe.waitFor();
      await search.press('ArrowDown');
      expect(await search.getAttribute('aria-activedescendant')).toBe(await cafe.getAttribute('id'));
      await search.press('Enter');
      await page.waitForURL(`${baseUrl}/places/${placeId}`);
      await heading('Café Würfelglück am Kanal');
    },
    STEP_MS,
  );

  it(
    'filters the map and the list to one kind with the legend',
    async () => {
      await page.goto(`${baseUrl}/`);
      await expect.poll(() => page.locator('.map-marker--group').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const legend = page.getByRole('group', { name: 'Show on the map' });
      for (const kind of ['Group', 'Meetup', 'Post']) await legend.getByLabel(kind).uncheck();
      expect(await legend.getByLabel('Place').isChecked()).toBe(true);
      await expect
        .poll(() => page.locator('.map-marker--group, .map-marker--event, .map-marker--post').count(), {
          timeout: 15_000,
        })
        .toBe(0);
      expect(await page.locator('.map-marker--place').count()).toBeGreaterThan(0);
      await checked('map filtered to places');
      await legend.getByLabel('Group').check();
      await expect.poll(() => page.locator('.map-marker--group').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    },
    STEP_MS,
  );

  it(
    'has no serious accessibility problems on the new pages on a phone',
    async () => {
      const phone = await signedInPage(organiser, PHONE);
      const paths = [...visited, `/groups/${groupId}/edit`, `/places/${placeId}/edit`, '/me/meetups'];
      for (const path of new Set(paths)) {
        await phone.page.goto(`${baseUrl}${path}`);
        await phone.page.getByRole('heading', { level: 1 }).waitFor();
        await phone.page.waitForLoadState('networkidle');
        expect(await seriousViolations(phone.page), path).toEqual([]);
        const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(PHONE.width);
      }
      await screenshot(phone.page, 'organiser-mine-phone');
      await phone.context.close();
      await context.close();
      expect(problems).toEqual([]);
    },
    STEP_MS * 2,
  );
});
