/**
 * Notifications at the scale of a big meetup: cancelling one with 5,000 people going (the
 * request that commits the one-statement fan-out), the time until 1,000 of them with a live
 * stream open have the news, and what 1,000 idle streams cost the server in memory. On a database
 * of its own (vicinity_bench_notifications), so it needs no seeded city; the clients run in this
 * process, on the same cores as the server.
 *
 * Runs within `npm run bench`, or alone: `npx tsx bench/measures/notifications.ts`.
 */
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../../server/src/modules/accounts/password.js';
import { freePort } from '../../tools/ports.js';
import { freshMigratedDatabase } from '../lib/database.js';
import { benchAuth } from '../lib/sessions.js';
import { printTable, type Figure } from '../lib/report.js';
import { startServer, type RunningServer } from '../lib/server.js';
import { summarise } from '../lib/stats.js';

const GOING = 5000;
const STREAMS = 1000;
const ROUNDS = 3;
const GROUP = 'Notifications (5,000 going, 1,000 live streams)';
const JWT_SECRET = 'benchmark-secret-benchmark-secret-123456';

/** A live stream that only notes when its first notification arrives. */
interface Listener {
  request: http.ClientRequest;
  ready: Promise<void>;
  arrived: number | null;
  reset(): void;
}

const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function listen(base: string, ticket: string): Listener {
  let markReady: () => void = () => {};
  const listener: Listener = {
    request: http.get(`${base}/api/notifications/stream?ticket=${encodeURIComponent(ticket)}`, { agent }),
    ready: new Promise((resolve) => (markReady = resolve)),
    arrived: null,
    reset() {
      this.arrived = null;
    },
  };
  listener.request.on('response', (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => {
      if (chunk.includes('event: unread')) markReady();
      if (listener.arrived === null && chunk.includes('event: notification')) listener.arrived = performance.now();
    });
  });
  listener.request.on('error', () => {});
  return listener;
}

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function prepare(adminUrl: string): Promise<string> {
  const url = await freshMigratedDatabase(adminUrl, 'vicinity_bench_notifications');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `insert into users (email, password_hash, display_name)
     select 'person' || n || '@bench.example', $1, 'Person ' || n from generate_series(1, $2::int) n`,
    [await hashPassword('benchmark password'), GOING + 1],
  );
  await client.end();
  return url;
}

/** A meetup organised by user 1 with users 2…5001 going, straight into the tables. */
async function bigMeetup(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: string }>(
    `insert into events (title, starts_at, ends_at, time_zone, location, organizer_id)
     values ('Festival of games', now() + interval '3 days', now() + interval '3 days 4 hours', 'Europe/Berlin',
       st_setsrid(st_makepoint(13.4213, 52.4986), 4326)::geography, 1)
     returning id`,
  );
  const id = Number(rows[0]!.id);
  await client.query(
    `insert into event_rsvps (event_id, user_id, status, arrival)
     select $1::bigint, u, 'going', nextval('event_rsvp_arrival') from generate_series(2, $2::int) u`,
    [id, GOING + 1],
  );
  return id;
}

export async function measureNotifications(adminUrl: string, log: (line: string) => void): Promise<Figure[]> {
  log('  a database of 5,001 people');
  const url = await prepare(adminUrl);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const auth = await benchAuth((text) => client.query(text), JWT_SECRET, 10_000);
  let server: RunningServer | undefined;
  const listeners: Listener[] = [];
  try {
    server = await startServer('bench/server.ts', { DATABASE_URL: url, PORT: String(await freePort()), JWT_SECRET });
    const base = server.url;
    await fetch(`${base}/api/notifications`, { headers: auth(1) });
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRss = server.rssMiB();

    // The cancellation alone, with no streams open: what the organizer waits for.
    const commits: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`  cancelling a meetup with ${GOING} going (${round}/${ROUNDS})`);
      const eventId = await bigMeetup(client);
      const started = performance.now();
      const response = await fetch(`${base}/api/events/${eventId}`, { method: 'DELETE', headers: auth(1) });
      if (!response.ok) throw new Error(`cancel answered ${response.status}: ${await response.text()}`);
      commits.push(performance.now() - started);
    }

    log(`  ${STREAMS} live streams`);
    for (let user = 2; user < 2 + STREAMS; user++) {
      const response = await fetch(`${base}/api/notifications/stream-ticket`, { method: 'POST', headers: auth(user) });
      const { ticket } = (await response.json()) as { ticket: string };
      listeners.push(listen(base, ticket));
    }
    await Promise.all(listeners.map((listener) => listener.ready));
    // Idle for a moment, past the garbage of opening them.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const streamsRss = server.rssMiB();

    // With the streams open, from sending the cancellation: this process reads all 1,000 streams
    // on the cores the server uses, so the answer to the request itself is not a clean mark.
    const deliveries: number[] = [];
    const lasts: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      log(`  cancelling a meetup with ${GOING} going, ${STREAMS} of them listening (${round}/${ROUNDS})`);
      const eventId = await bigMeetup(client);
      for (const listener of listeners) listener.reset();
      const started = performance.now();
      const response = await fetch(`${base}/api/events/${eventId}`, { method: 'DELETE', headers: auth(1) });
      if (!response.ok) throw new Error(`cancel answered ${response.status}: ${await response.text()}`);
      await until(() => listeners.every((listener) => listener.arrived !== null), 60_000, 'every stream');
      const after = listeners.map((listener) => listener.arrived! - started);
      deliveries.push(...after);
      lasts.push(Math.max(...after));
    }
    const { rows } = await client.query<{ n: number }>(
      `select count(*)::int as n from notifications where kind = 'event_cancelled'`,
    );
    if (rows[0]!.n !== 2 * GOING * ROUNDS) {
      throw new Error(`expected ${2 * GOING * ROUNDS} notifications, found ${rows[0]!.n}`);
    }

    const commit = summarise(commits);
    const delivery = summarise(deliveries);
    const last = summarise(lasts);
    return [
      {
        group: GROUP,
        name: 'cancel: the request that commits the fan-out',
        unit: 'ms',
        p50: commit.p50,
        p99: commit.p99,
        note: `${ROUNDS} meetups, no streams open; 5,000 notifications by one statement each`,
      },
      {
        group: GROUP,
        name: 'from the cancel request to a stream having it',
        unit: 'ms',
        p50: delivery.p50,
        p99: delivery.p99,
        note: `${STREAMS} streams × ${ROUNDS} cancellations`,
      },
      {
        group: GROUP,
        name: `from the cancel request until all ${STREAMS} streams had it`,
        unit: 'ms',
        value: last.p50,
        note: `median of ${ROUNDS}; worst ${Math.max(...lasts).toFixed(0)} ms`,
      },
      { group: GROUP, name: 'server RSS, no streams', unit: 'MiB', value: idleRss },
      {
        group: GROUP,
        name: `server RSS, ${STREAMS} idle streams`,
        unit: 'MiB',
        value: streamsRss,
        note: `${(((streamsRss - idleRss) * 1024) / STREAMS).toFixed(1)} KiB per stream`,
      },
    ];
  } finally {
    for (const listener of listeners) listener.request.destroy();
    await server?.stop();
    await client.end();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const figures = await measureNotifications(adminUrl, (line) => console.log(line));
  console.log(`\n${printTable(figures)}\n`);
}
