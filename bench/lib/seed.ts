/**
 * Seeds the benchmark database with set-based SQL (INSERT … SELECT over generate_series), so
 * even the full scale takes minutes. setseed() makes every run produce the same rows.
 */
import type pg from 'pg';
import { excerptOf } from '../../server/src/markdown/excerpt.js';
import { COUNTRY, METROS, RURAL_SHARE } from './geography.js';

export interface Scale {
  name: string;
  users: number;
  places: number;
  groups: number;
  events: number;
  posts: number;
  /** Comments in the one big thread that is measured. */
  threadComments: number;
}

/**
 * Raised whenever the seed writes different rows, so that BENCH_REUSE=1 seeds a database written
 * by an earlier seed again rather than measure other data. 2: meetups were created over the 30
 * days before they start, not all at the moment of seeding. 3: posts are long, not one sentence.
 * 4: posts and meetups carry their excerpts (migration 0014).
 */
export const SEED_VERSION = 4;

export const SCALES: Record<string, Scale> = {
  full: {
    name: 'full',
    users: 100_000,
    places: 100_000,
    groups: 10_000,
    events: 100_000,
    posts: 1_000_000,
    threadComments: 5_000,
  },
  small: {
    name: 'small',
    users: 5_000,
    places: 5_000,
    groups: 500,
    events: 5_000,
    posts: 50_000,
    threadComments: 5_000,
  },
};

/** `(n, lng, lat)` rows: RURAL_SHARE uniform over the country, the rest gaussian around metros. */
export function clusteredPointsSql(count: number): string {
  const lats = `array[${METROS.map((m) => m.lat).join(',')}]::float8[]`;
  const lngs = `array[${METROS.map((m) => m.lng).join(',')}]::float8[]`;
  const sigmas = `array[${METROS.map((m) => m.sigmaKm).join(',')}]::float8[]`;
  const weighted = METROS.flatMap((metro, index) => Array<number>(metro.weight).fill(index + 1));
  return `
    select s.n,
      case when s.rural < ${RURAL_SHARE} then ${COUNTRY.minLng} + s.u1 * ${COUNTRY.maxLng - COUNTRY.minLng}
           else (${lngs})[s.m] + z.z2 * (${sigmas})[s.m] / (111.32 * cos(radians((${lats})[s.m]))) end as lng,
      case when s.rural < ${RURAL_SHARE} then ${COUNTRY.minLat} + s.u2 * ${COUNTRY.maxLat - COUNTRY.minLat}
           else (${lats})[s.m] + z.z1 * (${sigmas})[s.m] / 111.32 end as lat
    from (
      select g as n, random() as rural, 1 - random() as u1, random() as u2,
             (array[${weighted.join(',')}])[1 + floor(random() * ${weighted.length})::int] as m
      from generate_series(1, ${count}) g
    ) s,
    lateral (select sqrt(-2 * ln(s.u1)) * cos(2 * pi() * s.u2) as z1,
                    sqrt(-2 * ln(s.u1)) * sin(2 * pi() * s.u2) as z2) z`;
}

const point = (alias: string) => `ST_SetSRID(ST_MakePoint(${alias}.lng, ${alias}.lat), 4326)::geography`;

export interface SeedStep {
  name: string;
  run: (client: pg.Client, scale: Scale) => Promise<void>;
}

/** A fixed argon2id hash: seeded people all share one password and hashing is not measured. */
export async function seedCore(client: pg.Client, scale: Scale, passwordHash: string, log: (line: string) => void) {
  const step = async (name: string, text: string, values: unknown[] = []) => {
    const started = Date.now();
    await client.query(text, values);
    log(`  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await client.query('select setseed(0.4242)');
  await step(
    `${scale.users} users`,
    `insert into users (email, password_hash, display_name, home_location)
     select 'bench-' || p.n || '@bench.example', $1, 'Bench person ' || p.n, ${point('p')}
     from (${clusteredPointsSql(scale.users)}) p`,
    [passwordHash],
  );
  await step(
    `${scale.places} places`,
    `insert into places (name, kind, address, description, tags, location, public_location, created_by)
     select 'Place ' || p.n,
            (array['cafe','game_store','library','bar','community_centre','park','other'])[1 + (p.n % 7)],
            'Street ' || (p.n % 300) || ' ' || (p.n % 90 + 1), 'A benchmark place.', array['bench'], ${point('p')},
            ${point('p')}, 1 + (p.n % ${scale.users})
     from (${clusteredPointsSql(scale.places)}) p`,
  );
  await step(
    `${scale.groups} groups`,
    `insert into groups (name, description, visibility, location, public_location, created_by)
     select 'Group ' || p.n, 'A benchmark group.', case when p.n % 10 = 0 then 'private' else 'public' end,
            ${point('p')}, ${point('p')}, 1 + (p.n % ${scale.users})
     from (${clusteredPointsSql(scale.groups)}) p`,
  );
  await step(
    'group owners and members',
    `insert into group_members (group_id, user_id, role)
     select g.id, u.user_id, case when u.k = 0 then 'owner' else 'member' end
     from groups g, lateral (select k, 1 + ((g.id * 7919 + k * 104729) % ${scale.users}) as user_id
                             from generate_series(0, 9) k) u
     on conflict do nothing`,
  );
}

/** Distinct post texts, shared round-robin by the seeded posts. */
const POST_BODIES = 1000;

/** Words that post texts are drawn from: enough that the text compresses about as prose does. */
const WORDS = `neighbourhood meetup board games cafe library park river bridge market bakery corner street
  evening morning weekend friends neighbours newcomers table chairs tea coffee rules dice cards strategy
  cooperative campaign players welcome quiet loud friendly patient teaching learning history stories
  bicycle tram station garden courtyard window light winter summer autumn spring rain snow walk talk
  together often sometimes rarely always we you they it is was were will can could should would and
  but or so because when where after before while near far beside between around through across`
  .split(/\s+/)
  .filter(Boolean);

/**
 * A temporary table `post_bodies (i, body)` of POST_BODIES Markdown texts of 2 to 7 paragraphs
 * of 40 to 79 words, about 1,900 characters on average: long-form posts, so that reading them
 * (the feed's excerpts, the rows' size on disk) costs what it will.
 */
function postBodiesSql(): string {
  const words = `array[${WORDS.map((word) => `'${word}'`).join(',')}]`;
  return `create temporary table post_bodies as
    select b.i, string_agg(para.text, E'\\n\\n' order by para.j) as body
    from generate_series(1, ${POST_BODIES}) b(i)
    cross join lateral (
      select j, string_agg((${words})[1 + floor(random() * ${WORDS.length})::int], ' ' order by k) || '.' as text
      from generate_series(1, 2 + b.i % 6) j, generate_series(1, 40 + (j * 13 + b.i) % 40) k
      group by j) para
    group by b.i`;
}

/** Shape of the one measured discussion: comments per depth, 60 top-level branches. */
const THREAD_LEVELS = [60, 600, 1340, 1500, 1000, 500];

export async function seedContent(client: pg.Client, scale: Scale, log: (line: string) => void) {
  const step = async (name: string, text: string) => {
    const started = Date.now();
    await client.query(text);
    log(`  ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await step(
    `${scale.events} events`,
    `insert into events (title, description, starts_at, ends_at, time_zone, location, public_location, place_id, group_id, organizer_id,
                         capacity, status, created_at, excerpt)
     select 'Meetup ' || p.n, 'A benchmark meetup.', s.starts_at, s.starts_at + interval '2 hours', 'Europe/Berlin',
            ${point('p')}, ${point('p')}, case when p.n % 3 = 0 then 1 + (p.n % ${scale.places}) end,
            case when p.n % 5 = 0 then 1 + (p.n % ${scale.groups}) end, 1 + (p.n % ${scale.users}),
            case when p.n % 4 = 0 then 20 end, case when p.n % 50 = 0 then 'cancelled' else 'scheduled' end,
            least(s.starts_at, now()) - random() * interval '30 days', 'A benchmark meetup.'
     from (${clusteredPointsSql(scale.events)}) p,
          lateral (select date_trunc('second', now() + (random() * 70 - 10) * interval '1 day') as starts_at) s`,
  );
  await step(`${POST_BODIES} long post bodies`, postBodiesSql());
  // And their excerpts, as the server makes them when a post is written.
  const bodies = (await client.query<{ i: number; body: string }>('select i, body from post_bodies')).rows;
  await client.query('alter table post_bodies add column excerpt text');
  await client.query(
    'update post_bodies b set excerpt = v.excerpt from unnest($1::int[], $2::text[]) as v(i, excerpt) where b.i = v.i',
    [bodies.map((row) => row.i), bodies.map((row) => excerptOf(row.body))],
  );
  await step(
    `${scale.posts} posts`,
    `insert into posts (author_id, title, body, body_html, excerpt, location, group_id, created_at)
     select 1 + (p.n % ${scale.users}), 'Post ' || p.n, b.body,
            '<p>' || replace(b.body, E'\\n\\n', E'</p>\\n<p>') || '</p>', b.excerpt, ${point('p')},
            case when p.n % 20 = 0 then 1 + (p.n % ${scale.groups}) end,
            now() - random() * interval '90 days'
     from (${clusteredPointsSql(scale.posts)}) p
     join post_bodies b on b.i = 1 + p.n % ${POST_BODIES}`,
  );
  const threadPost = (await client.query<{ id: number }>('select min(id)::int as id from posts')).rows[0]!.id;
  const started = Date.now();
  // Triggers are off while seeding, but a reply's branch (root_id) is recorded by one; a few
  // thousand rows cost nothing with it on.
  await client.query('reset session_replication_role');
  for (const [depth, count] of THREAD_LEVELS.entries()) {
    const parent =
      depth === 0
        ? 'null'
        : `(select array_agg(id order by id) from comments where post_id = ${threadPost} and depth = ${depth - 1})` +
          `[1 + (g * 7919) % (select count(*) from comments where post_id = ${threadPost} and depth = ${depth - 1})]`;
    await client.query(
      `insert into comments (post_id, parent_id, depth, author_id, body, body_html, created_at)
       select ${threadPost}, ${parent}, ${depth}, 1 + (g % ${scale.users}), 'A reply at depth ${depth}.',
              '<p>A reply at depth ${depth}.</p>', now() - interval '1 day' + g * interval '1 second'
       from generate_series(1, ${count}) g`,
    );
  }
  await client.query('set session_replication_role = replica');
  log(
    `  a ${THREAD_LEVELS.reduce((a, b) => a + b, 0)}-comment thread on post ${threadPost} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}
