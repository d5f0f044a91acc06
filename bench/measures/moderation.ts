/**
 * Moderation at the scale of a busy site: the queue page with 10,000 open reports (about 5,000
 * subjects) as a site admin sees it, and the feed of a person who blocked 1,000 others beside the
 * same feed for someone who blocked nobody. On a database of its own (vicinity_bench_moderation),
 * against the app in this process (no HTTP), so the figures are the queries' and the service's.
 *
 * Runs within `npm run bench`, or alone: `npx tsx bench/measures/moderation.ts`.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config/index.js';
import { openDatabase } from '../../server/src/db/index.js';
import { freshMigratedDatabase } from '../lib/database.js';
import { benchAuth } from '../lib/sessions.js';
import { printTable, type Figure } from '../lib/report.js';
import { summarise } from '../lib/stats.js';

const USERS = 3000;
const POSTS = 20_000;
const REPORTS = 10_000;
const BLOCKS = 1000;
const ROUNDS = 30;
const GROUP = 'Moderation (10,000 open reports; feed with 1,000 blocks)';
const JWT_SECRET = 'benchmark-secret-benchmark-secret-123456';
const CENTRE = { lat: 52.5, lng: 13.4 };

async function prepare(adminUrl: string): Promise<string> {
  const url = await freshMigratedDatabase(adminUrl, 'vicinity_bench_moderation');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Accounts older than the first line's window, so nothing is held.
    await client.query(`insert into users (email, password_hash, display_name, is_admin, created_at)
      select 'p' || g || '@bench.example', 'x', 'Person ' || g, g = 1, now() - interval '30 days'
      from generate_series(1, ${USERS}) g`);
    // Posts within ~5 km over the last two days, by everyone but the two readers (ids 1 and 2).
    await client.query(`insert into posts (author_id, title, body, body_html, excerpt, location, created_at)
      select 3 + (g % ${USERS - 2}), 'Post ' || g, 'Body', '<p>Body</p>', 'Body',
        ST_SetSRID(ST_MakePoint(${CENTRE.lng} + (random() - 0.5) * 0.14, ${CENTRE.lat} + (random() - 0.5) * 0.09), 4326)::geography,
        now() - random() * interval '48 hours'
      from generate_series(1, ${POSTS}) g`);
    // Ten reports from each of 1,000 people, on distinct posts: about 5,000 subjects.
    await client.query(`insert into reports (reporter_id, subject_type, subject_id, reason, created_at)
      select 3 + (g / 10), 'post', 1 + ((g * 37) % 5000), (array['spam','harassment','hate','other'])[1 + g % 4],
        now() - (g || ' seconds')::interval
      from generate_series(0, ${REPORTS - 1}) g`);
    // Person 2 blocks the authors 3..1002.
    await client.query(`insert into blocks (blocker_id, blocked_id)
      select 2, 2 + g from generate_series(1, ${BLOCKS}) g`);
    await client.query('analyze');
  } finally {
    await client.end();
  }
  return url;
}

export async function measureModeration(adminUrl: string, log: (line: string) => void): Promise<Figure[]> {
  const url = await prepare(adminUrl);
  const database = await openDatabase({ url });
  const config = {
    ...loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', SEED: 'none', DATA_DIR: '.cache/bench-moderation' }),
    jwtSecret: JWT_SECRET,
  };
  const app = await buildApp({ config, database, web: false, runJobs: false });
  await app.ready();
  try {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const auth = await benchAuth((text) => client.query(text), JWT_SECRET, 2).finally(() => client.end());
    const time = async (request: () => Promise<{ statusCode: number; body: string }>) => {
      const durations: number[] = [];
      for (let i = 0; i < ROUNDS + 3; i += 1) {
        const started = performance.now();
        const response = await request();
        const took = performance.now() - started;
        if (response.statusCode !== 200) throw new Error(`answered ${response.statusCode}: ${response.body}`);
        if (i >= 3) durations.push(took);
      }
      return summarise(durations);
    };
    log('  queue page…');
    const queue = await time(() => app.inject({ url: '/api/moderation/queue?limit=25', headers: auth(1) }));
    const feedUrl = `/api/feed?lat=${CENTRE.lat}&lng=${CENTRE.lng}&radius=5000`;
    log('  feed without blocks…');
    const plain = await time(() => app.inject({ url: feedUrl, headers: auth(1) }));
    log('  feed with 1,000 blocks…');
    const blocked = await time(() => app.inject({ url: feedUrl, headers: auth(2) }));
    return [
      {
        group: GROUP,
        name: 'queue page (25 subjects) as a site admin',
        unit: 'ms',
        p50: queue.p50,
        p99: queue.p99,
        note: `${REPORTS} open reports on ~5,000 posts`,
      },
      { group: GROUP, name: 'feed, no blocks', unit: 'ms', p50: plain.p50, p99: plain.p99, note: `${POSTS} posts` },
      {
        group: GROUP,
        name: `feed, ${BLOCKS} people blocked`,
        unit: 'ms',
        p50: blocked.p50,
        p99: blocked.p99,
        note: 'same point and radius',
      },
    ];
  } finally {
    await app.close();
    await database.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const adminUrl = process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
  const figures = await measureModeration(adminUrl, console.log);
  console.log(printTable(figures));
}
