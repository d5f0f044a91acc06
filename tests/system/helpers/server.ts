/**
 * A real Vicinity server for browser tests: the built web app and `tsx server/src/main.ts` on a
 * fresh embedded database in a temporary DATA_DIR, in its own process group so stopping it also
 * stops the grandchild tsx starts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../helpers/ports.js';

export { buildWebIfStale } from '../../../web/build-if-stale.js';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

// PGlite + PostGIS runs initdb on the first start of an empty DATA_DIR: ~20-30 s alone, longer
// while other suites share the cores.
export const START_MS = 150_000;

export interface Server {
  child: ChildProcess;
  baseUrl: string;
  dataDir: string;
  output: () => string;
}

export interface ServerOptions {
  seed?: 'demo' | 'none';
  /** Further environment variables, e.g. a different map centre. */
  env?: Record<string, string>;
  /** An existing (empty or earlier) DATA_DIR instead of a new temporary one. */
  dataDir?: string;
}

/** Starts a server on a free port with a new, empty DATA_DIR; resolves once it listens. */
export async function startServer({
  seed = 'demo',
  env: extra = {},
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'vicinity-browser-')),
}: ServerOptions = {}): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'HOST', 'NODE_ENV', 'TILE_URL', 'TILE_ATTRIBUTION', 'CORS_ORIGINS'])
    delete env[name];
  Object.assign(env, {
    DATA_DIR: dataDir,
    SEED: seed,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    MAP_CENTER_LAT: '52.4986',
    MAP_CENTER_LNG: '13.4213',
    MAP_ZOOM: '14',
    // Journeys sign several people up and in from one address.
    AUTH_RATE_LIMIT: '1000',
    // Journeys post from accounts made a moment ago; the first line has tests of its own.
    NEW_ACCOUNT_HOURS: '0',
    ...extra,
  });
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

  try {
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
    return { child, baseUrl, dataDir, output: () => output };
  } catch (error) {
    await stopServer({ child, baseUrl: '', dataDir, output: () => output });
    throw error;
  }
}

/** Stops the server (SIGTERM, then SIGKILL to its group after 10 s) and removes its data, unless kept. */
export async function stopServer(server: Server, { keepData = false } = {}): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) {
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
  if (!keepData) rmSync(server.dataDir, { recursive: true, force: true });
}
