/**
 * Latency of the heavier read paths (feed, map viewport, a 5,000-comment thread) measured one
 * request at a time, beside the bare route measured the same way, and 200 simultaneous RSVPs.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { findFeedPage } from '../../server/src/modules/feed/queries.js';
import { MAX_FEED_RADIUS_METERS } from '../../server/src/modules/feed/score.js';
import { itemsForView } from '../../server/src/modules/map/service.js';
import { createItemRegistry } from '../../server/src/app.js';
import { loadDiscussionPage } from '../../server/src/modules/posts/queries.js';
import { BRANCHES_PER_PAGE, COMMENTS_PER_PAGE } from '../../server/src/modules/posts/schemas.js';
import { savePlansOf } from '../lib/capture.js';
import { benchAuth } from '../lib/sessions.js';
import { METROS, queryPoints } from '../lib/geography.js';
import { median, trustedRatio } from '../lib/repeat.js';
import { latencyFigure, type Figure } from '../lib/report.js';
import type { RunningServer } from '../lib/server.js';
import { firstPassNote, timeSerial, timeTwice, type Timing } from '../lib/stats.js';

const registry = createItemRegistry();

async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

const BARE = 'bare route, same client';

function vsBare(group: string, name: string, timing: Timing, bare: Timing, note?: string): Figure {
  const baseline = { name: BARE, timing: bare, meaning: '× the bare route (p50)' };
  return latencyFigure({ group, name }, timing, baseline, note);
}

/** Sets every bare-route baseline to the median of its interleaved runs, or flags its ratio. */
function finishBare(figures: Figure[], runs: Timing[]): void {
  const p50s = runs.map((run) => run.p50);
  const p50 = median(p50s);
  for (const figure of figures) {
    if (figure.baseline?.name !== BARE || figure.p50 === undefined) continue;
    const trusted = trustedRatio(figure.p50 / p50, p50s);
    figure.baseline = {
      ...figure.baseline,
      p50,
      p99: median(runs.map((run) => run.p99)),
      runs: runs.length,
      spread: trusted.spread,
    };
    figure.ratio = trusted.ratio;
    figure.unreliable = trusted.unreliable;
  }
}

export async function measureApi(
  server: RunningServer,
  db: Kysely<Database>,
  plans: { url: string; dir: string },
  jwtSecret: string,
  full: boolean,
): Promise<Figure[]> {
  const auth = await benchAuth((text) => sql.raw(text).execute(db), jwtSecret, 200);
  const iterations = full ? 300 : 100;
  // The bare route is measured before, between and after the figures it stands beside; each
  // figure's ratio is then taken against the median of those runs (see finishBare below).
  const bareRuns: Timing[] = [];
  const measureBare = async () => {
    bareRuns.push(await timeSerial(() => getJson(`${server.url}/bench/bare`), iterations));
    return bareRuns[bareRuns.length - 1]!;
  };
  const bare = await measureBare();
  const figures: Figure[] = [];

  const points = queryPoints(iterations, 23);
  const reader = auth(42);
  const { first: feedFirst, cached: feed } = await timeTwice(
    (i) =>
      getJson(
        `${server.url}/api/feed?lat=${points[i % points.length]!.lat}&lng=${points[i % points.length]!.lng}&radius=5000`,
        reader,
      ),
    iterations,
  );
  figures.push(vsBare('GET /api/feed (nearby, 5 km, signed in)', 'page 1', feed, bare, firstPassNote(feedFirst)));
  await savePlansOf(plans.url, plans.dir, 'feed-nearby', (capture) =>
    findFeedPage(capture, {
      point: points[0]!,
      radius: 5000,
      mode: 'nearby',
      asOf: new Date(),
      viewerId: 42,
      offset: 0,
      limit: 21,
    }),
  );

  // Newest first over the widest radius the feed allows: not one of the targets, measured because
  // its pages are bounded otherwise than nearby mode's (by creation time alone, see feed/queries.ts).
  const latestPoints = points.slice(0, full ? 60 : 30);
  const latest = await timeSerial(
    (i) =>
      getJson(
        `${server.url}/api/feed?lat=${latestPoints[i % latestPoints.length]!.lat}&lng=${latestPoints[i % latestPoints.length]!.lng}` +
          `&radius=${MAX_FEED_RADIUS_METERS}&mode=latest`,
        reader,
      ),
    latestPoints.length,
  );
  figures.push(
    vsBare(`GET /api/feed (latest, ${MAX_FEED_RADIUS_METERS / 1000} km, signed in)`, 'page 1', latest, bare),
  );
  await savePlansOf(plans.url, plans.dir, 'feed-latest-50km', (capture) =>
    findFeedPage(capture, {
      point: points[0]!,
      radius: MAX_FEED_RADIUS_METERS,
      mode: 'latest',
      asOf: new Date(),
      viewerId: 42,
      offset: 0,
      limit: 21,
    }),
  );

  const berlin = METROS[0]!;
  const bbox = [berlin.lng - 0.35, berlin.lat - 0.2, berlin.lng + 0.35, berlin.lat + 0.2]
    .map((n) => n.toFixed(4))
    .join(',');
  await measureBare();
  for (const zoom of [10, 14]) {
    let features = 0;
    let total = 0;
    const timing = await timeSerial(async () => {
      const answer = (await getJson(`${server.url}/api/map?bbox=${bbox}&zoom=${zoom}`)) as {
        features: unknown[];
        total: number;
      };
      features = answer.features.length;
      total = answer.total;
    }, iterations);
    figures.push(
      vsBare(
        'GET /api/map (Berlin-wide viewport)',
        `zoom ${zoom}`,
        timing,
        bare,
        `${features} features for ${total} items`,
      ),
    );
    const [minLng, minLat, maxLng, maxLat] = bbox.split(',').map(Number) as [number, number, number, number];
    await savePlansOf(plans.url, plans.dir, `map-zoom-${zoom}`, (capture) =>
      itemsForView(capture, registry, { minLng, minLat, maxLng, maxLat }, zoom, registry.kinds(), null),
    );
  }

  const thread = await sql<{ post_id: number; n: number }>`
    select post_id::int, count(*)::int as n from comments group by post_id order by n desc limit 1`.execute(db);
  const { post_id: postId, n } = thread.rows[0]!;
  let shown = 0;
  const threadTiming = await timeSerial(
    async () => {
      const post = (await getJson(`${server.url}/api/posts/${postId}`)) as { discussion: { comments: unknown[] } };
      shown = JSON.stringify(post.discussion.comments).split('"bodyHtml"').length - 1;
    },
    full ? 100 : 40,
  );
  figures.push(
    vsBare(
      `GET /api/posts/:id (${n}-comment thread)`,
      'first page of branches',
      threadTiming,
      bare,
      `${shown} comments in the answer`,
    ),
  );
  await savePlansOf(plans.url, plans.dir, 'thread', (capture) =>
    loadDiscussionPage(capture, { kind: 'post', id: postId }, null, {
      branches: BRANCHES_PER_PAGE,
      comments: COMMENTS_PER_PAGE,
    }),
  );

  await measureBare();
  finishBare(figures, bareRuns);
  figures.push(await measureRsvps(server, db, auth));
  return figures;
}

/** 200 people press "going" on a 10-seat meetup at the same moment. */
async function measureRsvps(
  server: RunningServer,
  db: Kysely<Database>,
  auth: (id: number) => Record<string, string>,
): Promise<Figure> {
  const { rows } = await sql<{ id: number }>`
    insert into events (title, starts_at, ends_at, time_zone, location, capacity, organizer_id)
    values ('Benchmark game night', now() + interval '1 day', now() + interval '1 day 3 hours', 'Europe/Berlin',
            ST_SetSRID(ST_MakePoint(13.4, 52.5), 4326)::geography, 10, 1)
    returning id::int`.execute(db);
  const eventId = rows[0]!.id;
  const people = Array.from({ length: 200 }, (_, i) => i + 1);
  const headers = people.map((id) => ({ ...auth(id), 'content-type': 'application/json' }));

  const burst = async (send: (i: number) => Promise<Response>) => {
    const started = process.hrtime.bigint();
    const statuses = await Promise.all(
      people.map((_, i) => send(i).then(async (r) => (await r.arrayBuffer(), r.status))),
    );
    return { ms: Number(process.hrtime.bigint() - started) / 1e6, statuses };
  };
  const bareBursts = [await burst(() => fetch(`${server.url}/bench/bare`))];
  bareBursts.push(await burst(() => fetch(`${server.url}/bench/bare`)));
  const rsvp = await burst((i) =>
    fetch(`${server.url}/api/events/${eventId}/rsvp`, {
      method: 'PUT',
      headers: headers[i],
      body: '{"status":"going"}',
    }),
  );
  bareBursts.push(await burst(() => fetch(`${server.url}/bench/bare`)));
  const bareMs = bareBursts.map((run) => run.ms);
  const trusted = trustedRatio(rsvp.ms / median(bareMs), bareMs);
  const counts = await sql<{ status: string; n: number }>`
    select status, count(*)::int as n from event_rsvps where event_id = ${eventId} group by status`.execute(db);
  const byStatus = Object.fromEntries(counts.rows.map((r) => [r.status, r.n]));
  const failures = rsvp.statuses.filter((status) => status >= 300).length;
  return {
    group: '200 simultaneous RSVPs, 10 seats',
    name: 'time to settle',
    unit: 'ms',
    value: rsvp.ms,
    baseline: {
      name: '200 simultaneous bare requests',
      value: median(bareMs),
      runs: bareMs.length,
      spread: trusted.spread,
    },
    ratio: trusted.ratio,
    unreliable: trusted.unreliable,
    ratioMeaning: '× the bare burst',
    note: `${failures} errors; ${byStatus.going ?? 0} going, ${byStatus.waitlisted ?? 0} waitlisted`,
  };
}
