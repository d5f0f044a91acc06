/**
 * Chromium for browser tests: pages that refuse every map-tile request (so runs are offline and
 * never load a public tile server), collect console errors, and can be checked with axe-core.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from '../../setup/require-ci-tools.js';
import { ROOT } from './server.js';

export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 375, height: 740 } as const;

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The host of the configured tile server, whose requests every page refuses. */
export async function tileHostOf(baseUrl: string): Promise<string> {
  const config = (await (await fetch(`${baseUrl}/api/config`)).json()) as { tileUrl: string };
  return new URL(config.tileUrl.replace(/\{[a-z]\}/g, 'a')).host;
}

export interface PageOptions {
  width: number;
  height: number;
  tileHost: string;
  /** Console errors and uncaught exceptions are added here, except the refused tiles. */
  problems: string[];
  reducedMotion?: 'reduce' | 'no-preference';
  /** Extra context options, e.g. a time zone, a locale or a geolocation. */
  context?: Parameters<Browser['newContext']>[0];
  /** The API answering 4xx is part of the test (the form shows it): the browser's log line is not a problem. */
  expectHttpErrors?: boolean;
}

export async function openPage(
  browser: Browser,
  {
    width,
    height,
    tileHost,
    problems,
    reducedMotion = 'no-preference',
    context: extra = {},
    expectHttpErrors = false,
  }: PageOptions,
): Promise<{ context: BrowserContext; page: Page }> {
  // British English unless a test asks otherwise: headless Chromium says en-US, for which the app
  // gives distances in miles, and most tests read kilometres.
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width, height }, reducedMotion, ...extra });
  await context.route(
    (url) => url.host === tileHost,
    (route) => route.abort('internetdisconnected'),
  );
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    if (source && new URL(source).host === tileHost) return;
    if (
      expectHttpErrors &&
      /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    ) {
      return;
    }
    problems.push(`${width}px console: ${message.text()} (${source})`);
  });
  // Where it happened, so a failure that shows once can be traced: the page and the innermost frames.
  page.on('pageerror', (error) => {
    const where = `${width}px page error on ${page.url()}`;
    const frames = (error.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at '));
    problems.push(`${where}: ${error.message}`);
    if (frames.length > 0) console.error(`${where}:\n${frames.slice(0, 8).join('\n')}`);
  });
  return { context, page };
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's serious and critical findings on the page as it is now, one line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
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

/** A screenshot into tests/artifacts, the whole page unless only the viewport is asked for. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** "350 m" → 350, "1.2 km" → 1200. */
export function meters(text: string): number {
  const match = /([\d.]+)\s*(m|km)\b/.exec(text);
  if (!match) throw new Error(`no distance in "${text}"`);
  return Number(match[1]) * (match[2] === 'km' ? 1000 : 1);
}
