/**
 * The home map's filters, groups of overlapping markers, radius and colour scheme in a real
 * Chromium against the real server with the demo seed (Kreuzberg), tiles refused as elsewhere.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';
import {
  launchBrowser,
  openPage as openBrowserPage,
  screenshot,
  seriousViolations,
  tileHostOf,
} from './helpers/browser.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';

const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

const DEMO = 'lat=52.49860&lng=13.42130';

describe.skipIf(skip)('the home map’s filters and groups in a browser', () => {
  let server: Server;
  let browser: Browser;
  let tileHost: string;
  let baseUrl: string;
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  async function open(
    path: string,
    width = 1280,
    height = 800,
    context: Parameters<Browser['newContext']>[0] = {},
  ): Promise<Page> {
    const opened = await openBrowserPage(browser, {
      width,
      height,
      tileHost,
      problems,
      context,
      reducedMotion: 'reduce',
    });
    contexts.push(opened.context);
    await opened.page.goto(`${baseUrl}${path}`);
    await opened.page.locator('.leaflet-container').waitFor();
    return opened.page;
  }

  const zoomOf = (page: Page) => Number(new URL(page.url()).searchParams.get('z'));
  const map = (page: Page) => page.getByRole('region', { name: 'Map of groups, places and meetups' });
  const list = (page: Page) => page.getByRole('region', { name: 'Nearest first' });

  beforeAll(async () => {
    buildWebIfStale();
    server = await startServer();
    baseUrl = server.baseUrl;
    tileHost = await tileHostOf(baseUrl);
    browser = await launchBrowser();
  }, START_MS + 150_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    if (server) await stopServer(server);
    expect(problems).toEqual([]);
  }, 30_000);

  it('filters the map and the list to cafés only, and a link keeps the filter', async () => {
    const page = await open(`/?${DEMO}&z=15&r=5000`);
    await expect.poll(() => page.locator('.map-marker--group').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.getByLabel('Places', { exact: true }).selectOption({ label: 'Café' });
    await expect.poll(() => new URL(page.url()).searchParams.get('place')).toBe('cafe');
    await expect
      .poll(() => page.locator('.map-marker--group, .map-marker--event, .map-marker--post').count(), {
        timeout: 15_000,
      })
      .toBe(0);
    await expect.poll(() => page.locator('.map-marker--place').count()).toBeGreaterThan(0);
    const markerNames = await map(page)
      .locator('.map-marker')
      .evaluateAll((nodes) => nodes.map((n) => n.textContent));
    expect(
      markerNames.every((name) => /Place · Café$/.test(name ?? '')),
      markerNames.join('\n'),
    ).toBe(true);
    const clusters = await map(page).locator('.map-cluster').allTextContents();
    for (const text of clusters) expect(text).toMatch(/here: \d+ places?\. Zoom in$/);
    await expect.poll(() => list(page).getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const rows = await list(page).getByRole('listitem').allTextContents();
    expect(
      rows.every((row) => row.includes('Place · Café')),
      rows.join('\n'),
    ).toBe(true);
    expect(rows.length).toBe(11);

    // The same address in another tab shows the same filter.
    const again = await open(new URL(page.url()).pathname + new URL(page.url()).search);
    expect(await again.getByLabel('Places', { exact: true }).inputValue()).toBe('cafe');
    await expect.poll(() => list(again).getByRole('listitem').count(), { timeout: 15_000 }).toBe(11);
    expect(await again.locator('.map-marker--group').count()).toBe(0);
  });

  it('groups overlapping markers at zoom 10, and a group opens into its markers', async () => {
    const page = await open(`/?${DEMO}&z=10`);
    await expect.poll(() => page.locator('.map-cluster').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The demo's dozens of items are a few groups, not a blob of markers on top of one another.
    const markers = await page.locator('.map-marker, .map-cluster').count();
    expect(markers).toBeLessThan(10);
    const boxes = await page
      .locator('.map-marker, .map-cluster')
      .evaluateAll((nodes) =>
        nodes.map((n) => n.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 })),
      );
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(28);
    }
    const biggest = page.locator('.map-cluster').first();
    await biggest.click();
    await expect.poll(() => zoomOf(page), { timeout: 15_000 }).toBeGreaterThan(10);
    await expect.poll(() => page.locator('.map-marker').count(), { timeout: 15_000 }).toBeGreaterThan(0);
  });

  it('fits the map to a radius chosen', async () => {
    const page = await open(`/?${DEMO}&z=16`);
    await page.getByLabel('Within', { exact: true }).selectOption({ label: '2 km' });
    await expect.poll(() => zoomOf(page), { timeout: 15_000 }).toBeLessThan(16);
    await expect.poll(() => new URL(page.url()).searchParams.get('r')).toBe('2000');
    const canvas = (await page.locator('.map-view').boundingBox())!;
    // The dashed circle is drawn as an SVG path; after fitting it lies inside the map and fills much of it.
    const ring = (await page.locator('.leaflet-overlay-pane path').first().boundingBox())!;
    expect(ring.x).toBeGreaterThanOrEqual(canvas.x - 1);
    expect(ring.y).toBeGreaterThanOrEqual(canvas.y - 1);
    expect(ring.x + ring.width).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    expect(ring.y + ring.height).toBeLessThanOrEqual(canvas.y + canvas.height + 1);
    expect(Math.max(ring.width / canvas.width, ring.height / canvas.height)).toBeGreaterThan(0.45);
  });

  for (const [name, width, height] of [
    ['desktop', 1280, 800],
    ['phone', 375, 740],
  ] as const) {
    it(`follows a dark colour scheme with no serious accessibility findings (${name})`, async () => {
      const page = await open(`/?${DEMO}&z=15`, width, height, { colorScheme: 'dark' });
      await expect.poll(() => list(page).getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
      expect(Math.max(r!, g!, b!), background).toBeLessThan(60);
      const ink = await page.evaluate(() => getComputedStyle(document.body).color);
      expect(Math.min(...(ink.match(/\d+/g) ?? []).slice(0, 3).map(Number)), ink).toBeGreaterThan(180);
      await screenshot(page, `map-dark-${name}`, false);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('gives distances in miles for US English', async () => {
    const page = await open(`/?${DEMO}&z=15`, 1280, 800, { locale: 'en-US' });
    await expect.poll(() => list(page).getByRole('link').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const options = await page.getByLabel('Within', { exact: true }).locator('option').allTextContents();
    expect(options).toContain('1 mi');
    expect(options.some((option) => option.includes('km'))).toBe(false);
    expect(await list(page).getByRole('status').textContent()).toMatch(/within 0\.5 mi of the map centre/);
    const rows = await list(page).getByRole('link').allTextContents();
    expect(
      rows.every((row) => /\d( ft| mi)/.test(row)),
      rows.join('\n'),
    ).toBe(true);
  });
});
