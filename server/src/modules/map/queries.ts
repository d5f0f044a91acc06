/**
 * The map's SQL: items inside boxes, the count pyramid `map_cells` (migration 0007) read cell by
 * cell, and whether a cell's items split at a deeper level. service.ts decides what to ask.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import type { ItemFilter } from '../../items/item-source.js';
import type { ItemRegistry } from '../../items/registry.js';
import { notBlockedSql, visibleContentSql } from '../../policy/moderation.js';

type Db = Kysely<Database>;

/** A lat/lng rectangle; a view across the antimeridian is two of them. */
export interface Box {
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

/**
 * Items of one kind in one cell of the grid, with the sums of their Mercator coordinates (and,
 * counted from the items themselves, how far they spread).
 */
export interface CellCount {
  kind: ItemKind;
  cx: number;
  cy: number;
  n: number;
  sx: number;
  sy: number;
  spread?: Spread;
}

/** The least and greatest Mercator coordinates of a cell's items. */
export interface Spread {
  minU: number;
  maxU: number;
  minV: number;
  maxV: number;
}

function envelope(box: Box): RawBuilder<unknown> {
  return sql`ST_MakeEnvelope(${box.minLng}::float8, ${box.minLat}::float8, ${box.maxLng}::float8, ${box.maxLat}::float8, 4326)`;
}

function insideAny(column: string, boxes: Box[]): RawBuilder<boolean> {
  // `&&` on the geometry cast uses the expression GiST index; for points it is exact.
  return sql<boolean>`(${sql.join(
    boxes.map((box) => sql`${sql.ref(column)}::geometry && ${envelope(box)}`),
    sql` or `,
  )})`;
}

/** The items of the given kinds inside any of the boxes that the viewer may see (null: no kinds). */
function itemsInBoxes(
  db: Db,
  registry: ItemRegistry,
  boxes: Box[],
  kinds: ItemKind[],
  viewerId: number | null,
  filter: ItemFilter | undefined,
  limit?: number,
) {
  const branches = kinds.flatMap((kind) => {
    const source = registry.source(kind);
    if (!source) return [];
    let branch = db
      .selectFrom(source.visible(db, viewerId, filter).as('s'))
      .select([
        sql<ItemKind>`${kind}::text`.as('kind'),
        's.id',
        's.name',
        sql<number>`ST_Y(s.loc::geometry)`.as('lat'),
        sql<number>`ST_X(s.loc::geometry)`.as('lng'),
        's.props',
      ])
      .where(insideAny('s.loc', boxes));
    if (limit !== undefined) branch = branch.orderBy('s.id').limit(limit);
    return [db.selectFrom(branch.as(`b_${kind}`)).selectAll()];
  });
  const [first, ...rest] = branches;
  return first ? rest.reduce((all, branch) => all.unionAll(branch), first) : null;
}

/** Up to `limit` items inside the boxes, by kind then id (each kind read up to the limit). */
export async function findItemsInBoxes(
  db: Db,
  registry: ItemRegistry,
  boxes: Box[],
  kinds: ItemKind[],
  viewerId: number | null,
  filter: ItemFilter | undefined,
  limit?: number,
): Promise<ItemRow[]> {
  const items = itemsInBoxes(db, registry, boxes, kinds, viewerId, filter, limit);
  if (!items) return [];
  let select = db.selectFrom(items.as('v')).selectAll();
  if (limit !== undefined) select = select.orderBy('kind').orderBy('id').limit(limit);
  return (await select.execute()) as ItemRow[];
}

/** Pyramid rows that count: the kinds asked for, and meetups that end after the current hour. */
function countedRows(kinds: ItemKind[]): RawBuilder<boolean> {
  return sql<boolean>`m.n <> 0 and m.kind in (${sql.join(kinds.map((kind) => sql`${kind}::text`))})
    and (m.kind <> 'event' or m.bucket > map_hour(now()))`;
}

/** A grid of cells at one pyramid level: inclusive cx ranges (two across the antimeridian) and a cy range. */
export interface GridCells {
  level: number;
  columns: [number, number][];
  rows: [number, number];
}

/**
 * Counts per cell and kind: the pyramid, plus what it cannot hold — meetups ending within the
 * current hour that have not ended yet and the viewer's own private groups' posts and meetups
 * (both without removed or held ones and without those of people the viewer blocked or who
 * blocked them) — minus what the viewer does not see of the pyramid's items: those of people
 * either of them blocked. The pyramid itself leaves out removed and held content (migration 0131).
 */
export async function findCellCounts(
  db: Db,
  boxes: Box[],
  grid: GridCells,
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
  const extras: RawBuilder<unknown>[] = [];
  if (kinds.includes('event')) {
    extras.push(sql`
      select 'event'::text as kind, e.public_location as location, 1 as delta from events e
      where e.status = 'scheduled' and e.ends_at > now() and e.ends_at < map_hour(now()) + interval '1 hour'
        and map_group_is_public(e.group_id) and ${insideAny('e.public_location', boxes)}
        and ${visibleContentSql('event', 'e.id')} and ${notBlockedSql('e.organizer_id', viewerId)}`);
  }
  if (viewerId !== null) {
    const privateGroups = sql`(select g.id from groups g join group_members gm on gm.group_id = g.id
      where g.visibility = 'private' and gm.user_id = ${viewerId}::bigint)`;
    if (kinds.includes('post')) {
      extras.push(sql`select 'post'::text, p.location, 1 from posts p
        where p.deleted_at is null and p.group_id in ${privateGroups} and ${insideAny('p.location', boxes)}
          and ${visibleContentSql('post', 'p.id')} and ${notBlockedSql('p.author_id', viewerId)}`);
    }
    if (kinds.includes('event')) {
      extras.push(sql`select 'event'::text, e.public_location, 1 from events e
        where e.status = 'scheduled' and e.ends_at > now() and e.group_id in ${privateGroups}
          and ${insideAny('e.public_location', boxes)}
          and ${visibleContentSql('event', 'e.id')} and ${notBlockedSql('e.organizer_id', viewerId)}`);
    }
    // The pyramid counts for everyone; what the viewer and others blocked between them is taken off.
    const blockedPeople = sql`(select b.blocked_id from blocks b where b.blocker_id = ${viewerId}::bigint
      union select b.blocker_id from blocks b where b.blocked_id = ${viewerId}::bigint)`;
    if (kinds.includes('post')) {
      extras.push(sql`select 'post'::text, p.location, -1 from posts p
        where p.author_id in ${blockedPeople} and p.deleted_at is null and map_group_is_public(p.group_id)
          and ${visibleContentSql('post', 'p.id')} and ${insideAny('p.location', boxes)}`);
    }
    if (kinds.includes('event')) {
      extras.push(sql`select 'event'::text, e.public_location, -1 from events e
        where e.organizer_id in ${blockedPeople} and e.status = 'scheduled' and map_hour(e.ends_at) > map_hour(now())
          and map_group_is_public(e.group_id) and ${visibleContentSql('event', 'e.id')}
          and ${insideAny('e.public_location', boxes)}`);
    }
  }
  const extraCounts =
    extras.length === 0
      ? sql``
      : sql`union all
        select x.kind, floor(map_u(x.location) * ${scale}::float8)::int, floor(map_v(x.location) * ${scale}::float8)::int,
               sum(x.delta)::int, sum(x.delta * map_u(x.location)), sum(x.delta * map_v(x.location))
        from (${sql.join(extras, sql` union all `)}) x
        group by 1, 2, 3`;
  const { rows } = await sql<CellCount>`
    select c.kind, c.cx, c.cy, sum(c.n)::int as n, sum(c.sx) as sx, sum(c.sy) as sy
    from (
      select m.kind, m.cx, m.cy, sum(m.n)::int as n, sum(m.sx) as sx, sum(m.sy) as sy
      from (${columns}) as view_column (cx)
      join map_cells m on m.level = ${grid.level}::int and m.cx = view_column.cx
        and m.cy between ${grid.rows[0]}::int and ${grid.rows[1]}::int
      where ${countedRows(kinds)}
      group by m.kind, m.cx, m.cy
      ${extraCounts}
    ) c
    group by c.kind, c.cx, c.cy
    having sum(c.n) > 0`.execute(db);
  return rows;
}

/**
 * For parent cells at `level`, whether their items occupy two or more cells at the `deeper`
 * level. `rowsOfColumn` lists, per column of the deeper level, the cy range under the parents:
 * one index probe per column, (level, cx) fixed and cy over those rows; a range over cx too would
 * read each column's cells over the whole height of the world. Columns are integers computed by
 * the caller, so they are written inline, and listed rather than generated in SQL so that the
 * planner knows how few they are.
 */
export async function findSplittingCells(
  db: Db,
  level: number,
  deeper: number,
  rowsOfColumn: Map<number, [number, number]>,
  kinds: ItemKind[],
): Promise<{ cx: number; cy: number; splits: boolean }[]> {
  const shift = 2 ** (deeper - level);
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
  return rows;
}

/**
 * Counts per cell and kind from the items themselves, for filtered views the pyramid cannot
 * count (it holds kinds, not place kinds or start times). `boxes` cover the grid's whole cells,
 * so a cell counts all its items as a pyramid cell would. Each row says how far its items spread,
 * which tells the zoom at which they split without asking deeper levels.
 */
export async function findFilteredCellCounts(
  db: Db,
  registry: ItemRegistry,
  boxes: Box[],
  level: number,
  kinds: ItemKind[],
  viewerId: number | null,
  filter: ItemFilter,
): Promise<CellCount[]> {
  const items = itemsInBoxes(db, registry, boxes, kinds, viewerId, filter);
  if (!items) return [];
  const scale = 2 ** level;
  const { rows } = await sql<{
    kind: ItemKind;
    cx: number;
    cy: number;
    n: number;
    sx: number;
    sy: number;
    min_u: number;
    max_u: number;
    min_v: number;
    max_v: number;
  }>`
    select x.kind, floor(x.u * ${scale}::float8)::int as cx, floor(x.v * ${scale}::float8)::int as cy,
      count(*)::int as n, sum(x.u) as sx, sum(x.v) as sy,
      min(x.u) as min_u, max(x.u) as max_u, min(x.v) as min_v, max(x.v) as max_v
    from (select i.kind, map_u(ST_SetSRID(ST_MakePoint(i.lng, i.lat), 4326)::geography) as u,
            map_v(ST_SetSRID(ST_MakePoint(i.lng, i.lat), 4326)::geography) as v
          from (${items}) i) x
    group by 1, 2, 3`.execute(db);
  return rows.map((row) => ({
    kind: row.kind,
    cx: row.cx,
    cy: row.cy,
    n: row.n,
    sx: row.sx,
    sy: row.sy,
    spread: { minU: row.min_u, maxU: row.max_u, minV: row.min_v, maxV: row.max_v },
  }));
}
