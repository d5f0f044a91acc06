/**
 * What is inside a map viewport. Few items come back one by one. Many come back as clusters:
 * cells of a quadtree over the Web Mercator square, about 64 screen pixels wide, read from the
 * count pyramid `map_cells` (migration 0007) that triggers keep up to date. Reading a few hundred
 * pre-counted cells costs the same for a village or a whole metro, so the answer stays small
 * (≤ MAX_FEATURES) and fast however many items the view holds.
 *
 * Clusters are whole cells: a cell at the edge of the view counts the items of the whole cell.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import { latOfV, lngOfU, uOf, vOf } from '../../geo/mercator.js';
import { SOURCES } from '../nearby/sources.js';
import { MAX_ZOOM } from './schemas.js';

/** Up to this many items are sent individually. */
export const INDIVIDUAL_LIMIT = 300;
/** Hard cap on features in one answer. */
export const MAX_FEATURES = 500;
/** However large the view, it is cut into at most about this many cells per side. */
const CELLS_PER_SIDE = 20;
/** A cell of quadtree level z + 2 is a quarter of a 256-pixel tile at zoom z: 64 pixels. */
const LEVELS_BELOW_ZOOM = 2;
/** The levels the pyramid keeps (see migration 0007). */
const MIN_LEVEL = 4;
const MAX_LEVEL = 18;

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface ItemRow {
  kind: ItemKind;
  id: number;
  name: string;
  lat: number;
  lng: number;
  props: Record<string, unknown>;
}

export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  counts: Partial<Record<ItemKind, number>>;
  expansionZoom: number;
  single: ItemRow | null;
}

export type MapAnswer = { clustered: false; items: ItemRow[] } | { clustered: true; total: number; cells: Cluster[] };

type Box = { minLng: number; minLat: number; maxLng: number; maxLat: number };

/** Lat/lng rectangles to test against; a view across the antimeridian is two of them. */
function viewBoxes(bbox: Bbox): Box[] {
  return bbox.minLng <= bbox.maxLng
    ? [bbox]
    : [
        { ...bbox, maxLng: 180 },
        { ...bbox, minLng: -180 },
      ];
}

function envelope(box: Box): RawBuilder<unknown> {
  return sql`ST_MakeEnvelope(${box.minLng}::float8, ${box.minLat}::float8, ${box.maxLng}::float8, ${box.maxLat}::float8, 4326)`;
}

/** The items of the given kinds inside any of the boxes that the viewer may see. */
function itemsInBoxes(db: Kysely<Database>, boxes: Box[], kinds: ItemKind[], viewerId: number | null, limit?: number) {
  const branches = kinds.flatMap((kind) => {
    const source = SOURCES[kind];
    if (!source) return [];
    // `&&` on the geometry cast uses the expression GiST index; for points it is exact.
    const inside = sql.join(
      boxes.map((box) => sql`s.loc::geometry && ${envelope(box)}`),
      sql` or `,
    );
    let branch = db
      .selectFrom(source.visible(db, viewerId).as('s'))
      .select([
        sql<ItemKind>`${kind}::text`.as('kind'),
        's.id',
        's.name',
        sql<number>`ST_Y(s.loc::geometry)`.as('lat'),
        sql<number>`ST_X(s.loc::geometry)`.as('lng'),
        's.props',
      ])
      .where(sql<boolean>`(${inside})`);
    if (limit !== undefined) branch = branch.orderBy('s.id').limit(limit);
    return [db.selectFrom(branch.as(`b_${kind}`)).selectAll()];
  });
  const [first, ...rest] = branches;
  return first ? rest.reduce((all, branch) => all.unionAll(branch), first) : null;
}

export async function itemsForView(
  db: Kysely<Database>,
  bbox: Bbox,
  zoom: number,
  kinds: ItemKind[],
  viewerId: number | null,
): Promise<MapAnswer> {
  const few = itemsInBoxes(db, viewBoxes(bbox), kinds, viewerId, INDIVIDUAL_LIMIT + 1);
  if (!few) return { clustered: false, items: [] };
  const grid = gridFor(bbox, zoom);
  const counts = await cellCounts(db, bbox, grid, kinds, viewerId);
  // Cells wholly inside the view count only items in it: past the limit, the view is clustered
  // without reading its items one by one.
  if (countInside(counts, grid) <= INDIVIDUAL_LIMIT) {
    const items = (await db
      .selectFrom(few.as('v'))
      .selectAll()
      .orderBy('kind')
      .orderBy('id')
      .limit(INDIVIDUAL_LIMIT + 1)
      .execute()) as ItemRow[];
    if (items.length <= INDIVIDUAL_LIMIT) return { clustered: false, items };
  }
  return { clustered: true, ...(await clusterView(db, grid, counts, zoom, kinds, viewerId)) };
}

/** Items counted in cells that do not touch the view's edges (the grid's inner columns and rows). */
function countInside(counts: CellCount[], grid: Grid): number {
  const inner = (value: number, [from, to]: [number, number]) => value > from && value < to;
  return counts
    .filter((row) => grid.columns.some((range) => inner(row.cx, range)) && inner(row.cy, grid.rows))
    .reduce((sum, row) => sum + row.n, 0);
}

interface Grid {
  level: number;
  /** Inclusive cx ranges (two across the antimeridian) and the cy range. */
  columns: [number, number][];
  rows: [number, number];
}

/** The coarsest cells that are still at most ~64 px wide, and at least 1/20 of the view. */
function gridFor(bbox: Bbox, zoom: number): Grid {
  const crosses = bbox.minLng > bbox.maxLng;
  const spanU = ((crosses ? bbox.maxLng + 360 : bbox.maxLng) - bbox.minLng) / 360;
  const spanV = vOf(bbox.minLat) - vOf(bbox.maxLat);
  const cellSize = Math.max(2 ** -(zoom + LEVELS_BELOW_ZOOM), spanU / CELLS_PER_SIDE, spanV / CELLS_PER_SIDE);
  const level = Math.min(MAX_LEVEL, Math.max(MIN_LEVEL, Math.floor(-Math.log2(cellSize))));
  const scale = 2 ** level;
  const cell = (value: number) => Math.floor(value * scale);
  const columns: [number, number][] = crosses
    ? [
        [cell(uOf(bbox.minLng)), scale - 1],
        [0, cell(uOf(bbox.maxLng))],
      ]
    : [[cell(uOf(bbox.minLng)), cell(uOf(bbox.maxLng))]];
  return { level, columns, rows: [cell(vOf(bbox.maxLat)), cell(vOf(bbox.minLat))] };
}

/** Pyramid rows that count: the kinds asked for, and meetups that end after the current hour. */
function countedRows(kinds: ItemKind[]): RawBuilder<boolean> {
  return sql<boolean>`m.n <> 0 and m.kind in (${sql.join(kinds.map((kind) => sql`${kind}::text`))})
    and (m.kind <> 'event' or m.bucket > map_hour(now()))`;
}

interface CellCount {
  kind: ItemKind;
  cx: number;
  cy: number;
  n: number;
  sx: number;
  sy: number;
}

/**
 * Counts per cell and kind: the pyramid, plus what it cannot hold — meetups ending within the
 * current hour that have not ended yet, and the viewer's own private groups' posts and meetups.
 */
async function cellCounts(
  db: Kysely<Database>,
  bbox: Bbox,
  grid: Grid,
  kinds: ItemKind[],
  viewerId: number | null,
): Promise<CellCount[]> {
  const scale = 2 ** grid.level;
  // The view's columns one by one, so each is one index probe over (level, cx) and a short cy
  // range; a range over cx would read every column's cells over the whole height of the world.
  const columns = sql.join(
    grid.columns.map(([from, to]) => sql`select generate_series(${from}::int, ${to}::int)`),
    sql` union all `,
  );
  const inView = (column: string) =>
    sql.join(
      viewBoxes(bbox).map((box) => sql`${sql.ref(column)}::geometry && ${envelope(box)}`),
      sql` or `,
    );
  const extras: RawBuilder<unknown>[] = [];
  if (kinds.includes('event')) {
    extras.push(sql`
      select 'event'::text as kind, e.location from events e
      where e.status = 'scheduled' and e.ends_at > now() and e.ends_at < map_hour(now()) + interval '1 hour'
        and map_group_is_public(e.group_id) and (${inView('e.location')})`);
  }
  if (viewerId !== null) {
    const privateGroups = sql`(select g.id from groups g join group_members gm on gm.group_id = g.id
      where g.visibility = 'private' and gm.user_id = ${viewerId}::bigint)`;
    if (kinds.includes('post')) {
      extras.push(sql`select 'post'::text, p.location from posts p
        where p.deleted_at is null and p.group_id in ${privateGroups} and (${inView('p.location')})`);
    }
    if (kinds.includes('event')) {
      extras.push(sql`select 'event'::text, e.location from events e
        where e.status = 'scheduled' and e.ends_at > now() and e.group_id in ${privateGroups} and (${inView('e.location')})`);
    }
  }
  const extraCounts =
    extras.length === 0
      ? sql``
      : sql`union all
        select x.kind, floor(map_u(x.location) * ${scale}::float8)::int, floor(map_v(x.location) * ${scale}::float8)::int,
               count(*)::int, sum(map_u(x.location)), sum(map_v(x.location))
        from (${sql.join(extras, sql` union all `)}) x
        group by 1, 2, 3`;
  const { rows } = await sql<CellCount>`
    select m.kind, m.cx, m.cy, sum(m.n)::int as n, sum(m.sx) as sx, sum(m.sy) as sy
    from (${columns}) as view_column (cx)
    join map_cells m on m.level = ${grid.level}::int and m.cx = view_column.cx
      and m.cy between ${grid.rows[0]}::int and ${grid.rows[1]}::int
    where ${countedRows(kinds)}
    group by m.kind, m.cx, m.cy
    ${extraCounts}`.execute(db);
  return rows.filter((row) => row.n > 0);
}

/**
 * The zoom at which each cluster splits: the first deeper level where its items occupy two or
 * more cells (level l is drawn at zoom l − 2). Clusters whose items share one point never split.
 */
async function splitZooms(
  db: Kysely<Database>,
  level: number,
  parents: { cx: number; cy: number }[],
  kinds: ItemKind[],
): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  let open = parents;
  for (let deeper = level + 1; deeper <= MAX_LEVEL && open.length > 0; deeper++) {
    const shift = 2 ** (deeper - level);
    // One index probe per column at the deeper level, (level, cx) fixed and cy over the rows of
    // the open parents above it; a range over cx too would read each column's cells over the
    // whole height of the world. Columns are integers computed here, so they are written inline,
    // and listed rather than generated in SQL so that the planner knows how few they are.
    const rowsOfColumn = new Map<number, [number, number]>();
    for (const p of open) {
      for (let cx = p.cx * shift; cx < (p.cx + 1) * shift; cx++) {
        const [from, to] = rowsOfColumn.get(cx) ?? [Infinity, -Infinity];
        rowsOfColumn.set(cx, [Math.min(from, p.cy * shift), Math.max(to, (p.cy + 1) * shift - 1)]);
      }
    }
    const columns = sql.join(
      [...rowsOfColumn].map(([cx, [from, to]]) => sql`(${sql.lit(cx)}, ${sql.lit(from)}, ${sql.lit(to)})`),
    );
    const { rows } = await sql<{ cx: number; cy: number; splits: boolean }>`
      select m.cx / ${shift}::int as cx, m.cy / ${shift}::int as cy,
        min(m.cx) <> max(m.cx) or min(m.cy) <> max(m.cy) as splits
      from (values ${columns}) as c (cx, from_y, to_y)
      join map_cells m on m.level = ${deeper}::int and m.cx = c.cx and m.cy between c.from_y and c.to_y
      where ${countedRows(kinds)}
      group by 1, 2`.execute(db);
    const splitting = new Set(rows.filter((row) => row.splits).map((row) => `${row.cx}:${row.cy}`));
    open = open.filter((p) => {
      if (!splitting.has(`${p.cx}:${p.cy}`)) return true;
      found.set(`${p.cx}:${p.cy}`, deeper - LEVELS_BELOW_ZOOM);
      return false;
    });
  }
  return found;
}

async function clusterView(
  db: Kysely<Database>,
  grid: Grid,
  counts: CellCount[],
  zoom: number,
  kinds: ItemKind[],
  viewerId: number | null,
): Promise<{ total: number; cells: Cluster[] }> {
  const scale = 2 ** grid.level;
  const byCell = new Map<
    string,
    { cx: number; cy: number; count: number; counts: Partial<Record<ItemKind, number>>; sx: number; sy: number }
  >();
  for (const row of counts) {
    const key = `${row.cx}:${row.cy}`;
    const cell = byCell.get(key) ?? { cx: row.cx, cy: row.cy, count: 0, counts: {}, sx: 0, sy: 0 };
    cell.count += row.n;
    cell.counts[row.kind] = (cell.counts[row.kind] ?? 0) + row.n;
    cell.sx += row.sx;
    cell.sy += row.sy;
    byCell.set(key, cell);
  }
  const cells = [...byCell.values()].sort((a, b) => b.count - a.count || a.cx - b.cx || a.cy - b.cy);
  const total = cells.reduce((sum, cell) => sum + cell.count, 0);
  const shown = cells.slice(0, MAX_FEATURES);

  // A cell holding one item is shown as that item.
  const lonely = shown.filter((cell) => cell.count === 1);
  const singles = new Map<string, ItemRow>();
  if (lonely.length > 0) {
    const boxes = lonely.map((cell) => ({
      minLng: lngOfU(cell.cx / scale),
      maxLng: lngOfU((cell.cx + 1) / scale),
      minLat: latOfV((cell.cy + 1) / scale),
      maxLat: latOfV(cell.cy / scale),
    }));
    const query = itemsInBoxes(db, boxes, kinds, viewerId)!;
    const found = (await db.selectFrom(query.as('v')).selectAll().execute()) as ItemRow[];
    const perCell = new Map<string, ItemRow[]>();
    for (const item of found) {
      const key = `${Math.floor(uOf(item.lng) * scale)}:${Math.floor(vOf(item.lat) * scale)}`;
      perCell.set(key, [...(perCell.get(key) ?? []), item]);
    }
    for (const [key, items] of perCell) if (items.length === 1) singles.set(key, items[0]!);
  }

  const crowded = shown.filter((cell) => cell.count > 1);
  const splits = crowded.length > 0 ? await splitZooms(db, grid.level, crowded, kinds) : new Map<string, number>();
  return {
    total,
    cells: shown.map((cell) => {
      const key = `${cell.cx}:${cell.cy}`;
      return {
        lat: latOfV(cell.sy / cell.count),
        lng: lngOfU(cell.sx / cell.count),
        count: cell.count,
        counts: cell.counts,
        expansionZoom: Math.min(MAX_ZOOM, Math.max(zoom + 1, splits.get(key) ?? MAX_ZOOM)),
        single: singles.get(key) ?? null,
      };
    }),
  };
}
