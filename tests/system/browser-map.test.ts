/**
 * The home map in a real Chromium against the real server: built web app, `tsx server/src/main.ts`
 * on a fresh embedded database with the demo seed, nothing mocked on our side. Map tiles are the
 * one outside dependency; their requests are refused, so every run sees the page as it is offline
 * (and never sends automated traffic to a public tile server).
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import {
  launchBrowser,
  meters,
  openPage as openBrowserPage,
  screenshot,
  seriousViolations,
  tileHostOf,
} from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';

// Under CI the browser suite must run; the global setup already fails a CI run without Chromium.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

describe.skipIf(skip)('the home map in a browser', () => {
  let server: Server;
  let browser: Browser;
  let tileHost: string;
  let baseUrl: string;

  /** Console errors and uncaught exceptions, except the refused tile requests. */
  const problems: string[] = [];

  function openPage(
    width: number,
    height: number,
    reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
    context: Parameters<Browser['newContext']>[0] = {},
  ): Promise<{ context: BrowserContext; page: Page }> {
    return openBrowserPage(browser, { width, height, reducedMotion, tileHost, problems, context });
  }

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    baseUrl = server.baseUrl;
    tileHost = await tileHostOf(baseUrl);
    browser = await launchBrowser();
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
  }, 30_000);

  describe('on a desktop screen', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      ({ context, page } = await openPage(1280, 800));
      await page.goto(`${baseUrl}/`);
    });

    afterAll(async () => {
      await context?.close();
    });

    it('draws the demo places and groups as labelled markers', async () => {
      await page.locator('.leaflet-container').waitFor();
      await expect
        .poll(() => page.locator('.map-marker--place').count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(10);
      expect(await page.locator('.map-marker--group').count()).toBeGreaterThanOrEqual(1);
      const map = page.getByRole('region', { name: 'Map of groups, places and meetups' });
      expect(await map.getByRole('button', { name: /, Place · / }).count()).toBeGreaterThanOrEqual(10);
    });

    it('says quietly that the map background is unavailable', async () => {
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Map background unavailable' }).count())
        .toBe(1);
    });

    it('lists the nearest items with their distances, nearest first', async () => {
      const list = page.getByRole('region', { name: 'Nearest first' });
      await expect.poll(() => list.getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(5);
      const texts = await list.getByRole('link').allTextContents();
      const distances = texts.map(meters);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(distances.every((distance) => distance <= 1000)).toBe(true);
      expect(await list.getByRole('status').textContent()).toMatch(/\d+ items within 1 km of the map centre/);
    });

    it('shows the list beside the map', async () => {
      const map = (await page.locator('.map-view').boundingBox())!;
      const list = (await page.locator('#nearby-list').boundingBox())!;
      expect(list.x + list.width).toBeLessThanOrEqual(map.x + 1);
      expect(map.height).toBeGreaterThan(600);
    });

    it('links list items and markers both ways', async () => {
      // Close enough that the nearest items' markers stand apart: farther out, markers that would
      // overlap come as one group (browser map-filters test).
      const at = new URL(page.url()).searchParams;
      await page.goto(`${baseUrl}/?lat=${at.get('lat')}&lng=${at.get('lng')}&z=17`);
      await page.locator('.map-marker').first().waitFor({ timeout: 15_000 });
      const list = page.getByRole('region', { name: 'Nearest first' });
      await list.getByRole('link').first().waitFor({ timeout: 15_000 });
      const first = list.getByRole('link').first();
      const name = (await first.locator('.name').textContent())!;
      const marker = page.getByRole('button', { name: `${name}, `, exact: false }).first();

      await first.hover();
      await expect.poll(() => marker.getAttribute('class')).toContain('is-highlighted');

      await list.getByRole('link').nth(3).hover();
      // The marker is activated as a keyboard user would: focused, then Enter.
      await marker.focus();
      await page.keyboard.press('Enter');
      const popup = page.locator('.leaflet-popup');
      await popup.waitFor();
      expect(await popup.getByRole('link', { name }).getAttribute('href')).toBe(await first.getAttribute('href'));
      await expect.poll(() => first.locator('xpath=..').getAttribute('class')).toContain('highlighted');
    });

    it('opens item pages in the app and comes back with history', async () => {
      const popupLink = page.locator('.leaflet-popup a.map-popup__name');
      const name = (await popupLink.textContent())!;
      const href = (await popupLink.getAttribute('href'))!;
      // A marker on the window survives only if the router handles the link without a reload.
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      await popupLink.click();
      await page.waitForURL(`${baseUrl}${href}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(name);
      expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
      await page.goBack();
      await page.locator('.map-marker--place').first().waitFor();
    });

    /**
     * Starts something Leaflet finishes on a timer and follows the first list link before the
     * timer fires (`startAndLeave`), so the map is gone by then; comes back, and answers the
     * problems logged meanwhile.
     */
    async function leaveTheMapWhile(startAndLeave: (link: Locator) => Promise<void>): Promise<string[]> {
      const before = problems.length;
      const link = page.getByRole('region', { name: 'Nearest first' }).getByRole('link').first();
      const href = (await link.getAttribute('href'))!;
      await startAndLeave(link);
      await page.waitForURL(`${baseUrl}${href}`);
      await page.waitForTimeout(500);
      const logged = problems.slice(before);
      await page.goBack();
      await page.locator('.map-marker--place').first().waitFor();
      return logged;
    }

    it('leaves the map in the middle of a zoom without an error', async () => {
      // Leaflet ends a zoom animation 250 ms after it starts.
      const logged = await leaveTheMapWhile(async (link) => {
        await page.locator('.leaflet-control-zoom-in').click();
        await link.click();
      });
      expect(logged).toEqual([]);
    });

    it('leaves the map just after the window is resized without an error', async () => {
      // Leaflet reports the move a resize makes 200 ms after the resize.
      const logged = await leaveTheMapWhile(async (link) => {
        await page.setViewportSize({ width: 1200, height: 800 });
        await link.click();
      });
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(logged).toEqual([]);
    });

    it('leaves the map just after a turn of the mouse wheel without an error', async () => {
      // Leaflet zooms 40 ms after the last turn of the wheel. The link is followed in the same
      // task, as a quick hand on a trackpad that still sends wheel events might.
      const logged = await leaveTheMapWhile(async (link) => {
        await page.locator('.leaflet-container').evaluate(
          (map, followed) => {
            const { left, top, width, height } = map.getBoundingClientRect();
            const at = { clientX: left + width / 2, clientY: top + height / 2 };
            map.dispatchEvent(new WheelEvent('wheel', { ...at, deltaY: -200, bubbles: true, cancelable: true }));
            (followed as HTMLElement).click();
          },
          await link.elementHandle(),
        );
      });
      expect(logged).toEqual([]);
    });

    it('finds Hamburg by typing "Hamb" and flies the map there', async () => {
      const search = page.getByRole('combobox', { name: 'Search places, groups, meetups and towns' });
      await search.pressSequentially('Hamb', { delay: 30 });
      const option = page.getByRole('option', { name: /Hamburg/ }).first();
      await option.waitFor();
      expect(await search.getAttribute('aria-expanded')).toBe('true');

      await search.press('ArrowDown');
      expect(await search.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'));
      await search.press('Enter');

      await expect
        .poll(
          () => {
            const url = new URL(page.url());
            return [Number(url.searchParams.get('lat')).toFixed(1), Number(url.searchParams.get('lng')).toFixed(1)];
          },
          { timeout: 15_000 },
        )
        .toEqual(['53.6', '10.0']);
      // The demo lives in Berlin, so the list near Hamburg's centre is empty, and says so.
      const list = page.getByRole('region', { name: 'Nearest first' });
      await expect
        .poll(() => list.getByRole('status').textContent(), { timeout: 15_000 })
        .toContain('Nothing within 1 km');
      expect(await list.getByRole('button', { name: 'Look within 2 km' }).count()).toBe(1);
      await screenshot(page, 'home-desktop-hamburg', false);
    });

    it('has no serious accessibility violations', async () => {
      await page.goto(`${baseUrl}/`);
      await expect
        .poll(() => page.locator('.map-marker--place').count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(10);
      await page.getByRole('region', { name: 'Nearest first' }).getByRole('link').first().waitFor();
      await screenshot(page, 'home-desktop', false);
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  describe('on a phone screen', () => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      // Phones get the reduced-motion path (no fly animations); the desktop run covers the other.
      ({ context, page } = await openPage(375, 740, 'reduce'));
      await page.goto(`${baseUrl}/`);
      await page.locator('.map-marker--place').nth(4).waitFor();
      await page.getByRole('region', { name: 'Nearest first' }).getByRole('link').first().waitFor();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('stacks the list below the map without sideways scrolling', async () => {
      const map = (await page.locator('.map-view').boundingBox())!;
      const list = (await page.locator('#nearby-list').boundingBox())!;
      expect(list.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await screenshot(page, 'home-phone', false);
      await screenshot(page, 'home-phone-full');
    });

    it('has no serious accessibility violations', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  describe('with the browser asked for its location', () => {
    it('moves the map there only when "Use my location" is pressed', async () => {
      const { context, page } = await openPage(1280, 800, 'reduce', {
        geolocation: { latitude: 48.1372, longitude: 11.5756 },
        permissions: ['geolocation'],
      });
      try {
        await page.goto(`${baseUrl}/`);
        await page.locator('.map-marker--place').first().waitFor();
        // Opening the page asked for nothing: the map is still at the configured centre.
        expect(new URL(page.url()).searchParams.get('lat')).toMatch(/^52\.49/);
        await page.getByRole('button', { name: 'Use my location' }).click();
        await expect
          .poll(() => {
            const url = new URL(page.url());
            return [Number(url.searchParams.get('lat')).toFixed(2), Number(url.searchParams.get('lng')).toFixed(2)];
          })
          .toEqual(['48.14', '11.58']);
      } finally {
        await context.close();
      }
    });

    it('says so when the browser refuses, and the map stays usable', async () => {
      const { context, page } = await openPage(1280, 800, 'reduce');
      try {
        await page.goto(`${baseUrl}/`);
        await page.locator('.map-marker--place').first().waitFor();
        await page.getByRole('button', { name: 'Use my location' }).click();
        await page.getByRole('status').filter({ hasText: 'did not allow access to your location' }).waitFor();
        expect(await page.locator('.map-marker--place').count()).toBeGreaterThan(0);
      } finally {
        await context.close();
      }
    });
  });

  it('logged no errors other than the refused tiles', () => {
    expect(problems).toEqual([]);
  });
});
