/**
 * Read replicas at the database layer, on a primary and a streaming replica made for this file
 * (tools/pg-clusters.ts). Replay on the replica is paused at times, so that what the
 * replica answers can be told from what the primary answers.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/index.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { testConfig } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';
import { createPlace } from '../helpers/places.js';
import { canMakeClusters, makeReplicaCluster, type ReplicaCluster } from '../../tools/pg-clusters.js';
import { registerUser } from '../helpers/users.js';

const BERLIN = { lat: 52.4986, lng: 13.4213 };

describe.runIf(TEST_DB_KIND === 'postgres' && (canMakeClusters() || process.env.CI === 'true'))('read replicas', () => {
  let cluster: ReplicaCluster;
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let replica: pg.Client;

  beforeAll(async () => {
    cluster = await makeReplicaCluster();
    const migrating = await openDatabase({ url: cluster.primaryUrl });
    await migrateToLatest(migrating.db);
    await migrating.close();
    database = await openDatabase({
      url: cluster.primaryUrl,
      replicaUrls: [cluster.replicaUrl],
      // Replay is paused on purpose below; the replica must stay in use meanwhile.
      replicaMaxLagMs: 600_000,
    });
    app = await buildApp({ config: testConfig(), database, web: false, runJobs: false });
    await app.ready();
    replica = new pg.Client({ connectionString: cluster.replicaUrl });
    await replica.connect();
  });

  afterAll(async () => {
    await replica?.end().catch(() => {});
    await app?.close();
    await database?.close();
    cluster?.destroy();
  });

  const nearbyNames = async (headers: Record<string, string> = {}) => {
    const response = await app.inject({
      url: `/api/nearby?lat=${BERLIN.lat}&lng=${BERLIN.lng}&radius=2000`,
      headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    return (response.json().features as Array<{ properties: { name: string } }>).map(
      (feature) => feature.properties.name,
    );
  };

  it('reports the replica and its lag in /api/health', async () => {
    await database.replicas!.check();
    const health = (await app.inject('/api/health')).json();
    expect(health.status).toBe('ok');
    expect(health.replicas).toEqual([
      { name: `127.0.0.1:${cluster.replicaPort}/postgres`, usable: true, lagMs: expect.any(Number), problem: null },
    ]);
  });

  it('reads lag-tolerant routes from the replica, and shows a person their own writes at once', async () => {
    const author = await registerUser(app, 'Author');
    await database.replicas!.check();
    await replica.query('select pg_wal_replay_pause()');
    try {
      const created = await app.inject({
        method: 'POST',
        url: '/api/places',
        headers: author.auth,
        payload: { name: 'Fresh bakery', kind: 'cafe', location: BERLIN },
      });
      expect(created.statusCode).toBe(201);
      const readAfter = created.headers['x-read-after'] as string;
      expect(readAfter).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
      expect(String(created.headers['set-cookie'])).toContain(`vicinity_read_after=${readAfter}`);
      await database.replicas!.check();

      // Someone else reads from the paused replica: not there yet.
      expect(await nearbyNames()).not.toContain('Fresh bakery');
      // The author, with the position of the write (header or cookie), reads from the primary.
      expect(await nearbyNames({ 'x-read-after': readAfter })).toContain('Fresh bakery');
      expect(await nearbyNames({ cookie: `other=1; vicinity_read_after=${readAfter}` })).toContain('Fresh bakery');
      const place = created.json();
      const byId = await app.inject({ url: `/api/places/${place.id}`, headers: { 'x-read-after': readAfter } });
      expect(byId.statusCode).toBe(200);
      // Routes that are not lag-tolerant always read the primary.
      const me = await app.inject({ url: '/api/me', headers: author.auth });
      expect(me.json().displayName).toBe('Author');
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
    // Once the replica has replayed the write, it answers everybody.
    await expect
      .poll(async () => (await database.replicas!.check(), nearbyNames()), { timeout: 10_000 })
      .toContain('Fresh bakery');
  });

  it('a page shared by several requests reads where all of them may', async () => {
    const author = await registerUser(app, 'Batcher');
    await replica.query('select pg_wal_replay_pause()');
    try {
      const created = await app.inject({
        method: 'POST',
        url: '/api/places',
        headers: author.auth,
        payload: { name: 'Shared page cafe', kind: 'cafe', location: BERLIN },
      });
      const readAfter = created.headers['x-read-after'] as string;
      await database.replicas!.check();
      const [stranger, own] = await Promise.all([nearbyNames(), nearbyNames({ 'x-read-after': readAfter })]);
      expect(own).toContain('Shared page cafe');
      void stranger;
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
  });

  it('keeps every route working from the primary when the replica stops', async () => {
    const author = await registerUser(app, 'Survivor');
    await createPlace(app, author, BERLIN, { name: 'Still here' });
    await replica.end();
    cluster.stopReplica();
    // Before any check has noticed: the query fails over to the primary.
    expect(await nearbyNames()).toContain('Still here');
    expect((await app.inject('/api/places')).statusCode).not.toBe(500);
    await database.replicas!.check();
    const health = (await app.inject('/api/health')).json();
    expect(health.status).toBe('ok');
    expect(health.replicas[0]).toMatchObject({ usable: false, lagMs: null, problem: expect.any(String) });
    expect(await nearbyNames()).toContain('Still here');
    // It comes back into use once it is up again.
    cluster.startReplica();
    await expect
      .poll(async () => (await database.replicas!.check(), database.replicas!.status()[0]!.usable), {
        timeout: 20_000,
      })
      .toBe(true);
  });
});
