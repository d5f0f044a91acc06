/**
 * The disk under the embedded database fills up: a real server process whose DATA_DIR is a small
 * tmpfs of the test's own. Writes must answer 507 `storage_full` (never 500), reads go on,
 * /api/health says the database cannot write, and once there is room again writes work by
 * themselves and every acknowledged write is there.
 *
 * Two rounds: with the free-space watch (DISK_MIN_FREE_MB), which turns the database read-only
 * before the disk is full; and without it, filling the disk to the last byte, where PGlite itself
 * fails (a data file that cannot grow, or a PANIC for want of a WAL file, after which the server
 * opens the database again from its files once there is room).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { START_MS, startServer, stopServer, type Server } from './helpers/server.js';

const CI = process.env.CI === 'true';
const MB = 1024 * 1024;

/** Mounts a tmpfs of `megabytes` on a new folder; null when this machine does not let us. */
function mountTmpfs(megabytes: number): string | null {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vicinity-disk-full-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return dir;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    if (CI) throw new Error(`Cannot mount a tmpfs for the disk-full test: ${(error as Error).message}`);
    return null;
  }
}

const freeBytes = (dir: string) => {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
};

/** Fills the disk under `dir` with a file until `leave` bytes are free. */
function fillDisk(dir: string, leave: number): string {
  const filler = path.join(dir, 'filler');
  const size = Math.max(0, freeBytes(dir) - leave);
  try {
    execFileSync('fallocate', ['-l', String(size), filler], { stdio: 'pipe' });
  } catch {
    // fallocate on a nearly full tmpfs may stop short; writing zeros fills what it can.
    try {
      execFileSync('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M', 'oflag=append', 'conv=notrunc'], { stdio: 'pipe' });
    } catch {
      // dd ends with "No space left on device": that is the point.
    }
  }
  return filler;
}

const mountDir = process.getuid?.() === 0 || CI ? mountTmpfs(320) : null;

describe.skipIf(mountDir === null)('a full disk under the embedded database', () => {
  const dataDir = mountDir!;
  let server: Server | undefined;
  let token = '';
  const acknowledged = new Map<string, number>();

  async function api(method: string, url: string, body?: unknown) {
    const response = await fetch(`${server!.baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : null };
  }

  async function addPlace(name: string) {
    const answer = await api('POST', '/api/places', { name, kind: 'cafe', location: { lat: 52.5, lng: 13.4 } });
    if (answer.status === 201) acknowledged.set(name, (answer.json as { id: number }).id);
    return answer;
  }

  async function waitFor(what: () => Promise<boolean>, ms: number) {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await what()) return true;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return false;
  }

  async function everyAcknowledgedWriteIsThere() {
    for (const [name, id] of acknowledged) {
      const answer = await api('GET', `/api/places/${id}`);
      expect(answer.status, `${name}: ${JSON.stringify(answer.json)}`).toBe(200);
      expect(answer.json.name).toBe(name);
    }
  }

  beforeAll(async () => {
    server = await startServer({ seed: 'none', dataDir, env: { DISK_MIN_FREE_MB: '32', LOG_LEVEL: 'fatal' } });
    const response = await api('POST', '/api/auth/register', {
      email: 'full@example.org',
      password: 'a disk that fills up',
      displayName: 'Full',
    });
    expect(response.status, JSON.stringify(response.json)).toBe(201);
    token = (response.json as { token: string }).token;
  }, START_MS);

  afterAll(async () => {
    if (server) await stopServer(server, { keepData: true });
    try {
      execFileSync('umount', [dataDir], { stdio: 'pipe' });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('turns read-only below DISK_MIN_FREE_MB: 507 for writes, reads go on, health says so, then recovers', async () => {
    for (let n = 0; n < 5; n++) expect((await addPlace(`Before ${n}`)).status).toBe(201);

    const filler = fillDisk(dataDir, 20 * MB);
    expect(await waitFor(async () => (await api('GET', '/api/health')).json.status === 'degraded', 10_000)).toBe(true);

    const health = await api('GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.json.problem).toMatch(/cannot write/);
    const ready = await api('GET', '/api/health/ready');
    expect(ready.json).toMatchObject({ ready: true, database: 'cannot_write' });

    for (let n = 0; n < 5; n++) {
      const refused = await addPlace(`Refused ${n}`);
      expect(refused.status, JSON.stringify(refused.json)).toBe(507);
      expect(refused.json.error.code).toBe('storage_full');
      expect(refused.json.error.message).toMatch(/disk is full/);
    }
    // Reading goes on.
    await everyAcknowledgedWriteIsThere();
    expect((await api('GET', '/api/places?lat=52.5&lng=13.4&radius=1000')).status).toBe(200);

    rmSync(filler);
    expect(await waitFor(async () => (await addPlace(`After ${Date.now()}`)).status === 201, 10_000)).toBe(true);
    expect((await api('GET', '/api/health')).json.status).toBe('ok');
    await everyAcknowledgedWriteIsThere();
  }, 60_000);

  it('survives the disk filling to the last byte: 507, never 500, and opens again once there is room', async () => {
    // The same data, without the watch: PGlite meets the full disk itself.
    await stopServer(server!, { keepData: true });
    server = await startServer({ seed: 'none', dataDir, env: { DISK_MIN_FREE_MB: '0', LOG_LEVEL: 'fatal' } });

    const filler = fillDisk(dataDir, 0);
    const statuses = new Map<number, number>();
    let refusals = 0;
    let turn = 0;
    const until = Date.now() + 90_000;
    // Writes until the disk refuses several in a row; in-place updates too, which fill the WAL.
    const target = [...acknowledged.values()][0]!;
    while (refusals < 10 && Date.now() < until) {
      const answer =
        turn % 2 === 0
          ? await addPlace(`Filling ${turn}`)
          : await api('PATCH', `/api/places/${target}`, { description: `x`.repeat(1500) + turn });
      turn += 1;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      if (answer.status === 507) {
        refusals += 1;
        expect(answer.json.error.code).toBe('storage_full');
      } else if (answer.status === 503) {
        // The database is opening again after PGlite gave up: the same code, and a hint to wait.
        refusals += 1;
        expect(answer.json.error.code).toMatch(/^(storage_full|database_unavailable)$/);
      } else {
        expect([200, 201], JSON.stringify(answer.json)).toContain(answer.status);
      }
    }
    const summary = JSON.stringify({ turns: turn, statuses: Object.fromEntries(statuses) });
    expect(statuses.get(500), summary).toBeUndefined();
    expect(statuses.get(507) ?? 0, summary).toBeGreaterThan(0);

    const health = await api('GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.json.problem, JSON.stringify(health.json)).toMatch(/cannot write|disk is full/);
    // A read answers: with the data (PGlite still runs) or, while it cannot open again, 503 storage_full.
    const read = await api('GET', `/api/places/${target}`);
    if (read.status !== 200) expect(read).toMatchObject({ status: 503, json: { error: { code: 'storage_full' } } });

    rmSync(filler);
    expect(
      await waitFor(async () => (await addPlace(`Room again ${Date.now()}`)).status === 201, 30_000),
      server!.output(),
    ).toBe(true);
    await everyAcknowledgedWriteIsThere();
    expect(server!.child.exitCode).toBeNull();
  }, 180_000);
});
