/**
 * A meetup series in the browser: planned every two weeks from the form, shown as one row on the
 * group's page and in "Your meetups", its dates listed on a meetup's page, and changed "this one
 * and all later ones": the later meetups move, the earlier one stays, everyone's answers are
 * kept. The group, the place and the other people's answers are prepared through the API. Each
 * page is checked with axe on a desktop and on a 375 px phone.
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
const BERLIN = { timezoneId: 'Europe/Berlin', locale: 'en-GB' } as const;
const STEP_MS = 120_000;

interface Occurrence {
  id: number;
  title: string;
  startsAt: string;
  series: { id: number; index: number; count: number; rule: string } | null;
  myRsvp: { status: string } | null;
}

describe.skipIf(skip)('a meetup series in a browser', () => {
  let server: Server;
  let baseUrl: string;
  let tileHost: string;
  let browser: Browser;
  const problems: string[] = [];
  let organiser: SignedIn;
  let page: Page;
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

  async function occurrences(seriesId: number, who?: SignedIn): Promise<Occurrence[]> {
    const answer = await api<{ features: { properties: Occurrence }[] }>(
      'GET',
      `/api/events?seriesId=${seriesId}&order=soonest`,
      undefined,
      who?.token,
    );
    return answer.features.map((feature) => feature.properties);
  }

  /** The local wall-clock time of an ISO instant with offset, e.g. "19:00". */
  const clock = (iso: string) => iso.slice(11, 16);

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer({ env: { MAP_CENTER_LAT: '52.4986', MAP_CENTER_LNG: '13.4213', MAP_ZOOM: '14' } });
    baseUrl = server.baseUrl;
    tileHost = await tileHostOf(baseUrl);
    browser = await launchBrowser();
    organiser = await signUp('Mara Lind');
    ({ page } = await signedInPage(organiser, DESKTOP));
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  let groupId: number;
  let placeId: number;
  let firstId: number;
  let seriesId: number;
  const guests: SignedIn[] = [];

  it(
    'plans a meetup every two weeks from the form',
    async () => {
      const at = { lat: 52.5012, lng: 13.4189 };
      groupId = (
        await api<{ id: number }>(
          'POST',
          '/api/groups',
          { name: 'Fortnight Players', description: 'Games every other week.', visibility: 'public', location: at },
          organiser.token,
        )
      ).id;
      placeId = (
        await api<{ id: number }>(
          'POST',
          '/api/places',
          { name: 'Spielcafé Zwei', kind: 'cafe', location: at },
          organiser.token,
        )
      ).id;

      await page.goto(`${baseUrl}/events/new?group=${groupId}&place=${placeId}`);
      await heading('Plan a meetup');
      await page.getByLabel('Title').fill('Thursday Board Game Night');
      const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
      await page.getByLabel('Starts').fill(`${day}T19:00`);
      await page.getByLabel('Starts').dispatchEvent('change');
      await page.getByLabel('Repeat').selectOption('weekly');
      await page.getByLabel('Every how many weeks').fill('2');
      await page.getByLabel('How many meetups in all').fill('4');
      await checked('new meetup every two weeks');
      await page.getByRole('button', { name: 'Create meetup' }).click();
      await page.waitForURL(/\/events\/\d+$/);
      firstId = Number(new URL(page.url()).pathname.split('/').at(-1));
      await heading('Thursday Board Game Night');
      await page.getByText('Repeats every 2 weeks: meetup 1 of 4.').waitFor();
      // The page lists the series' other dates, two weeks apart.
      const dates = page.getByRole('region', { name: 'All dates (every 2 weeks)' });
      await expect.poll(() => dates.getByRole('listitem').count()).toBe(4);
      await checked('meetup of a series');

      seriesId = await seriesOf(firstId);
      const all = await occurrences(seriesId);
      const gaps = all
        .slice(1)
        .map((event, i) => (Date.parse(event.startsAt) - Date.parse(all[i]!.startsAt)) / 86_400_000);
      expect(gaps.map(Math.round)).toEqual([14, 14, 14]);
      expect(all.map((event) => clock(event.startsAt))).toEqual(['19:00', '19:00', '19:00', '19:00']);
    },
    STEP_MS,
  );

  async function seriesOf(eventId: number): Promise<number> {
    return (await api<Occurrence>('GET', `/api/events/${eventId}`)).series!.id;
  }

  it(
    'shows the series as one row on the group’s page and in “Your meetups”',
    async () => {
      await page.goto(`${baseUrl}/groups/${groupId}`);
      await heading('Fortnight Players');
      const upcoming = page.getByRole('region', { name: 'Upcoming meetups' });
      await expect.poll(() => upcoming.getByRole('link', { name: 'Thursday Board Game Night' }).count()).toBe(1);
      await upcoming.getByText('every 2 weeks · next').waitFor();
      expect(await upcoming.getByRole('link', { name: 'Thursday Board Game Night' }).getAttribute('href')).toBe(
        `/events/${firstId}`,
      );
      await checked('group with a series');

      await page.goto(`${baseUrl}/me/meetups`);
      await heading('Your meetups and groups');
      const organising = page.getByRole('region', { name: 'You organise' });
      await expect.poll(() => organising.getByRole('link', { name: 'Thursday Board Game Night' }).count()).toBe(1);
      await checked('mine with a series');
    },
    STEP_MS,
  );

  it(
    'moves this and the later meetups an hour later, keeping the earlier one and everyone’s answers',
    async () => {
      const before = await occurrences(seriesId);
      for (const name of ['Ada', 'Ben']) guests.push(await signUp(`${name} Series`));
      // Ada goes to the first meetup, Ben to the third.
      await api('PUT', `/api/events/${before[0]!.id}/rsvp`, { status: 'going' }, guests[0]!.token);
      await api('PUT', `/api/events/${before[2]!.id}/rsvp`, { status: 'going' }, guests[1]!.token);

      const second = before[1]!;
      await page.goto(`${baseUrl}/events/${second.id}`);
      await heading('Thursday Board Game Night');
      await page.getByRole('link', { name: 'Change this meetup' }).click();
      await heading('Change Thursday Board Game Night');
      const scope = page.getByRole('group', { name: /Which meetups of the series/ });
      expect(await scope.getByLabel('Only this one').isChecked()).toBe(true);
      await scope.getByLabel(/This one and all later ones/).check();
      const starts = await page.getByLabel('Starts').inputValue();
      expect(starts).toMatch(/T19:00$/);
      await page.getByLabel('Starts').fill(starts.replace('T19:00', 'T20:00'));
      await page.getByLabel('Ends').fill(starts.replace('T19:00', 'T22:00'));
      await checked('edit a meetup of a series');
      await screenshot(page, 'series-edit-following-desktop');
      await page.getByRole('button', { name: 'Save changes' }).click();
      await page.waitForURL(`${baseUrl}/events/${second.id}`);
      await page.getByText('Repeats every 2 weeks: meetup 1 of 3.').waitFor();

      const kept = await occurrences(seriesId);
      expect(kept.map((event) => [event.id, clock(event.startsAt)])).toEqual([[before[0]!.id, '19:00']]);
      const moved = await occurrences(await seriesOf(second.id));
      expect(moved.map((event) => [event.id, clock(event.startsAt), event.startsAt.slice(0, 10)])).toEqual(
        before.slice(1).map((event) => [event.id, '20:00', event.startsAt.slice(0, 10)]),
      );
      expect(
        (await api<Occurrence>('GET', `/api/events/${before[0]!.id}`, undefined, guests[0]!.token)).myRsvp,
      ).toEqual(expect.objectContaining({ status: 'going' }));
      expect(
        (await api<Occurrence>('GET', `/api/events/${before[2]!.id}`, undefined, guests[1]!.token)).myRsvp,
      ).toEqual(expect.objectContaining({ status: 'going' }));
      // Ben, going to a moved meetup, is told; Ada, going to the kept one, is not.
      const inbox = (who: SignedIn) =>
        api<{ items: { kind: string; subject: { id: number } }[] }>('GET', '/api/notifications', undefined, who.token);
      expect((await inbox(guests[1]!)).items.map((item) => [item.kind, item.subject.id])).toEqual([
        ['event_changed', before[2]!.id],
      ]);
      expect((await inbox(guests[0]!)).items).toEqual([]);
      await checked('moved meetup');
    },
    STEP_MS,
  );

  it(
    'has no serious accessibility problems on these pages on a phone, and nothing wider than it',
    async () => {
      const phone = await signedInPage(organiser, PHONE);
      for (const path of new Set([...visited, `/events/${firstId}/edit`])) {
        await phone.page.goto(`${baseUrl}${path}`);
        await phone.page.getByRole('heading', { level: 1 }).waitFor();
        await phone.page.waitForLoadState('networkidle');
        expect(await seriousViolations(phone.page), path).toEqual([]);
        const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
        expect(width, path).toBeLessThanOrEqual(PHONE.width);
      }
      await phone.page.goto(`${baseUrl}/events/${firstId}/edit`);
      await phone.page.getByRole('group', { name: /Which meetups of the series/ }).waitFor();
      await screenshot(phone.page, 'series-edit-phone');
      await phone.context.close();
      expect(problems).toEqual([]);
    },
    STEP_MS * 2,
  );
});
