/**
 * The web app as a visitor meets it: how much JavaScript the production build ships, and how long
 * until the first map markers show in headless Chromium, against the app on the embedded database
 * with the demo data (what `npm start` serves).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../tools/ports.js';
import { latencyFigure, withSpread, type Figure } from '../lib/report.js';
import { startServer } from '../lib/server.js';
import { ROUNDS } from '../lib/repeat.js';
import { summarise } from '../lib/stats.js';
import { buildWebIfStale } from '../../web/build-if-stale.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ASSETS = path.resolve('web/dist/assets');

/** The app's JavaScript beyond Leaflet, compressed, stays under this (the web app's budget). */
export const APP_JS_TARGET_KIB = 150;

/** The bytes a file is sent as with one encoding: its precompressed copy, else the file itself. */
async function sentSize(built: string, extension: '.br' | '.gz'): Promise<number> {
  return (await stat(existsSync(`${built}${extension}`) ? `${built}${extension}` : built)).size;
}

/**
 * Bytes of the built JavaScript as the server sends it to browsers: the Brotli and gzip copies the
 * build writes beside each file (web/precompress.ts), Leaflet's own chunk apart from the app's code.
 */
async function bundleSizes() {
  const sizes = { app: { br: 0, gz: 0 }, leaflet: { br: 0, gz: 0 } };
  for (const file of await readdir(ASSETS)) {
    if (!file.endsWith('.js')) continue;
    const built = path.join(ASSETS, file);
    const part = file.startsWith('leaflet-') ? sizes.leaflet : sizes.app;
    part.br += await sentSize(built, '.br');
    part.gz += await sentSize(built, '.gz');
  }
  return sizes;
}

/** "target under 150 KiB: met" — the larger of the two encodings is held to it. */
export function bundleTargetNote(app: { br: number; gz: number }): string {
  const worst = Math.max(app.br, app.gz) / 1024;
  return `gzip ${(app.gz / 1024).toFixed(1)} KiB; target under ${APP_JS_TARGET_KIB} KiB compressed: ${
    worst < APP_JS_TARGET_KIB ? 'met' : 'MISSED'
  }`;
}

/** Milliseconds from navigation to `ready` of each of `loads` loads after `warmup` untimed ones, each in a new browser context (empty cache). */
async function timeLoads(
  browser: Browser,
  tileHost: string,
  { url, loads, warmup }: { url: string; loads: number; warmup: number },
  ready: (page: Page) => Promise<unknown>,
): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < loads + warmup; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Tiles come from a public server; the benchmark neither waits for nor loads them.
    await context.route(
      (target) => target.host === tileHost,
      (route) => route.abort('internetdisconnected'),
    );
    const page = await context.newPage();
    const start = process.hrtime.bigint();
    await page.goto(url, { waitUntil: 'commit' });
    await ready(page);
    if (i >= warmup) durations.push(Number(process.hrtime.bigint() - start) / 1e6);
    await context.close();
  }
  return durations;
}

/**
 * Where the demo server keeps its embedded database between runs that reuse their databases:
 * creating it takes most of the server's first start.
 */
const KEPT_DATA_DIR = path.join(os.tmpdir(), 'vicinity-bench-web');

/** The app with the demo data, as `npm start` runs it, on the embedded database in `dataDir`. */
async function startDemoServer(dataDir: string, reuse: boolean, log: (line: string) => void) {
  const start = async () =>
    startServer('server/src/main.ts', {
      DATA_DIR: dataDir,
      SEED: 'demo',
      PORT: String(await freePort()),
      DATABASE_URL: '',
    });
  try {
    return await start();
  } catch (error) {
    if (!reuse) throw error;
    // A kept database that does not open (a run stopped while making it, say) is made anew.
    log(`  the kept demo database in ${dataDir} did not open; making it anew`);
    await rm(dataDir, { recursive: true, force: true });
    return start();
  }
}

/**
 * `loads`: page loads timed for each figure, after two that warm the server. `reuse`: keep the
 * demo server's database for the next run, and start on the one a run before kept.
 */
export async function measureWeb(
  log: (line: string) => void,
  { loads, reuse }: { loads: number; reuse: boolean },
): Promise<Figure[]> {
  log(buildWebIfStale() ? '  built the web app for production' : '  the production build of the web app is current');
  const sizes = await bundleSizes();

  const dataDir = reuse ? KEPT_DATA_DIR : await mkdtemp(path.join(os.tmpdir(), 'vicinity-bench-web-'));
  const server = await startDemoServer(dataDir, reuse, log);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as { tileUrl: string };
    const tileHost = new URL(config.tileUrl.replace(/\{[a-z]\}/g, 'a')).host;
    log('  first map markers in Chromium');
    // The bare page load stands beside the map's in turns, ROUNDS times, the loads split among them.
    const mapLoads: number[] = [];
    const bareLoads: number[] = [];
    const bareRounds: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const share = Math.ceil((loads * (round + 1)) / ROUNDS) - Math.ceil((loads * round) / ROUNDS);
      const warmup = round === 0 ? 2 : 0;
      mapLoads.push(
        ...(await timeLoads(browser, tileHost, { url: `${server.url}/`, loads: share, warmup }, (page) =>
          page.locator('.map-marker--place').first().waitFor(),
        )),
      );
      const bareRound = await timeLoads(
        browser,
        tileHost,
        { url: `${server.url}/api/health`, loads: share, warmup },
        (page) => page.waitForLoadState('load'),
      );
      bareLoads.push(...bareRound);
      bareRounds.push(summarise(bareRound).p50);
    }
    const map = summarise(mapLoads);
    const bare = summarise(bareLoads);
    const group = 'Web app (production build, demo data, headless Chromium)';
    return [
      {
        group,
        name: 'JavaScript shipped (Brotli, as served), without Leaflet',
        unit: 'KiB',
        value: sizes.app.br / 1024,
        baseline: { name: 'Leaflet’s own chunk', value: sizes.leaflet.br / 1024 },
        ratio: sizes.app.br / sizes.leaflet.br,
        ratioMeaning: '× Leaflet',
        note: bundleTargetNote(sizes.app),
      },
      withSpread(
        latencyFigure(
          { group, name: 'navigation to the first map markers (empty cache)' },
          map,
          { name: 'loading /api/health the same way', timing: bare, meaning: '× a bare page load (p50)' },
          `${map.samples} loads, map tiles refused`,
        ),
        bareRounds,
      ),
    ];
  } finally {
    await browser.close();
    await server.stop();
    if (!reuse) await rm(dataDir, { recursive: true, force: true });
  }
}
