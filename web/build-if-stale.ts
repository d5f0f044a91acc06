/**
 * Builds the web app (`npm run build:web`) unless web/dist is newer than every source of the
 * build, so the browser tests and the benchmark reuse a build that is still current.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST_INDEX = path.join(ROOT, 'web/dist/index.html');
/** What the build reads: the app, its build settings, and the installed packages' versions. */
const SOURCES = [
  'web/src',
  'web/public',
  'web/index.html',
  'web/vite.config.ts',
  'web/precompress.ts',
  'package-lock.json',
];

/** Newest modification time under a path. */
function newestChange(target: string): number {
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(target).reduce(
    (newest, entry) => Math.max(newest, newestChange(path.join(target, entry))),
    info.mtimeMs,
  );
}

/** True when it built, false when the build on disk was current. */
export function buildWebIfStale(): boolean {
  const built = existsSync(DIST_INDEX) ? statSync(DIST_INDEX).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map((source) => newestChange(path.join(ROOT, source))))) return false;
  // Vitest sets NODE_ENV=test, and a build that inherits it keeps Svelte's development code:
  // 111 KiB of JavaScript sent against 98 for the production build.
  const env = { ...process.env, NODE_ENV: 'production' };
  execFileSync('npm', ['run', 'build:web'], { cwd: ROOT, env, stdio: 'pipe', timeout: 120_000 });
  return true;
}
