/**
 * The home map in a real Chromium against the real server: built web app, `tsx server/src/main.ts`
 * on a fresh embedded database with the demo seed, nothing mocked on our side. Map tiles are the
 * one outside dependency; their requests are refused, so every run sees the page as it is offline
 * (and never sends automated traffic to a public tile server).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from '../setup/require-ci-tools.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const DIST_INDEX = path.join(ROOT, 'web/dist/index.html');
const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

// PGlite + PostGIS runs initdb on the first start of an empty DATA_DIR: ~20-30 s alone, longer
// while other suites share the cores.
const START_MS = 150_000;

// Under CI the browser suite must run; the global setup already fails a CI run without Chromium.
const skip = !existsSync(CHROMIUM) && process.env.CI !== 'true';

/** Newest modification time under a path, so the build is skipped when web/dist is current. */
function newestChange(target: string): number {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestChange(path.join(target, entry))),
    info.mtimeMs,
  );
}

function buildWebIfStale(): void {
  const sources = ['web/src', 'web/index.html', 'web/vite.config.ts'].map((entry) => path.join(ROOT, entry));
  const built = existsSync(DIST_INDEX) ? statSync(DIST_INDEX).mtimeMs : 0;
  if (built > Math.max(...sources.map(newestChange))) return;
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

interface Server {
  child: ChildProcess;
  baseUrl: string;
  output: () => string;
}

async function startServer(dataDir: string): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'HOST', 'NODE_ENV', 'TILE_URL', 'TILE_ATTRIBUTION', 'CORS_ORIGINS'])
    delete env[name];
  Object.assign(env, {
    DATA_DIR: dataDir,
    SEED: 'demo',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MAP_CENTER_LAT: '52.4986',
    MAP_CENTER_LNG: '13.4213',
    MAP_ZOOM: '14',
  });
  // Its own process group: tsx runs the server in a grandchild, and the cleanup must reach both.
  const child = spawn(TSX, ['server/src/main.ts'], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: string) => (output += chunk);
  child.stdout!.setEncoding('utf8').on('data', collect);
  child.stderr!.setEncoding('utf8').on('data', collect);

  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start within ${START_MS} ms:\n${output}`)),
      START_MS,
    );
    child.stdout!.on('data', () => {
      const match = /Vicinity is listening on (http:\/\/localhost:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve(match[1]!);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, baseUrl, output: () => output };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    try {
      process.kill(-server.child.pid!, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }, 10_000);
  await exited;
  clearTimeout(timer);
}

/** "350 m" → 350, "1.2 km" → 1200. */
function meters(text: string): number {
  const match = /([\d.]+)\s*(m|km)\b/.exec(text);
  if (!match) throw new Error(`no distance in "${text}"`);
  return Number(match[1]) * (match[2] === 'km' ? 1000 : 1);
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

async function seriousViolations(page: Page): Promise<string[]> {
  // Our CSP refuses inline scripts, so a <script> tag (page.addScriptTag) is blocked; evaluating
  // through the DevTools protocol is not, and keeps the CSP enforced for everything else.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> } })
      .axe;
    return (await axe.run(document)).violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${JSON.stringify(violation.nodes.map((node) => node.target))}`,
    );
}

describe.skipIf(skip)('the home map in a browser', () => {
  let dataDir: string;
  let server: Server;
  let browser: Browser;
  let tileHost: string;
  let baseUrl: string;

  /** Console errors and uncaught exceptions, except the refused tile requests. */
  const problems: string[] = [];

  async function openPage(
    width: number,
    height: number,
    reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height }, reducedMotion });
    await context.route(
      (url) => url.host === tileHost,
      (route) => route.abort('internetdisconnected'),
    );
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const source = message.location().url;
      if (source && new URL(source).host === tileHost) return;
      problems.push(`${width}px console: ${message.text()} (${source})`);
    });
    page.on('pageerror', (error) => problems.push(`${width}px page error: ${error.message}`));
    return { context, page };
  }

  beforeAll(async () => {
    buildWebIfStale();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'vicinity-browser-'));
    server = await startServer(dataDir);
    baseUrl = server.baseUrl;
    const config = (await (await fetch(`${baseUrl}/api/config`)).json()) as { tileUrl: string };
    tileHost = new URL(config.tileUrl.replace(/\{[a-z]\}/g, 'a')).host;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, START_MS + 150_000);

  afterAll(async () => {
    await browser?.close();
    if (server) await stopServer(server);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
      const list = page.getByRole('region', { name: 'Nearest first' });
      const first = list.getByRole('link').first();
      const name = (await first.locator('.name').textContent())!;
      const marker = page.getByRole('button', { name: `${name}, `, exact: false }).first();

      await first.hover();
      await expect.poll(() => marker.getAttribute('class')).toContain('is-highlighted');

      await list.getByRole('link').nth(3).hover();
      await marker.click();
      const popup = page.locator('.leaflet-popup');
      await popup.waitFor();
      expect(await popup.getByRole('link', { name }).getAttribute('href')).toBe(await first.getAttribute('href'));
      await expect.poll(() => first.locator('xpath=..').getAttribute('class')).toContain('highlighted');
    });

    it('opens item pages in the app and comes back with history', async () => {
      const popupLink = page.locator('.leaflet-popup a.map-popup__name');
      const href = (await popupLink.getAttribute('href'))!;
      // A marker on the window survives only if the router handles the link without a reload.
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      await popupLink.click();
      await page.waitForURL(`${baseUrl}${href}`);
      // Item pages are not built yet: the router answers with its not-found page.
      await page.getByRole('heading', { name: 'Page not found' }).waitFor();
      expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
      await page.goBack();
      await page.locator('.map-marker--place').first().waitFor();
    });

    it('finds Hamburg by typing "Hamb" and flies the map there', async () => {
      const search = page.getByRole('combobox', { name: 'Search for a town or city' });
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
      await page.screenshot({ path: path.join(ARTIFACTS, 'home-desktop-hamburg.png') });
    });

    it('has no serious accessibility violations', async () => {
      await page.goto(`${baseUrl}/`);
      await expect
        .poll(() => page.locator('.map-marker--place').count(), { timeout: 15_000 })
        .toBeGreaterThanOrEqual(10);
      await page.getByRole('region', { name: 'Nearest first' }).getByRole('link').first().waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'home-desktop.png') });
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
      await page.screenshot({ path: path.join(ARTIFACTS, 'home-phone.png') });
      await page.screenshot({ path: path.join(ARTIFACTS, 'home-phone-full.png'), fullPage: true });
    });

    it('has no serious accessibility violations', async () => {
      expect(await seriousViolations(page)).toEqual([]);
    });
  });

  it('logged no errors other than the refused tiles', () => {
    expect(problems).toEqual([]);
  });
});
