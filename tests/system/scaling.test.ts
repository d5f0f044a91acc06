/**
 * Several app processes and a read replica, as a scaled deployment runs them, built on this
 * machine: a PostgreSQL + PostGIS primary and a streaming replica made with pg_basebackup (clusters
 * of this test's own, tools/pg-clusters.ts), two server processes with
 * DATABASE_REPLICA_URLS, and Debian's nginx in front of them with the settings of
 * deploy/nginx.conf.
 *
 * 200 concurrent RSVPs over both processes leave exactly the capacity going and a gapless
 * waitlist; the sign-in rate limit counts attempts through both together; a write through one
 * process is read back at once through the other by the same person while the replica lags;
 * stopping the replica keeps every route working; SIGTERM on one process under load loses no
 * request that was sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, REPLICA_READ_ROUTES } from '../../server/src/app.js';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/index.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { testConfig } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { createGroup, createPlace } from '../helpers/places.js';
import { createPost } from '../helpers/posts.js';
import { freePort } from '../helpers/ports.js';
import { canMakeClusters, makeReplicaCluster, type ReplicaCluster } from '../../tools/pg-clusters.js';
import { SseStream } from '../helpers/sse.js';
import { createUsers } from '../helpers/users.js';
import { buildWebIfStale, START_MS, startServer, stopServer, type Server } from './helpers/server.js';

const NGINX = '/usr/sbin/nginx';
const runnable = (canMakeClusters() && existsSync(NGINX)) || process.env.CI === 'true';
const JWT_SECRET = 'a-scaling-secret-that-is-long-enough-to-sign';
const BERLIN = { lat: 52.4986, lng: 13.4213 };
const AUTH_RATE_LIMIT = 5;

function nginxConfig(prefix: string, port: number, upstreams: number[]): string {
  // The same proxy settings as deploy/nginx.conf; paths of this test's own.
  return `
daemon off;
worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  upstream vicinity {
${upstreams.map((p) => `    server 127.0.0.1:${p} max_fails=0;`).join('\n')}
  }
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 20m;
    location / {
      proxy_pass http://vicinity;
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_next_upstream error timeout;
      proxy_read_timeout 3700s;
    }
  }
}
`;
}

describe.skipIf(!runnable)('two processes behind nginx, a primary and a streaming replica', () => {
  let cluster: ReplicaCluster;
  let scratch = '';
  let nginx: ChildProcess | undefined;
  let front = '';
  const servers: Record<'a' | 'b', Server | undefined> = { a: undefined, b: undefined };
  // A process of our own on the primary, to make people and things quickly (tokens signed alike).
  let local: FastifyInstance;
  let localDb: DatabaseHandle;
  let replica: pg.Client;
  let primary: pg.Client;

  const base = (which: 'a' | 'b' | 'front') => (which === 'front' ? front : servers[which]!.baseUrl);

  async function call(
    which: 'a' | 'b' | 'front',
    method: string,
    route: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await fetch(`${base(which)}${route}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('json');
    return { status: response.status, headers: response.headers, body: json ? (JSON.parse(text) as unknown) : text };
  }

  beforeAll(async () => {
    cluster = await makeReplicaCluster();
    localDb = await openDatabase({ url: cluster.primaryUrl, poolSize: 4 });
    await migrateToLatest(localDb.db);
    local = await buildApp({
      config: testConfig({ jwtSecret: JWT_SECRET }),
      database: localDb,
      web: false,
      runJobs: false,
    });
    await local.ready();
    buildWebIfStale();
    const env = (extra: Record<string, string> = {}) => ({
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URLS: cluster.replicaUrl,
      // The replica is paused on purpose below; it must stay in use meanwhile.
      REPLICA_MAX_LAG_MS: '600000',
      JWT_SECRET,
      TRUST_PROXY: '127.0.0.1',
      AUTH_RATE_LIMIT: String(AUTH_RATE_LIMIT),
      SHUTDOWN_TIMEOUT_MS: '20000',
      ...extra,
    });
    // Both start at once: one applies migrations (none are left here), the other waits for the lock.
    [servers.a, servers.b] = await Promise.all([
      startServer({ seed: 'none', env: env() }),
      startServer({ seed: 'none', env: env() }),
    ]);
    scratch = mkdtempSync(path.join(os.tmpdir(), 'vicinity-nginx-'));
    for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(path.join(scratch, dir));
    const port = await freePort();
    const ports = [servers.a, servers.b].map((server) => Number(new URL(server!.baseUrl).port));
    writeFileSync(path.join(scratch, 'nginx.conf'), nginxConfig(scratch, port, ports));
    nginx = spawn(NGINX, ['-p', scratch, '-c', path.join(scratch, 'nginx.conf')], { stdio: 'ignore' });
    front = `http://127.0.0.1:${port}`;
    for (let tries = 0; ; tries++) {
      const status = (await fetch(`${front}/api/health/ready`).catch(() => null))?.status;
      if (status === 200) break;
      if (tries > 100) throw new Error('nginx did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    replica = new pg.Client({ connectionString: cluster.replicaUrl });
    await replica.connect();
    primary = new pg.Client({ connectionString: cluster.primaryUrl });
    await primary.connect();
  }, START_MS * 2);

  afterAll(async () => {
    await replica?.end().catch(() => {});
    await primary?.end().catch(() => {});
    nginx?.kill('SIGTERM');
    for (const server of Object.values(servers)) if (server) await stopServer(server);
    await local?.close();
    await localDb?.close();
    cluster?.destroy();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  it('is ready on both processes, each reporting the replica', async () => {
    for (const which of ['a', 'b'] as const) {
      expect((await call(which, 'GET', '/api/health/ready')).body).toMatchObject({ ready: true });
      // A replica is checked every second; a busy machine may answer a check late once.
      await expect
        .poll(async () => ((await call(which, 'GET', '/api/health')).body as { replicas: unknown[] }).replicas, {
          timeout: 10_000,
        })
        .toEqual([expect.objectContaining({ usable: true })]);
    }
  });

  it('200 concurrent RSVPs over both processes leave exactly the capacity going and a gapless waitlist', async () => {
    const capacity = 37;
    const [organizer] = await createUsers(local, localDb.db, 1);
    const people = await createUsers(local, localDb.db, 200);
    const event = await createEvent(local, organizer!, BERLIN, { capacity });
    const answers = await Promise.all(
      people.map((person) =>
        call('front', 'PUT', `/api/events/${event.id}/rsvp`, { body: { status: 'going' }, token: person.token }),
      ),
    );
    expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
    const bodies = answers.map((answer) => answer.body as { status: string; waitlistPosition: number | null });
    expect(bodies.filter((body) => body.status === 'going')).toHaveLength(capacity);
    const positions = bodies
      .filter((body) => body.status === 'waitlisted')
      .map((body) => body.waitlistPosition!)
      .sort((x, y) => x - y);
    expect(positions).toEqual(Array.from({ length: 200 - capacity }, (_, index) => index + 1));
    const { rows } = await primary.query<{ status: string; count: number }>(
      `select status, count(*)::int as count from event_rsvps where event_id = $1 group by status order by status`,
      [event.id],
    );
    expect(rows).toEqual([
      { status: 'going', count: capacity },
      { status: 'waitlisted', count: 200 - capacity },
    ]);
    // Both processes served them.
    for (const which of ['a', 'b'] as const) expect(servers[which]!.output()).not.toMatch(/"level":50/);
  });

  it('counts sign-in attempts through both processes together', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < AUTH_RATE_LIMIT + 3; attempt++) {
      const answer = await call(attempt % 2 === 0 ? 'a' : 'b', 'POST', '/api/auth/login', {
        // A different email each time: failures for one email have a limit of their own.
        body: { email: `nobody${attempt}@example.org`, password: 'not the password' },
        headers: { 'x-forwarded-for': '198.51.100.23' },
      });
      statuses.push(answer.status);
    }
    expect(statuses).toEqual([...Array<number>(AUTH_RATE_LIMIT).fill(401), ...Array<number>(3).fill(429)]);
    // Another address is not held back by it.
    const other = await call('front', 'POST', '/api/auth/login', {
      body: { email: 'nobody@example.org', password: 'not the password' },
      headers: { 'x-forwarded-for': '198.51.100.24' },
    });
    expect(other.status).toBe(401);
  });

  it('reads a write back at once through the other process, while others read the lagging replica', async () => {
    const [author] = await createUsers(local, localDb.db, 1);
    await replica.query('select pg_wal_replay_pause()');
    try {
      const created = await call('a', 'POST', '/api/places', {
        body: { name: 'Just opened', kind: 'cafe', location: BERLIN },
        token: author!.token,
      });
      expect(created.status).toBe(201);
      const cookie = created.headers.get('set-cookie')!.split(';')[0]!;
      expect(cookie).toMatch(/^vicinity_read_after=/);
      // The replica lags: each process's checks must have seen where it stands.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const id = (created.body as { id: number }).id;
      const names = async (headers: Record<string, string>) =>
        (
          (await call('b', 'GET', `/api/nearby?lat=${BERLIN.lat}&lng=${BERLIN.lng}&radius=1000`, { headers })).body as {
            features: Array<{ properties: { name: string } }>;
          }
        ).features.map((feature) => feature.properties.name);
      expect(await names({ cookie })).toContain('Just opened');
      expect((await call('b', 'GET', `/api/places/${id}`, { headers: { cookie } })).status).toBe(200);
      // Somebody else, through the same process, reads the replica, which has not replayed it yet.
      expect(await names({})).not.toContain('Just opened');
    } finally {
      await replica.query('select pg_wal_replay_resume()');
    }
  });

  it('keeps every route working from the primary when the replica stops', async () => {
    const [person] = await createUsers(local, localDb.db, 1);
    const place = await createPlace(local, person!, BERLIN);
    const group = await createGroup(local, person!, BERLIN);
    const post = await createPost(local, person!, { location: BERLIN });
    const event = await createEvent(local, person!, BERLIN);
    await replica.end();
    cluster.stopReplica();
    const concrete = (route: string) =>
      route
        .replace('GET ', '')
        .replace('/api/places/:id', `/api/places/${place.id}`)
        .replace('/api/groups/:id', `/api/groups/${group.id}`)
        .replace('/api/posts/:id', `/api/posts/${post.id}`)
        .replace('/api/events/:id', `/api/events/${event.id}`);
    const near = `lat=${BERLIN.lat}&lng=${BERLIN.lng}&radius=2000`;
    const query: Record<string, string> = {
      '/api/nearby': near,
      '/api/map': 'bbox=13.3,52.45,13.5,52.55&zoom=14',
      '/api/feed': near,
      '/api/places': near,
      '/api/groups': near,
      '/api/events': near,
      '/api/posts': near,
      '/api/calendar.ics': near,
    };
    for (const route of REPLICA_READ_ROUTES) {
      const url = concrete(route);
      for (const which of ['a', 'b'] as const) {
        const answer = await fetch(`${base(which)}${url}${query[url] ? `?${query[url]}` : ''}`, {
          headers: { authorization: `Bearer ${person!.token}` },
        });
        expect(answer.status, `${url} through ${which}: ${await answer.text()}`).toBeLessThan(500);
      }
    }
    await expect
      .poll(async () => ((await call('a', 'GET', '/api/health')).body as { replicas: unknown[] }).replicas, {
        timeout: 5000,
      })
      .toEqual([expect.objectContaining({ usable: false, lagMs: null })]);
  });

  it('SIGTERM on one process under load loses no request it accepted, ends its live streams and exits 0', async () => {
    const [author] = await createUsers(local, localDb.db, 1);
    // A live stream on A: it is ended (browsers reconnect, to B) when A drains.
    const ticket = await call('a', 'POST', '/api/notifications/stream-ticket', { token: author!.token });
    const stream = await SseStream.open(
      `${base('a')}/api/notifications/stream?ticket=${encodeURIComponent((ticket.body as { ticket: string }).ticket)}`,
    );
    const total = 400;
    let sent = 0;
    let stopped: Promise<number | null> | undefined;
    const statuses: number[] = [];
    const created: number[] = [];
    const failures: string[] = [];
    const worker = async () => {
      while (sent < total) {
        const index = sent++;
        if (index === 120) {
          const a = servers.a!;
          stopped = new Promise((resolve) => a.child.once('exit', (code) => resolve(code)));
          a.child.kill('SIGTERM');
        }
        const answer =
          index % 4 === 0
            ? await call('front', 'POST', '/api/places', {
                body: { name: `Drain ${index}`, kind: 'cafe', location: BERLIN },
                token: author!.token,
              })
            : await call('front', 'GET', `/api/nearby?lat=${BERLIN.lat}&lng=${BERLIN.lng}&radius=1500`);
        statuses.push(answer.status);
        if (answer.status >= 300)
          failures.push(`${index}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        if (answer.status === 201) created.push(index);
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    expect(statuses).toHaveLength(total);
    // Every read succeeded: nginx sends a read that A refused or reset to B.
    expect(failures.filter((failure) => Number(failure.split(':')[0]) % 4 !== 0)).toEqual([]);
    expect(await stopped).toBe(0);
    await expect.poll(() => stream.ended, { timeout: 5000 }).toBe(true);
    // Every write that was answered is there, once. A write can fail only with nginx's own 502, for
    // a connection still in the kernel's queue when A closed its listening socket: A never accepted
    // it, nothing was written, and nginx does not resend a POST on its own (deployment.md).
    const { rows } = await primary.query<{ name: string }>(
      `select name from places where name like 'Drain %' order by id`,
    );
    expect(rows.map((row) => Number(row.name.slice(6))).sort((x, y) => x - y)).toEqual(created.sort((x, y) => x - y));
    for (const failure of failures) expect(failure).toMatch(/^\d+: 502 /);
    expect(failures.length).toBeLessThan(total / 40);
    servers.a = undefined;
  });
});
