/**
 * The database goes away under load: a real server process on a PostgreSQL cluster of the test's
 * own, written to by many clients at once while the cluster stops and starts again. The process
 * must stay up, answer 503 `database_unavailable` with Retry-After while the database is away,
 * recover by itself, and every write it acknowledged must be in the database afterwards.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../tools/pg-clusters.js';
import { startServer, stopServer, type Server } from './helpers/server.js';

const CI = process.env.CI === 'true';
// Needs the Debian PostgreSQL binaries to make a cluster of its own.
const available = await import('node:fs').then((fs) => fs.existsSync('/usr/lib/postgresql/15/bin/initdb'));

describe.skipIf(!available && !CI)('the database going away under load', () => {
  let cluster: Cluster;
  let server: Server;
  let token = '';

  beforeAll(async () => {
    cluster = await createCluster();
    server = await startServer({ seed: 'none', env: { DATABASE_URL: cluster.url, LOG_LEVEL: 'fatal' } });
    const response = await fetch(`${server.baseUrl}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'chaos@example.org', password: 'correct horse battery', displayName: 'Chaos' }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    token = ((await response.json()) as { token: string }).token;
  }, 180_000);

  afterAll(async () => {
    if (server) await stopServer(server);
    cluster?.remove();
  });

  it('stays up, answers 503 while the database is away, recovers and keeps every acknowledged write', async () => {
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    const unavailable: { code: string; retryAfter: string | null }[] = [];
    let running = true;
    let sent = 0;
    let lastOkAt = 0;

    async function worker(id: number) {
      for (let turn = 0; running && turn < 10_000; turn++) {
        const name = `Place ${id}-${turn}`;
        sent += 1;
        let status = 0;
        try {
          const response = await fetch(`${server.baseUrl}/api/places`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ name, kind: 'cafe', location: { lat: 52.5, lng: 13.4 } }),
          });
          status = response.status;
          const body = (await response.json()) as { error?: { code: string } };
          if (status === 201) {
            acknowledged.push(name);
            lastOkAt = Date.now();
          } else if (status === 503) {
            unavailable.push({ code: body.error!.code, retryAfter: response.headers.get('retry-after') });
          }
        } catch {
          status = -1; // the connection was refused or cut: the process is down
        }
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status !== 201) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }

    const load = Promise.all(Array.from({ length: 40 }, (_, id) => worker(id)));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // The outage: connections in use are cut, then nothing answers for a while.
    cluster.stop();
    const downAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    cluster.start();
    const upAt = Date.now();
    // Recovery: a write succeeds again within seconds.
    while (lastOkAt < upAt && Date.now() - upAt < 15_000) await new Promise((resolve) => setTimeout(resolve, 100));
    const recoveredIn = lastOkAt - upAt;
    // Then one more restart in the middle of the load, as `pg_ctlcluster … restart` does.
    cluster.restart();
    const restartedAt = Date.now();
    while (lastOkAt < restartedAt && Date.now() - restartedAt < 15_000)
      await new Promise((resolve) => setTimeout(resolve, 100));
    running = false;
    await load;

    const summary = JSON.stringify({ sent, statuses: Object.fromEntries(statuses), recoveredIn });
    expect(server.child.exitCode, `${summary}\n${server.output()}`).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect(downAt).toBeLessThan(upAt);
    expect(lastOkAt, summary).toBeGreaterThan(restartedAt);
    expect(recoveredIn, summary).toBeGreaterThan(0);
    expect(recoveredIn, summary).toBeLessThan(10_000);
    // Only successes and "database unavailable": no 500, no refused connection.
    expect([...statuses.keys()].sort(), summary).toEqual([201, 503]);
    expect(unavailable.length).toBeGreaterThan(0);
    for (const answer of unavailable) {
      expect(answer.code).toBe('database_unavailable');
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
    }

    // Health says so while the database is away, and recovers with it.
    cluster.stop();
    const down = await fetch(`${server.baseUrl}/api/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: 'unavailable' });
    cluster.start();
    let health = 0;
    for (let tries = 0; tries < 50 && health !== 200; tries++) {
      health = (await fetch(`${server.baseUrl}/api/health`)).status;
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health).toBe(200);

    // Every acknowledged write is in the database.
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>('select name from places where name = any($1)', [
        acknowledged,
      ]);
      expect(rows.length, summary).toBe(acknowledged.length);
    } finally {
      await client.end();
    }
  }, 120_000);
});
