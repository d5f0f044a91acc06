/**
 * `npm run bench:cells`: the simulation behind docs/scaling.md. On the benchmark's country data
 * (the same generator as `npm run bench`: eight German metros and a thin countryside), it asks
 * how often a radius query stays inside one region cell, the distribution key proposed for Citus,
 * and shows PostgreSQL's partition pruning doing on one server what Citus' shard pruning would do
 * across many.
 *
 * A region cell is a Web Mercator tile at a fixed zoom (server/src/geo/mercator.ts), numbered
 * x * 2^zoom + y. A radius query touches the cells its bounding box overlaps (slightly more than
 * the circle does, as a router that works from the box would).
 *
 *   DATABASE_URL=postgres://…   server to create (and drop) a scratch database on
 *   CELLS_ITEMS=100000          items in the simulated index
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { uOf, vOf } from '../server/src/geo/mercator.js';
import { clusteredPointsSql } from './lib/seed.js';

const adminUrl = process.env.DATABASE_URL || 'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const itemCount = Number(process.env.CELLS_ITEMS ?? 100_000);
const ZOOMS = [6, 7, 8, 9];
/** The zoom docs/scaling.md proposes; the partitioned table and its plans use it. */
const KEY_ZOOM = 7;
const RADII_KM = [1, 5, 50];
const QUERIES = 5000;
const PARTITIONS = 32;

interface Point {
  lng: number;
  lat: number;
}

function cellsTouched(center: Point, radiusKm: number, zoom: number): number[] {
  const dLat = radiusKm / 111.32;
  const dLng = radiusKm / (111.32 * Math.cos((center.lat * Math.PI) / 180));
  const n = 2 ** zoom;
  const x0 = Math.floor(uOf(center.lng - dLng) * n);
  const x1 = Math.floor(uOf(center.lng + dLng) * n);
  const y0 = Math.floor(vOf(center.lat + dLat) * n);
  const y1 = Math.floor(vOf(center.lat - dLat) * n);
  const cells: number[] = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) cells.push(x * n + y);
  return cells;
}

const cellOf = (point: Point, zoom: number) =>
  Math.floor(uOf(point.lng) * 2 ** zoom) * 2 ** zoom + Math.floor(vOf(point.lat) * 2 ** zoom);

/** Tile width on the ground at a latitude, km. */
const cellWidthKm = (zoom: number, lat: number) => (40075 * Math.cos((lat * Math.PI) / 180)) / 2 ** zoom;

const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;

const name = `vicinity_cells_${process.pid}_${randomBytes(3).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
const db = new pg.Client({ connectionString: url.toString() });
try {
  await db.connect();
  await db.query('create extension if not exists postgis');
  await db.query('select setseed(0.42)');
  const items = (
    await db.query<Point>(`select lng, lat from (${clusteredPointsSql(itemCount)}) p order by n`)
  ).rows.map((row) => ({ lng: Number(row.lng), lat: Number(row.lat) }));
  // Query centres: where the items are (people look around where they and things are).
  await db.query('select setseed(0.17)');
  const centres = (
    await db.query<Point>(`select lng, lat from (${clusteredPointsSql(QUERIES)}) p order by n`)
  ).rows.map((row) => ({ lng: Number(row.lng), lat: Number(row.lat) }));

  console.log(`Region cells on the benchmark's country data: ${itemCount} items, ${QUERIES} radius queries`);
  console.log('(query centres drawn like the items: 85% around eight metros, 15% over the countryside)\n');
  const header = [
    'zoom',
    'cell width',
    'cells used',
    'largest cell',
    ...RADII_KM.map((r) => `${r} km: 1 / 2 / ≥3 cells`),
  ];
  const rows: string[][] = [];
  for (const zoom of ZOOMS) {
    const perCell = new Map<number, number>();
    for (const item of items) perCell.set(cellOf(item, zoom), (perCell.get(cellOf(item, zoom)) ?? 0) + 1);
    const largest = Math.max(...perCell.values());
    const row = [
      String(zoom),
      `${cellWidthKm(zoom, 51).toFixed(0)} km`,
      String(perCell.size),
      percent(largest, items.length),
    ];
    for (const radius of RADII_KM) {
      const counts = [0, 0, 0];
      for (const centre of centres) counts[Math.min(3, cellsTouched(centre, radius, zoom).length) - 1]! += 1;
      row.push(counts.map((count) => percent(count, centres.length)).join(' / '));
    }
    rows.push(row);
  }
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));

  // The item index partitioned by region cell (hash, as Citus distributes by hash of the key).
  await db.query(`create table items (id bigint, cell int not null, location geography(Point, 4326) not null)
    partition by hash (cell)`);
  for (let p = 0; p < PARTITIONS; p++) {
    await db.query(
      `create table items_${p} partition of items for values with (modulus ${PARTITIONS}, remainder ${p})`,
    );
  }
  const n = 2 ** KEY_ZOOM;
  await db.query(
    `insert into items (id, cell, location)
     select p.n, floor(((p.lng + 180) / 360) * ${n})::int * ${n}
                 + floor((1 - ln(tan(radians(p.lat)) + 1 / cos(radians(p.lat))) / pi()) / 2 * ${n})::int,
            ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography
     from unnest($1::float8[], $2::float8[]) with ordinality as p(lng, lat, n)`,
    [items.map((item) => item.lng), items.map((item) => item.lat)],
  );
  const mismatched = await db.query<{ count: number }>(
    `select count(*)::int as count from items i
    join unnest($1::int[]) with ordinality as c(cell, n) on c.n = i.id where c.cell <> i.cell`,
    [items.map((item) => cellOf(item, KEY_ZOOM))],
  );
  if (mismatched.rows[0]!.count > 0) throw new Error('the SQL and TypeScript cell numbers disagree');
  await db.query('create index on items using gist (location)');
  await db.query('analyze items');

  const explain = async (title: string, centre: Point, radiusKm: number) => {
    const cells = cellsTouched(centre, radiusKm, KEY_ZOOM);
    const { rows: plan } = await db.query<{ 'QUERY PLAN': string }>(
      `explain (costs off) select id from items
       where cell = any($1::int[])
         and ST_DWithin(location, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4)`,
      [cells, centre.lng, centre.lat, radiusKm * 1000],
    );
    const scanned = new Set(plan.map((row) => /\bon (items_\d+)\b/.exec(row['QUERY PLAN'])?.[1]).filter(Boolean)).size;
    console.log(`\n${title}: cells [${cells.join(', ')}] → ${scanned} of ${PARTITIONS} partitions scanned`);
    for (const row of plan) console.log(`  ${row['QUERY PLAN']}`);
  };
  console.log(`\nThe item index partitioned by hash of the zoom-${KEY_ZOOM} cell into ${PARTITIONS} partitions:`);
  await explain('1 km around Berlin-Mitte (one cell)', { lat: 52.52, lng: 13.405 }, 1);
  await explain('50 km around Frankfurt (across cell borders)', { lat: 50.11, lng: 8.682 }, 50);
} finally {
  await db.end().catch(() => {});
  await admin.query(`drop database if exists "${name}" with (force)`);
  await admin.end();
}
