/**
 * Whole journeys in a real Chromium against the real server on a fresh database with the demo
 * neighbourhood: a newcomer from registering to reading the feed, a second person waitlisted for
 * the full meetup and replying on a phone, an organiser planning a meetup by clicking the map,
 * and a post full of script payloads that must stay text. One server for all of them; map tiles
 * are refused, so everything runs as it would offline. Screenshots go to tests/artifacts/.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import {
  DESKTOP,
  launchBrowser,
  meters,
  openPage,
  PHONE,
  screenshot,
  seriousViolations,
  tileHostOf,
} from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';
import { apiOf, type SignedIn } from './helpers/api.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

const DEMO_PASSWORD = 'vicinity-demo';
const ORGANIZER_EMAIL = 'mia@demo.vicinity.example';
// Everyone here reads times on Berlin's clock, in British English, so the text is predictable.
const BERLIN = { timezoneId: 'Europe/Berlin', locale: 'en-GB' } as const;
const STEP_MS = 90_000;

describe.skipIf(skip)('journeys through the app in a browser', () => {
  let server: Server;
  let baseUrl: string;
  let tileHost: string;
  let browser: Browser;
  const problems: string[] = [];

  const api = apiOf(() => baseUrl);

  function signUp(displayName: string): Promise<SignedIn> {
    const email = `${displayName.toLowerCase().replace(/\W+/g, '.')}.${Date.now()}@example.org`;
    return api('POST', '/api/auth/register', { email, password: 'a long enough password', displayName });
  }

  /** A browser page already signed in as someone, the way the app keeps it: a token in storage. */
  async function pageSignedInAs(
    who: SignedIn | null,
    size: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await openPage(browser, {
      ...size,
      tileHost,
      problems,
      reducedMotion: 'reduce',
      context: BERLIN,
      // Refused requests (a taken email, a date in the past) are part of these journeys.
      expectHttpErrors: true,
    });
    if (who) {
      await opened.context.addInitScript((token) => {
        if (!window.localStorage.getItem('vicinity.token')) window.localStorage.setItem('vicinity.token', token);
      }, who.token);
    }
    return opened;
  }

  async function heading(page: Page, name: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  async function noSideScroll(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth);
  }

  beforeAll(async () => {
    buildWebIfStale();
    // The map opens in Hamburg, so the newcomer has to search for Berlin to find the demo area.
    server = await startServer({ env: { MAP_CENTER_LAT: '53.5507', MAP_CENTER_LNG: '9.9930', MAP_ZOOM: '13' } });
    baseUrl = server.baseUrl;
    tileHost = await tileHostOf(baseUrl);
    browser = await launchBrowser();
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  describe('a newcomer, and a second person on a phone', () => {
    const MEETUP = 'Alexanderplatz Game Night';
    const POST = 'Where to find a quiet table near Alexanderplatz';
    let meetupId: number;
    let newcomer: { context: BrowserContext; page: Page };
    let second: { context: BrowserContext; page: Page };
    let secondPerson: SignedIn;
    let postUrl: string;

    beforeAll(async () => {
      // A meetup with one seat right where the town search lands, starting in three hours.
      const organizer = await api<SignedIn>('POST', '/api/auth/login', {
        email: ORGANIZER_EMAIL,
        password: DEMO_PASSWORD,
      });
      const [berlin] = (await api<{ results: Array<{ lat: number; lng: number }> }>('GET', '/api/geocode?q=Berlin'))
        .results;
      const startsAt = new Date(Date.now() + 3 * 3600_000);
      startsAt.setUTCSeconds(0, 0);
      const meetup = await api<{ id: number }>(
        'POST',
        '/api/events',
        {
          title: MEETUP,
          description: 'Two tables, short games, everyone welcome.',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
          timeZone: 'Europe/Berlin',
          location: { lat: berlin!.lat, lng: berlin!.lng },
          capacity: 1,
          games: ['Codenames'],
        },
        organizer.token,
      );
      meetupId = meetup.id;
      secondPerson = await signUp('Noor Haddad');
      newcomer = await pageSignedInAs(null, DESKTOP);
      second = await pageSignedInAs(secondPerson, PHONE);
    }, STEP_MS);

    afterAll(async () => {
      await newcomer?.context.close();
      await second?.context.close();
    });

    it(
      'registers, with the server’s objection shown next to the field it concerns',
      async () => {
        const { page } = newcomer;
        await page.goto(`${baseUrl}/`);
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).click();
        await heading(page, 'Sign in');
        await page.getByRole('link', { name: 'Create an account' }).click();
        await heading(page, 'Create an account');

        await page.getByLabel('Your name').fill('Robin Weiss');
        await page.getByLabel('Email').fill(ORGANIZER_EMAIL);
        await page.getByLabel('Password').fill('short');
        await page.getByRole('button', { name: 'Create account' }).click();
        const password = page.getByLabel('Password');
        expect(await password.getAttribute('aria-invalid')).toBe('true');
        expect(await page.getByText('Use at least 10 characters.').count()).toBe(1);

        await password.fill('a long enough password');
        await page.getByRole('button', { name: 'Create account' }).click();
        const email = page.getByLabel('Email');
        await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
        const emailError = (await email.getAttribute('aria-describedby'))!.split(' ').at(-1)!;
        expect(await page.locator(`#${emailError}`).textContent()).toBe('An account with this email already exists.');
        await screenshot(page, 'register-error-desktop');

        await email.fill(`robin.${Date.now()}@example.org`);
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.waitForURL((url) => url.pathname === '/');
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: /Robin Weiss/ })
          .waitFor();
      },
      STEP_MS,
    );

    it(
      'searches for Berlin and sees the meetups there on the map and in the list',
      async () => {
        const { page } = newcomer;
        const search = page.getByRole('combobox', { name: 'Search places, groups, meetups and towns' });
        await search.pressSequentially('Berlin', { delay: 30 });
        await page
          .getByRole('option', { name: /Berlin/ })
          .first()
          .waitFor();
        await search.press('Enter');
        await expect
          .poll(() => Number(new URL(page.url()).searchParams.get('lat')).toFixed(2), { timeout: 15_000 })
          .toBe('52.52');

        await expect.poll(() => page.locator('.map-marker--event').count(), { timeout: 15_000 }).toBeGreaterThan(0);
        const list = page.getByRole('region', { name: 'Nearest first' });
        const first = list.getByRole('link').first();
        await expect.poll(() => first.textContent(), { timeout: 15_000 }).toContain(MEETUP);
        expect(await first.textContent()).toContain('Meetup ·');
        expect(meters((await first.locator('.distance').textContent())!)).toBeLessThan(50);
        await screenshot(page, 'home-berlin-desktop', false);
      },
      STEP_MS,
    );

    it(
      'opens the meetup: its time on Berlin’s clock with the zone, seats, a map and a calendar file',
      async () => {
        const { page } = newcomer;
        await page
          .getByRole('region', { name: 'Nearest first' })
          .getByRole('link', { name: new RegExp(MEETUP) })
          .click();
        await page.waitForURL(`${baseUrl}/events/${meetupId}`);
        await heading(page, MEETUP);
        expect(await page.getByText('Time zone: Europe/Berlin').count()).toBe(1);
        expect(await page.getByText('1 seat left of 1. 0 going.').count()).toBe(1);
        await page.getByRole('region', { name: `Map of where ${MEETUP} is` }).waitFor();
        expect(await page.locator('.map-pin.map-marker--event').count()).toBe(1);

        const calendar = page.getByRole('link', { name: 'Add to calendar (.ics)' });
        const href = (await calendar.getAttribute('href'))!;
        expect(href).toBe(`/api/events/${meetupId}/calendar.ics`);
        const ics = await (await fetch(`${baseUrl}${href}`)).text();
        expect(ics).toContain('BEGIN:VEVENT');
        expect(ics).toContain(MEETUP);
      },
      STEP_MS,
    );

    it(
      'takes the only seat',
      async () => {
        const { page } = newcomer;
        await page.getByRole('button', { name: 'I’m going' }).click();
        await page.getByText('You are going.', { exact: true }).first().waitFor();
        expect(await page.getByText('Full: the only seat is taken.').count()).toBe(1);
        expect(await page.getByRole('button', { name: 'I can’t go after all' }).count()).toBe(1);
        await screenshot(page, 'meetup-going-desktop');
        expect(await seriousViolations(page)).toEqual([]);
      },
      STEP_MS,
    );

    it(
      'puts the second person, on a phone, on the waitlist with their position',
      async () => {
        const { page } = second;
        await page.goto(`${baseUrl}/events/${meetupId}`);
        await heading(page, MEETUP);
        await page.getByRole('button', { name: 'Join the waitlist' }).click();
        await page
          .getByText(/You are on the waitlist, next in line \(position 1\)/)
          .first()
          .waitFor();
        expect(await page.getByText('Full: the only seat is taken. 1 person on the waitlist.').count()).toBe(1);
        expect(await noSideScroll(page)).toBeLessThanOrEqual(PHONE.width);
        await screenshot(page, 'meetup-waitlisted-phone');
        expect(await seriousViolations(page)).toEqual([]);
      },
      STEP_MS,
    );

    it(
      'writes a post with a Markdown preview and a point chosen on the map',
      async () => {
        const { page } = newcomer;
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New post' }).click();
        await heading(page, 'Write a post');
        await page.getByLabel('Title').fill(POST);
        await page
          .getByLabel('Your post')
          .fill('The **library café** has a back room.\n\n- quiet after six\n- bring your own games');
        await page.getByRole('button', { name: 'Preview' }).click();
        const preview = page.locator('.preview');
        await preview.locator('strong', { hasText: 'library café' }).waitFor();
        expect(await preview.locator('li').count()).toBe(2);

        await page.getByRole('button', { name: 'Publish post' }).click();
        await page.getByText('Click the map where this post belongs.').waitFor();

        const map = page.getByRole('region', { name: 'Map for choosing where the post belongs' });
        await map.click({ position: { x: 300, y: 120 } });
        await page
          .getByRole('status')
          .filter({ hasText: /^Chosen: / })
          .waitFor();
        await screenshot(page, 'new-post-desktop');
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Publish post' }).click();
        await page.waitForURL(/\/posts\/\d+$/);
        postUrl = page.url();
        await heading(page, POST);
        expect(await page.locator('.prose strong', { hasText: 'library café' }).count()).toBe(1);

        await page.getByLabel('Add a comment').fill('Ask for the table by the window.');
        await page.getByRole('button', { name: 'Post comment' }).click();
        await page.getByText('Ask for the table by the window.').waitFor();
      },
      STEP_MS,
    );

    it(
      'carries a threaded conversation: a reply inline, collapsed and shown again',
      async () => {
        const other = second.page;
        await other.goto(postUrl);
        await heading(other, POST);
        await other.getByRole('button', { name: 'Reply to Robin Weiss' }).click();
        await other.getByLabel('Your reply to Robin Weiss').fill('Is it open on Sundays?');
        await other.getByRole('button', { name: 'Post reply' }).click();
        await other.getByText('Is it open on Sundays?').waitFor();

        const { page } = newcomer;
        await page.reload();
        await heading(page, POST);
        await page.getByRole('button', { name: 'Reply to Noor Haddad' }).click();
        await page.getByLabel('Your reply to Noor Haddad').fill('Yes, from noon.');
        await page.getByRole('button', { name: 'Post reply' }).click();
        await page.getByText('Yes, from noon.').waitFor();

        // The tree: the comment, the question under it, the answer under that.
        const answer = page
          .locator('.thread > li > .replies > li > .replies > li')
          .filter({ hasText: 'Yes, from noon.' });
        expect(await answer.count()).toBe(1);
        const toggle = page.getByRole('button', { name: 'Hide 2 replies' });
        await toggle.click();
        expect(await page.getByText('Is it open on Sundays?').isVisible()).toBe(false);
        const show = page.getByRole('button', { name: 'Show 2 replies' });
        expect(await show.getAttribute('aria-expanded')).toBe('false');
        await show.click();
        expect(await page.getByText('Yes, from noon.').isVisible()).toBe(true);
        await screenshot(page, 'post-desktop');
        expect(await seriousViolations(page)).toEqual([]);
        await screenshot(second.page, 'post-phone');
      },
      STEP_MS,
    );

    it(
      'finds the meetup and the post in the feed, each saying why it is there',
      async () => {
        const { page } = newcomer;
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Feed' }).click();
        await heading(page, 'Feed');
        const entries = page.getByRole('article');
        await expect.poll(() => entries.count(), { timeout: 15_000 }).toBeGreaterThan(2);

        for (const title of [MEETUP, POST]) {
          const entry = entries.filter({ has: page.getByRole('link', { name: title, exact: true }) });
          expect(await entry.count(), title).toBe(1);
          const why = (await entry.locator('.why').textContent())!;
          expect(why).toMatch(/^\s*Why it is here:/);
          expect(why).toMatch(/ away · /);
          expect(why).not.toMatch(/score/);
          // The score is one click away.
          expect(await entry.locator('details').textContent()).toMatch(/Score \d\.\d{3}/);
        }
        const meetupWhy = await entries.filter({ hasText: MEETUP }).locator('.why').textContent();
        expect(meetupWhy).toMatch(/starts in/);

        await page.getByText('How is this ordered?').click();
        expect(await page.locator('.formula').textContent()).toContain('score = exp(−distance / 2000 m)');
        await screenshot(page, 'feed-desktop');
        expect(await seriousViolations(page)).toEqual([]);

        // Newest first: the post just written leads.
        await page.getByText('Latest', { exact: true }).click();
        await expect.poll(() => new URL(page.url()).searchParams.get('mode')).toBe('latest');
        await expect.poll(() => entries.first().getByRole('heading').textContent(), { timeout: 15_000 }).toBe(POST);

        // Explicit pages, with the ranking clock kept across them.
        await page.getByLabel('Within', { exact: true }).selectOption({ label: '10 km' });
        await expect.poll(() => new URL(page.url()).searchParams.get('radius')).toBe('10000');
        const next = page.getByRole('navigation', { name: 'Feed pages' }).getByRole('link', { name: /Next/ });
        await next.waitFor({ timeout: 15_000 });
        const firstOnPageOne = await entries.first().getByRole('heading').textContent();
        await next.click();
        await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBe('2');
        expect(new URL(page.url()).searchParams.get('asOf')).toBeTruthy();
        await page.getByText(/^Page 2:/).waitFor();
        const previous = page.getByRole('navigation', { name: 'Feed pages' }).getByRole('link', { name: /Previous/ });
        await previous.click();
        await page.getByText(/^Page 1:/).waitFor();
        expect(await entries.first().getByRole('heading').textContent()).toBe(firstOnPageOne);
      },
      STEP_MS,
    );

    it(
      'sets a home location on the map and gets it back only coarsened, with a sentence saying so',
      async () => {
        const { page } = newcomer;
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: /Robin Weiss/ })
          .click();
        await heading(page, 'Your profile');
        await page.getByRole('button', { name: 'Set my home location' }).click();
        await page
          .getByRole('region', { name: 'Map for choosing your home location' })
          .click({ position: { x: 250, y: 140 } });
        await page.getByRole('button', { name: 'Save home location' }).click();
        await page.getByText(/The map shows it to within about 500 m/).waitFor();
        const ring = page.getByRole('region', { name: /Map of your home location, to within about 500 m/ });
        await ring.waitFor();
        expect(await page.locator('.mini-map .map-pin').count()).toBe(0);
        expect(await page.locator('.mini-map path').count()).toBeGreaterThan(0);
        await screenshot(page, 'account-desktop');
        expect(await seriousViolations(page)).toEqual([]);
      },
      STEP_MS,
    );

    it(
      'signs out and is offered to sign in where an account is needed',
      async () => {
        const { page } = newcomer;
        await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' }).waitFor();
        expect(await page.evaluate(() => window.localStorage.getItem('vicinity.token'))).toBeNull();
        await page.goto(`${baseUrl}/events/${meetupId}`);
        await heading(page, MEETUP);
        const signIn = page.getByRole('link', { name: 'Sign in', exact: true }).last();
        expect(await signIn.getAttribute('href')).toBe(`/signin?next=%2Fevents%2F${meetupId}`);
      },
      STEP_MS,
    );
  });

  describe('an organiser', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await pageSignedInAs(null, DESKTOP));
    });

    afterAll(async () => {
      await context?.close();
    });

    it(
      'signs in and plans a meetup by clicking the map, with field errors along the way',
      async () => {
        await page.goto(`${baseUrl}/events/new`);
        await heading(page, 'Plan a meetup');
        await page.getByRole('link', { name: 'Sign in', exact: true }).last().click();
        await page.getByLabel('Email').fill(ORGANIZER_EMAIL);
        await page.getByLabel('Password').fill(DEMO_PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(`${baseUrl}/events/new`);
        await heading(page, 'Plan a meetup');

        // The browser's own zone is chosen to start with.
        expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Berlin');

        await page.getByRole('button', { name: 'Create meetup' }).click();
        await page.getByText('Give the meetup a title.').waitFor();
        expect(await page.getByLabel('Title').getAttribute('aria-invalid')).toBe('true');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe(
          await page.getByLabel('Title').getAttribute('id'),
        );
        expect(await page.getByText('Click the map where the meetup is.').count()).toBe(1);

        // A time in the past passes the form's own checks; the server's answer lands on its field.
        await page.getByLabel('Title').fill('Kite flying on the old airfield');
        // A month ago: inside the range the server reads at all, so "in the future" is what it objects to.
        const pastDay = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
        await page.getByLabel('Starts').fill(`${pastDay}T15:00`);
        await page.getByLabel('Starts').dispatchEvent('change');
        expect(await page.getByLabel('Ends').inputValue()).toBe(`${pastDay}T17:00`);
        const map = page.getByRole('region', { name: 'Map for choosing where the meetup is' });
        await map.click({ position: { x: 320, y: 140 } });
        await page
          .getByRole('status')
          .filter({ hasText: /^Chosen: / })
          .waitFor();
        await page.getByRole('button', { name: 'Create meetup' }).click();
        await page
          .getByText(/Must be (in the future|between)/)
          .first()
          .waitFor();
        expect(await page.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
        await screenshot(page, 'new-meetup-errors-desktop');

        const next = new Date(Date.now() + 7 * 86_400_000);
        const day = next.toISOString().slice(0, 10);
        await page.getByLabel('Starts').fill(`${day}T15:00`);
        await page.getByLabel('Ends').fill(`${day}T18:30`);
        await page.getByLabel('Seats (optional)').fill('12');
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Create meetup' }).click();

        await page.waitForURL(/\/events\/\d+$/);
        await heading(page, 'Kite flying on the old airfield');
        expect(await page.getByText(/15:00–18:30/).count()).toBe(1);
        expect(await page.getByText('Time zone: Europe/Berlin').count()).toBe(1);
        expect(await page.getByText('12 seats left of 12. 0 going.').count()).toBe(1);
        expect(await page.locator('.map-pin.map-marker--event').count()).toBe(1);
        await screenshot(page, 'new-meetup-created-desktop');

        // Its organiser may call it off; it stays readable, marked cancelled.
        page.once('dialog', (dialog) => void dialog.accept());
        await page.getByRole('button', { name: 'Cancel this meetup' }).click();
        await page.getByText('This meetup was cancelled. It takes no more answers.').waitFor();
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^\s*Cancelled:/);
      },
      STEP_MS,
    );

    it(
      'plans one at a place, chosen from the place’s page',
      async () => {
        const places = await api<{ features: Array<{ properties: { itemId: number; name: string } }> }>(
          'GET',
          '/api/places?lat=52.4986&lng=13.4213&radius=2000&limit=1',
        );
        const place = places.features[0]!.properties;
        await page.goto(`${baseUrl}/places/${place.itemId}`);
        await heading(page, place.name);
        await page.getByRole('link', { name: 'Plan a meetup here' }).click();
        await heading(page, 'Plan a meetup');
        expect(await page.getByLabel('At a place').isChecked()).toBe(true);
        await expect.poll(() => page.getByLabel('Place', { exact: true }).inputValue()).toBe(String(place.itemId));

        const day = new Date(Date.now() + 9 * 86_400_000).toISOString().slice(0, 10);
        await page.getByLabel('Title').fill('Quiet chess afternoon');
        await page.getByLabel('Starts').fill(`${day}T14:00`);
        await page.getByLabel('Starts').dispatchEvent('change');
        await page.getByRole('button', { name: 'Create meetup' }).click();
        await page.waitForURL(/\/events\/\d+$/);
        await heading(page, 'Quiet chess afternoon');
        await page.getByRole('link', { name: place.name }).click();
        await heading(page, place.name);
        const upcoming = page.getByRole('region', { name: 'Upcoming meetups here' });
        await upcoming.getByRole('link', { name: 'Quiet chess afternoon' }).waitFor();
        await screenshot(page, 'place-desktop');
        expect(await seriousViolations(page)).toEqual([]);
      },
      STEP_MS,
    );
  });

  describe('a group', () => {
    it(
      'lets a newcomer ask to join a private group, and its owner approve the request',
      async () => {
        const owner = await signUp('Ines Brandt');
        const group = await api<{ id: number }>(
          'POST',
          '/api/groups',
          {
            name: 'Backgammon by the canal',
            description: 'Private for now.',
            location: { lat: 52.4961, lng: 13.4189 },
            visibility: 'private',
          },
          owner.token,
        );
        const asker = await signUp('Lukas Meyer');

        const { context, page } = await pageSignedInAs(asker, PHONE);
        try {
          await page.goto(`${baseUrl}/groups/${group.id}`);
          await heading(page, 'Backgammon by the canal');
          expect(await page.getByText(/only shown to within about 500 m/).count()).toBe(1);
          await page.getByLabel('A note to them (optional)').fill('I play most evenings.');
          await page.getByRole('button', { name: 'Ask to join' }).click();
          await page.getByText('You asked to join.', { exact: false }).waitFor();
          expect(await noSideScroll(page)).toBeLessThanOrEqual(PHONE.width);
          await screenshot(page, 'group-private-phone');
          expect(await seriousViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }

        const ownerView = await pageSignedInAs(owner, DESKTOP);
        try {
          const { page: ownerPage } = ownerView;
          await ownerPage.goto(`${baseUrl}/groups/${group.id}`);
          await heading(ownerPage, 'Backgammon by the canal');
          const requests = ownerPage.getByRole('region', { name: 'Requests to join' });
          await requests.getByText('“I play most evenings.”').waitFor();
          await requests.getByRole('button', { name: 'Approve Lukas Meyer' }).click();
          await requests.getByText('No one is waiting to join.').waitFor();
          await ownerPage.getByRole('region', { name: 'Members' }).getByText('Lukas Meyer').waitFor();
          expect(await ownerPage.getByText('2 members').count()).toBe(1);
          await screenshot(ownerPage, 'group-owner-desktop');
          expect(await seriousViolations(ownerPage)).toEqual([]);
        } finally {
          await ownerView.context.close();
        }
      },
      STEP_MS,
    );
  });

  describe('a person who leaves', () => {
    it(
      'downloads their data, is refused a wrong password, then deletes the account',
      async () => {
        const leaver = await signUp('Noor Haddad');
        const post = await api<{ id: number }>(
          'POST',
          '/api/posts',
          { title: 'Chess on Sundays', body: 'Anyone near the canal?', location: { lat: 52.4961, lng: 13.4189 } },
          leaver.token,
        );

        const { context, page } = await pageSignedInAs(leaver, DESKTOP);
        try {
          await page.goto(`${baseUrl}/me`);
          await heading(page, 'Your profile');
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByRole('button', { name: 'Download your data' }).click(),
          ]);
          expect(download.suggestedFilename()).toMatch(/^vicinity-data-\d{4}-\d{2}-\d{2}\.json$/);
          const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
          expect(file.profile.displayName).toBe('Noor Haddad');
          expect(file.posts).toEqual([expect.objectContaining({ id: post.id, title: 'Chess on Sundays' })]);

          await page.getByRole('button', { name: 'Delete my account…' }).click();
          await page.getByLabel('Your password').fill('not the password');
          await page.getByRole('button', { name: 'Delete my account for good' }).click();
          await page.getByText('That is not your password; nothing was deleted.').waitFor();
          expect(await seriousViolations(page)).toEqual([]);
          await screenshot(page, 'account-delete-desktop');

          await page.getByLabel('Your password').fill('a long enough password');
          await page.getByRole('button', { name: 'Delete my account for good' }).click();
          await page.waitForURL(`${baseUrl}/`);
          await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
        } finally {
          await context.close();
        }
        const after = await fetch(`${baseUrl}/api/posts/${post.id}`).then((response) => response.json());
        expect(after).toMatchObject({ deleted: true, author: null });
        const me = await fetch(`${baseUrl}/api/me`, { headers: { authorization: `Bearer ${leaver.token}` } });
        expect(me.status).toBe(401);
      },
      STEP_MS,
    );
  });

  describe('a post full of script payloads', () => {
    const PAYLOADS = [
      '<script>window.__xss = "script"</script>',
      '<img src=x onerror="window.__xss = \'img\'">',
      '<svg onload="window.__xss = \'svg\'"></svg>',
      '<iframe src="javascript:window.__xss = \'iframe\'"></iframe>',
      "[a link](javascript:window.__xss='link')",
      '![an image](javascript:alert(1))',
      '<a href="javascript:alert(1)">raw link</a>',
      '<javascript:alert(1)>',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<details open ontoggle="window.__xss = \'details\'">x</details>',
      '`<img src=x onerror=alert(1)>` and <b onmouseover=alert(1)>bold</b>',
    ];

    it(
      'shows every payload as harmless text, runs no script and opens no dialog',
      async () => {
        const author = await signUp('Mallory');
        const post = await api<{ id: number }>(
          'POST',
          '/api/posts',
          {
            title: '"><img src=x onerror="window.__xss = \'title\'"><script>alert(1)</script>',
            body: PAYLOADS.join('\n\n'),
            location: { lat: 52.4986, lng: 13.4213 },
          },
          author.token,
        );
        await api('POST', `/api/posts/${post.id}/comments`, { body: PAYLOADS.join('\n\n') }, author.token);

        const { context, page } = await pageSignedInAs(author, DESKTOP);
        const dialogs: string[] = [];
        page.on('dialog', (dialog: Dialog) => {
          dialogs.push(dialog.message());
          void dialog.dismiss();
        });
        try {
          await page.goto(`${baseUrl}/posts/${post.id}`);
          await page.getByRole('heading', { level: 1, name: /onerror/ }).waitFor();
          await page.getByText('Discussion').first().waitFor();
          // Everything that could be hovered or toggled, hovered and toggled.
          for (const element of await page.locator('.prose *').all())
            await element.hover({ force: true }).catch(() => {});
          // The links that survive are plain links; following them must not run anything.
          for (const link of await page.locator('.prose a').all()) {
            const href = (await link.getAttribute('href')) ?? '';
            expect(href).not.toMatch(/^\s*(javascript|data|vbscript):/i);
          }

          // The preview of a comment renders the same text on this side, also without markup.
          await page.getByLabel('Add a comment').fill(PAYLOADS.join('\n\n'));
          await page.getByRole('button', { name: 'Preview' }).click();
          await page.locator('.preview .prose').waitFor();
          for (const link of await page.locator('.preview a').all()) {
            expect((await link.getAttribute('href')) ?? '').not.toMatch(/^\s*(javascript|data|vbscript):/i);
          }

          // The feed and the map show the title as text too.
          await page.goto(`${baseUrl}/feed?lat=52.4986&lng=13.4213`);
          await page
            .getByRole('link', { name: /onerror/ })
            .first()
            .waitFor();
          await page.goto(`${baseUrl}/?lat=52.4986&lng=13.4213&z=17`);
          await page
            .getByRole('region', { name: 'Nearest first' })
            .getByRole('link', { name: /onerror/ })
            .first()
            .waitFor();

          for (const path of [`/posts/${post.id}`]) {
            await page.goto(`${baseUrl}${path}`);
            await page.getByRole('heading', { level: 1, name: /onerror/ }).waitFor();
          }
          await page.waitForTimeout(500);
          expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
          expect(dialogs).toEqual([]);
          const injected = await page.evaluate(() => ({
            scripts: document.querySelectorAll('main script').length,
            frames: document.querySelectorAll('main iframe, main object, main embed').length,
            handlers: [...document.querySelectorAll('main *')].filter((element) =>
              [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
            ).length,
            images: document.querySelectorAll('main .prose img').length,
          }));
          expect(injected).toEqual({ scripts: 0, frames: 0, handlers: 0, images: 0 });
          // The payloads are still there to read, as text.
          expect(await page.locator('.prose').first().textContent()).toContain(
            '<script>window.__xss = "script"</script>',
          );
        } finally {
          await context.close();
        }
      },
      STEP_MS,
    );
  });

  describe('a post with a photo', () => {
    it(
      'uploads a photo with its description, shows it with that alt text, and opens it large from the keyboard',
      async () => {
        const author = await signUp('Noor');
        const group = await api<{ id: number }>(
          'POST',
          '/api/groups',
          { name: 'Sunday Go', description: '', visibility: 'public', location: { lat: 52.4986, lng: 13.4213 } },
          author.token,
        );
        const photo = await sharp({
          create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 120, b: 90 } },
        })
          .jpeg()
          .toBuffer();
        const alt = 'A Go board with a game halfway through, black stones in the lower left';

        const { context, page } = await pageSignedInAs(author, PHONE);
        try {
          await page.goto(`${baseUrl}/posts/new?group=${group.id}`);
          await heading(page, /post/i);
          await page.getByLabel('Title').fill('Our Sunday game');
          await page.getByLabel('Your post').fill('The board after an hour.');
          await page
            .getByLabel('Choose photos')
            .setInputFiles({ name: 'board.jpg', mimeType: 'image/jpeg', buffer: photo });
          // The camera is one tap away on a phone.
          expect(await page.getByLabel('Take a photo').getAttribute('capture')).toBe('environment');
          await page.getByRole('button', { name: 'Upload photo 1' }).click();
          await page.getByRole('alert').filter({ hasText: 'Describe the photo first' }).waitFor();
          await page.getByLabel('Description of photo 1 (required)').fill(alt);
          await page.getByRole('button', { name: 'Upload photo 1' }).click();
          await page.getByText('Uploaded', { exact: true }).waitFor();
          expect(await seriousViolations(page)).toEqual([]);
          await page.getByRole('button', { name: 'Publish post' }).click();

          await heading(page, 'Our Sunday game');
          const image = page.getByRole('list', { name: 'Photos of the post' }).getByRole('img');
          expect(await image.getAttribute('alt')).toBe(alt);
          // The phone picks a small rendition, and it loads.
          await page.waitForFunction(() => {
            const img = document.querySelector<HTMLImageElement>('.gallery img');
            return img !== null && img.complete && img.naturalWidth > 0;
          });
          const shown = await image.evaluate((img: HTMLImageElement) => img.currentSrc);
          expect(shown).toMatch(/\/media\/\d+\/(small|medium)\.webp(\?key=[\w.-]+)?$/);

          const opener = page.getByRole('button', { name: `Open photo 1 of 1: ${alt}` });
          await opener.focus();
          await page.keyboard.press('Enter');
          const lightbox = page.getByRole('dialog', { name: 'Photo 1 of 1' });
          await lightbox.waitFor();
          expect(await lightbox.getByRole('img').getAttribute('alt')).toBe(alt);
          expect(await lightbox.locator('figcaption').textContent()).toBe(alt);
          expect(await seriousViolations(page)).toEqual([]);
          await page.keyboard.press('Escape');
          await lightbox.waitFor({ state: 'hidden' });
          expect(await opener.evaluate((button) => button === document.activeElement)).toBe(true);
        } finally {
          await context.close();
        }
      },
      STEP_MS,
    );
  });

  describe('key pages on a phone and on a desktop', () => {
    const PAGES = [
      { path: '/feed?lat=52.4986&lng=13.4213', name: 'feed', title: 'Feed' },
      { path: '/events/1', name: 'meetup', title: /./ },
      { path: '/posts/1', name: 'post-demo', title: /./ },
      { path: '/groups/1', name: 'group', title: /./ },
      { path: '/places/1', name: 'place-demo', title: /./ },
      { path: '/signin', name: 'signin', title: 'Sign in' },
      { path: '/register', name: 'register', title: 'Create an account' },
      { path: '/events/new', name: 'new-meetup', title: 'Plan a meetup' },
      { path: '/posts/new', name: 'new-post', title: 'Write a post' },
      { path: '/nowhere', name: 'not-found', title: 'Page not found' },
    ];

    for (const size of [PHONE, DESKTOP]) {
      const label = size === PHONE ? 'phone' : 'desktop';

      it(
        `have no serious accessibility violations and no sideways scrolling (${label})`,
        async () => {
          const signedIn = size === PHONE ? await signUp('Pat Phone') : null;
          const { context, page } = await pageSignedInAs(signedIn, size);
          try {
            const found: string[] = [];
            for (const { path, name, title } of PAGES) {
              await page.goto(`${baseUrl}${path}`);
              await heading(page, title);
              // Pages settle: their lists and small maps have loaded.
              await page.waitForLoadState('networkidle');
              await screenshot(page, `${name}-${label}`);
              found.push(...(await seriousViolations(page)).map((violation) => `${path}: ${violation}`));
              if (size === PHONE) {
                const width = await noSideScroll(page);
                if (width > PHONE.width) found.push(`${path}: ${width} px wide`);
              }
            }
            expect(found).toEqual([]);
          } finally {
            await context.close();
          }
        },
        STEP_MS * 2,
      );
    }

    it('the phone menu opens and closes from the keyboard', async () => {
      const { context, page } = await pageSignedInAs(null, PHONE);
      try {
        await page.goto(`${baseUrl}/signin`);
        await heading(page, 'Sign in');
        const toggle = page.getByRole('button', { name: 'Menu' });
        expect(await page.getByRole('link', { name: 'Feed' }).isVisible()).toBe(false);
        await toggle.focus();
        await page.keyboard.press('Enter');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        await page.getByRole('link', { name: 'Feed' }).waitFor();
        await screenshot(page, 'menu-phone', false);
        await page.keyboard.press('Escape');
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      } finally {
        await context.close();
      }
    });
  });

  it('logged no errors other than the refused tiles', () => {
    expect(problems).toEqual([]);
  });
});
