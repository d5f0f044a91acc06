/**
 * Radius queries in SQL: the production query (spatial index, exact spheroid distances, all
 * kinds) against a naive baseline that computes haversine on every row with no index.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../server/src/db/schema.js';
import { radiusQuery as radiusQuerySql } from '../../server/src/items/radius-query.js';
import { searchItems } from '../../server/src/modules/search/queries.js';
import { createItemRegistry } from '../../server/src/app.js';

const registry = createItemRegistry();
import type { LatLng } from '../../server/src/geo/point.js';
import type { ItemKind } from '../../server/src/geo/schemas.js';
import { queryPoints, RURAL_POINT } from '../lib/geography.js';
import { savePlan } from '../lib/plans.js';
import { firstPassNote, timeSerial, timeTwice } from '../lib/stats.js';
import type { Figure } from '../lib/report.js';
import { interleaved, median, ROUNDS, trustedRatio } from '../lib/repeat.js';

const TABLES: Record<string, string> = { place: 'places', group: 'groups', event: 'events', post: 'posts' };

function radiusQuery(db: Kysely<Database>, point: LatLng, radius: number, kinds: ItemKind[] = registry.kinds()) {
  return radiusQuerySql(db, registry, { point, radius, kinds, limit: 50, after: null, viewerId: null })!.compile();
}

/** Haversine on every row of every kind, then filter and sort: what you get without PostGIS. */
function naiveQuery(db: Kysely<Database>, point: LatLng, radius: number, kinds: ItemKind[] = registry.kinds()) {
  const branches = kinds.map((kind) => {
    const table = sql.table(TABLES[kind]!);
    const column = sql.ref(kind === 'group' ? 'public_location' : 'location');
    return sql`select ${kind}::text as kind, id, ST_Y(${column}::geometry) as lat, ST_X(${column}::geometry) as lng from ${table}`;
  });
  return sql`
    select kind, id, d from (
      select kind, id, 2 * 6371008.8 * asin(sqrt(
        power(sin(radians(lat - ${point.lat}::float8) / 2), 2) +
        cos(radians(${point.lat}::float8)) * cos(radians(lat)) * power(sin(radians(lng - ${point.lng}::float8) / 2), 2))) as d
      from (${sql.join(branches, sql` union all `)}) everything
    ) measured
    where d <= ${radius}::float8 order by d, kind, id limit 50`.compile(db);
}

export async function measureRadius(db: Kysely<Database>, planDir: string, full: boolean): Promise<Figure[]> {
  const points = queryPoints(400);
  const figures: Figure[] = [];
  const naiveRuns = full ? 12 : 25;
  // The naive baseline, ROUNDS times, each between runs of the indexed query it stands beside.
  const perRound = Math.max(4, Math.ceil(naiveRuns / ROUNDS));
  const fiveKm = await interleaved(
    () => timeSerial((i) => db.executeQuery(radiusQuery(db, points[i % points.length]!, 5000)), 100),
    () => timeSerial((i) => db.executeQuery(naiveQuery(db, points[i % points.length]!, 5000)), perRound, 1),
  );
  const naive5kRuns = fiveKm.baselines.map((timing) => timing.p50);
  const naive5k = { p50: median(naive5kRuns), p99: median(fiveKm.baselines.map((timing) => timing.p99)) };
  const versusNaive = trustedRatio(naive5k.p50 / median(fiveKm.figures.map((timing) => timing.p50)), naive5kRuns);
  await savePlan(db as Kysely<never>, naiveQuery(db, points[0]!, 5000), planDir, 'radius-naive-5km');

  for (const [label, radius, at] of [
    ['1 km', 1000, null],
    ['5 km', 5000, null],
    ['50 km', 50_000, null],
    ['5 km, rural point', 5000, RURAL_POINT],
  ] as const) {
    const { first, cached: timing } = await timeTwice(
      (i) => db.executeQuery(radiusQuery(db, at ?? points[i % points.length]!, radius)),
      label === '50 km' ? 100 : 300,
    );
    await savePlan(
      db as Kysely<never>,
      radiusQuery(db, at ?? points[0]!, radius),
      planDir,
      `radius-${label.replace(/[^\w]+/g, '-')}`,
    );
    figures.push({
      group: 'Radius query, SQL (50 nearest, all kinds)',
      name: label,
      unit: 'ms',
      p50: timing.p50,
      p99: timing.p99,
      note: firstPassNote(first),
      ...(radius === 5000 && at === null
        ? {
            baseline: {
              name: 'naive haversine, no index',
              p50: naive5k.p50,
              p99: naive5k.p99,
              runs: ROUNDS,
              spread: versusNaive.spread,
            },
            ratio: versusNaive.ratio,
            unreliable: versusNaive.unreliable,
            ratioMeaning: 'times faster (p50, interleaved runs)',
          }
        : {}),
    });
  }
  const placesRounds = await interleaved(
    () => timeSerial((i) => db.executeQuery(radiusQuery(db, points[i % points.length]!, 5000, ['place'])), 100),
    () => timeSerial((i) => db.executeQuery(naiveQuery(db, points[i % points.length]!, 5000, ['place'])), perRound, 1),
  );
  const naivePlacesRuns = placesRounds.baselines.map((timing) => timing.p50);
  const naivePlaces = {
    p50: median(naivePlacesRuns),
    p99: median(placesRounds.baselines.map((timing) => timing.p99)),
  };
  const versusNaivePlaces = trustedRatio(
    naivePlaces.p50 / median(placesRounds.figures.map((timing) => timing.p50)),
    naivePlacesRuns,
  );
  const { first: placesFirst, cached: placesOnly } = await timeTwice(
    (i) => db.executeQuery(radiusQuery(db, points[i % points.length]!, 5000, ['place'])),
    300,
  );
  await savePlan(db as Kysely<never>, radiusQuery(db, points[0]!, 5000, ['place']), planDir, 'radius-5-km-places');
  figures.push({
    group: 'Radius query, SQL (50 nearest, all kinds)',
    name: '5 km, places only (one table)',
    unit: 'ms',
    p50: placesOnly.p50,
    p99: placesOnly.p99,
    note: firstPassNote(placesFirst),
    baseline: {
      name: 'naive haversine, no index, places',
      p50: naivePlaces.p50,
      p99: naivePlaces.p99,
      runs: ROUNDS,
      spread: versusNaivePlaces.spread,
    },
    ratio: versusNaivePlaces.ratio,
    unreliable: versusNaivePlaces.unreliable,
    ratioMeaning: 'times faster (p50, interleaved runs)',
  });
  // Text search (GET /api/search) in the same run, beside the radius query it is compared with:
  // the 5 km radius page just timed, its p50 the ratio's base.
  const radius5k = figures.find((figure) => figure.name === '5 km');
  for (const [label, q, radius] of [
    ['"game store", 5 km', 'game store', 5000],
    ['"game store", 50 km', 'game store', 50_000],
    ['"Meetup 1234", 50 km', 'Meetup 1234', 50_000],
  ] as const) {
    const { first, cached: timing } = await timeTwice(
      (i) =>
        searchItems(db, registry, {
          q,
          point: points[i % points.length]!,
          radius,
          kinds: registry.kinds(),
          limit: 20,
          viewerId: null,
        }),
      radius === 5000 ? 200 : 60,
    );
    figures.push({
      group: 'Search, SQL (20 best, all kinds)',
      name: label,
      unit: 'ms',
      p50: timing.p50,
      p99: timing.p99,
      note: firstPassNote(first),
      ...(radius5k?.p50
        ? {
            baseline: { name: 'radius query, 5 km, same run', p50: radius5k.p50, p99: radius5k.p99 },
            ratio: timing.p50 / radius5k.p50,
            ratioMeaning: 'the radius query’s p50',
          }
        : {}),
    });
  }
  return figures;
}
