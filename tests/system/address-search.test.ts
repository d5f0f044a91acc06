/**
 * Choosing where something is, in a real Chromium against real servers:
 *
 * - without a geocoder, the search field says that street addresses need one and to click the map,
 *   and a click on the map chooses the point of a new place and of the home location;
 * - with one (GEOCODER_URL), an address typed in the search field is looked up and becomes the point,
 *   with OpenStreetMap credited under the results.
 *
 * The geocoder is a small real HTTP server started by this test (tests/helpers/geocoder-server.ts),
 * answering in Photon's documented response format: Photon itself cannot be installed from Debian or
 * npm on this machine.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import { startGeocoderServer, type GeocoderServer } from '../helpers/geocoder-server.js';
import { DESKTOP, launchBrowser, openPage, screenshot, seriousViolations, tileHostOf } from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';
const STEP_MS = 60_000;
const HINT =
  'Street addresses need a geocoder, which this server does not have: find the town, then click the map to set the location.';

describe.skipIf(skip)('choosing a location in the browser', () => {
  let plain: Server;
  let withGeocoder: Server;
  let geocoder: GeocoderServer;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    buildWebIfStale();
    geocoder = await startGeocoderServer();
    [plain, withGeocoder] = await Promise.all([
      startServer({ seed: 'none' }),
      startServer({
        seed: 'none',
        env: {
          GEOCODER_URL: `${geocoder.url}/photon`,
          GEOCODER_KIND: 'photon',
          GEOCODER_CONTACT: 'maps@vicinity.example.org',
        },
      }),
    ]);
    browser = await launchBrowser();
  }, START_MS + 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([plain && stopServer(plain), withGeocoder && stopServer(withGeocoder)]);
    await geocoder?.close();
  }, 30_000);

  async function signedInPage(server: Server): Promise<{ page: Page; token: string }> {
    const response = await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: `placer.${Date.now()}@example.org`,
        password: 'a long enough password',
        displayName: 'Placer',
      }),
    });
    expect(response.status).toBe(201);
    const { token } = (await response.json()) as { token: string };
    const { context, page } = await openPage(browser, {
      ...DESKTOP,
      tileHost: await tileHostOf(server.baseUrl),
      problems,
      reducedMotion: 'reduce',
      context: { timezoneId: 'Europe/Berlin', locale: 'en-GB' },
    });
    await context.addInitScript((value) => window.localStorage.setItem('vicinity.token', value), token);
    return { page, token };
  }

  async function placeOf(server: Server, url: string): Promise<{ lat: number; lng: number }> {
    const id = /\/places\/(\d+)$/.exec(url)![1];
    const place = (await (await fetch(`${server.baseUrl}/api/places/${id}`)).json()) as {
      location: { lat: number; lng: number };
    };
    return place.location;
  }

  it(
    'without a geocoder, says so and takes a click on the map as the place',
    async () => {
      const { page } = await signedInPage(plain);
      await page.goto(`${plain.baseUrl}/places/new`);
      const search = page.getByRole('combobox', { name: 'Search for a town or city' });
      await search.waitFor();
      await page.getByText(HINT).waitFor();
      expect(await search.getAttribute('aria-describedby')).toBeTruthy();

      // An address typed anyway finds nothing, and the answer says why.
      await search.fill('Oranienstraße 25');
      await page
        .getByText(
          'No matches. Street addresses need a geocoder, which this server does not have: click the map instead.',
          {
            exact: true,
          },
        )
        .waitFor();
      await search.press('Escape');

      await page.getByLabel('Name').fill('Corner café');
      await page
        .getByRole('region', { name: 'Map for choosing where the place is' })
        .click({ position: { x: 200, y: 100 } });
      const chosen = page.getByRole('status').filter({ hasText: /^Chosen: / });
      await chosen.waitFor();
      const [lat, lng] = ((await chosen.textContent()) ?? '').match(/[\d.]+/g)!.map(Number) as [number, number];
      await screenshot(page, 'place-without-geocoder');
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Add the place' }).click();
      await page.waitForURL(/\/places\/\d+$/);
      const saved = await placeOf(plain, page.url());
      expect(saved.lat).toBeCloseTo(lat, 5);
      expect(saved.lng).toBeCloseTo(lng, 5);
      // The map opened on the configured centre, so the click is close to it.
      expect(Math.abs(saved.lat - 52.4986)).toBeLessThan(0.02);
      expect(Math.abs(saved.lng - 13.4213)).toBeLessThan(0.03);
    },
    STEP_MS,
  );

  it(
    'without a geocoder, takes a click on the map as the home location',
    async () => {
      const { page, token } = await signedInPage(plain);
      await page.goto(`${plain.baseUrl}/me`);
      await page.getByRole('button', { name: 'Set my home location' }).click();
      await page.getByText(HINT).waitFor();
      await page
        .getByRole('region', { name: 'Map for choosing your home location' })
        .click({ position: { x: 250, y: 120 } });
      await page
        .getByRole('status')
        .filter({ hasText: /^Chosen: / })
        .waitFor();
      await page.getByRole('button', { name: 'Save home location' }).click();
      await page.getByRole('button', { name: 'Change home location' }).waitFor();
      const me = (await (
        await fetch(`${plain.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } })
      ).json()) as { homeLocation: { lat: number; lng: number } | null };
      expect(me.homeLocation).not.toBeNull();
      expect(Math.abs(me.homeLocation!.lat - 52.4986)).toBeLessThan(0.02);
    },
    STEP_MS,
  );

  it(
    'with a geocoder, finds an address and takes it as the place, crediting OpenStreetMap',
    async () => {
      const { page } = await signedInPage(withGeocoder);
      await page.goto(`${withGeocoder.baseUrl}/places/new`);
      const search = page.getByRole('combobox', { name: 'Search for a town or an address' });
      await search.waitFor();
      expect(await page.getByText(HINT).count()).toBe(0);

      const asked = geocoder.received.length;
      await search.fill('Oranienstraße 25');
      await page.getByRole('option', { name: /Search streets and addresses for “Oranienstraße 25”/ }).waitFor();
      // Typing asked only for towns: the geocoder has not been asked yet.
      expect(geocoder.received.length).toBe(asked);
      await search.press('Enter');
      const found = page.getByRole('option', { name: /Oranienstraße 25/ });
      await found.waitFor();
      await page.getByText(/Search results: © OpenStreetMap contributors/).waitFor();
      expect(geocoder.received.slice(asked).map((request) => request.path)).toEqual(['/photon/api']);
      await screenshot(page, 'place-with-geocoder');
      await found.click();
      await page.getByRole('status').filter({ hasText: 'Chosen: 52.50125° N, 13.41962° E' }).waitFor();

      await page.getByLabel('Name').fill('Kiosk at Oranienstraße');
      await page.getByRole('button', { name: 'Add the place' }).click();
      await page.waitForURL(/\/places\/\d+$/);
      expect(await placeOf(withGeocoder, page.url())).toEqual({ lat: 52.50125, lng: 13.41962 });
    },
    STEP_MS,
  );

  it('logged no errors other than the refused tiles', () => {
    expect(problems).toEqual([]);
  });
});
