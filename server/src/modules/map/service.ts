/**
 * What is inside a map viewport. Few items come back one by one. Many come back as clusters:
 * cells of a quadtree over the Web Mercator square, about 64 screen pixels wide, read from the
 * count pyramid that triggers keep up to date. Reading a few hundred pre-counted cells costs the
 * same for a village or a whole metro, so the answer stays small (≤ MAX_FEATURES) and fast
 * however many items the view holds.
 *
 * Clusters are whole cells: a cell at the edge of the view counts the items of the whole cell.
 *
 * Items sent one by one whose markers would overlap at this zoom are grouped too (overlap.ts), so
 * a view of a few dozen items close together is a group to click, not a blob of markers.
 *
 * A filtered view (a place kind, meetups this week, meetups that need players) is counted from
 * its items, which pass the same visibility rules as everywhere else: the pyramid counts kinds only.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { ItemKind } from '../../geo/schemas.js';
import { latOfV, lngOfU, uOf, vOf } from '../../geo/mercator.js';
import { filtersSet, kindsPassing } from '../../items/item-filter.js';
import type { ItemFilter } from '../../items/item-source.js';
import type { ItemRegistry } from '../../items/registry.js';
import { invalidField } from '../../plugins/errors.js';
import { centreOf, groupOverlapping, splitZoom } from './overlap.js';
import {
  findCellCounts,
  findFilteredCellCounts,
  findItemsInBoxes,
  findSplittingCells,
  type Box,
  type CellCount,
  type GridCells,
  type ItemRow,
  type Spread,
} from './queries.js';
import { MAX_ZOOM } from './schemas.js';

export type { ItemRow };

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

/** The view; minLng > maxLng means it crosses the antimeridian. */
export type Bbox = Box;

export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  counts: Partial<Record<ItemKind, number>>;
  expansionZoom: number;
  single: ItemRow | null;
}

/** Items sent one by one, except those whose markers would overlap: those come as clusters. */
export type MapAnswer =
  { clustered: false; total: number; cells: Cluster[] } | { clustered: true; total: number; cells: Cluster[] };

/** `bbox=minLng,minLat,maxLng,maxLat`, checked; a 400 naming `bbox` otherwise. */
export function parseBbox(raw: string): Bbox {
  const parts = raw.split(',').map((part) => part.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 4 || parts.some((part) => part === '') || numbers.some((n) => !Number.isFinite(n))) {
    throw invalidField('bbox', 'must be four numbers: minLng,minLat,maxLng,maxLat');
  }
  const [minLng, minLat, maxLng, maxLat] = numbers as [number, number, number, number];
  if ([minLng, maxLng].some((lng) => lng < -180 || lng > 180))
    throw invalidField('bbox', 'longitudes must be within [-180, 180]');
  if ([minLat, maxLat].some((lat) => lat < -90 || lat > 90))
    throw invalidField('bbox', 'latitudes must be within [-90, 90]');
  if (minLat > maxLat) throw invalidField('bbox', 'minLat must not be greater than maxLat');
  return { minLng, minLat, maxLng, maxLat };
}

/** Lat/lng rectangles to test against; a view across the antimeridian is two of them. */
function viewBoxes(bbox: Bbox): Box[] {
  return bbox.minLng <= bbox.maxLng
    ? [bbox]
    : [
        { ...bbox, maxLng: 180 },
        { ...bbox, minLng: -180 },
      ];
}

export async function itemsForView(
  db: Kysely<Database>,
  registry: ItemRegistry,
  bbox: Bbox,
  zoom: number,
  kinds: ItemKind[],
  viewerId: number | null,
  filter: ItemFilter = {},
): Promise<MapAnswer> {
  const listed = kindsPassing(registry, kinds, filter);
  if (listed.length === 0) return { clustered: false, total: 0, cells: [] };
  const filtered = filtersSet(filter).length > 0 ? filter : undefined;
  const boxes = viewBoxes(bbox);
  const grid = gridFor(bbox, zoom);
  const counts = filtered
    ? await findFilteredCellCounts(db, registry, gridBoxes(grid), grid.level, listed, viewerId, filtered)
    : await findCellCounts(db, boxes, grid, listed, viewerId);
  // Cells wholly inside the view count only items in it: past the limit, the view is clustered
  // without reading its items one by one.
  if (countInside(counts, grid) <= INDIVIDUAL_LIMIT) {
    const items = await findItemsInBoxes(db, registry, boxes, listed, viewerId, filtered, INDIVIDUAL_LIMIT + 1);
    if (items.length <= INDIVIDUAL_LIMIT)
      return { clustered: false, total: items.length, cells: groupItems(items, zoom) };
  }
  return { clustered: true, ...(await clusterView(db, registry, grid, counts, zoom, listed, viewerId, filtered)) };
}

/** Items one by one, except those whose markers would overlap at this zoom: those as groups. */
function groupItems(items: ItemRow[], zoom: number): Cluster[] {
  const placed = items.map((item) => ({ u: uOf(item.lng), v: vOf(item.lat) }));
  return groupOverlapping(placed, zoom).flatMap((indices): Cluster[] => {
    const members = indices.map((index) => items[index]!);
    const at = indices.map((index) => placed[index]!);
    const splits = members.length > 1 ? splitZoom(at, zoom) : null;
    // One item, or items too close to split by the deepest zoom: single markers.
    if (splits === null) {
      return members.map((item) => ({
        lat: item.lat,
        lng: item.lng,
        count: 1,
        counts: {},
        expansionZoom: zoom,
        single: item,
      }));
    }
    const centre = centreOf(at);
    const counts: Partial<Record<ItemKind, number>> = {};
    for (const item of members) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    return [
      {
        lat: latOfV(centre.v),
        lng: lngOfU(centre.u),
        count: members.length,
        counts,
        expansionZoom: splits,
        single: null,
      },
    ];
  });
}

/** The grid's whole cells as lat/lng rectangles, so that counting items in them counts whole cells. */
function gridBoxes(grid: GridCells): Box[] {
  const scale = 2 ** grid.level;
  return grid.columns.map(([from, to]) => ({
    minLng: lngOfU(from / scale),
    maxLng: lngOfU((to + 1) / scale),
    minLat: latOfV((grid.rows[1] + 1) / scale),
    maxLat: latOfV(grid.rows[0] / scale),
  }));
}

/** The first level below `level` at which items spread this far occupy two or more cells. */
function splitLevel(spread: Spread, level: number): number | null {
  for (let deeper = level + 1; deeper <= MAX_LEVEL; deeper++) {
    const scale = 2 ** deeper;
    const apart = (min: number, max: number) => Math.floor(min * scale) !== Math.floor(max * scale);
    if (apart(spread.minU, spread.maxU) || apart(spread.minV, spread.maxV)) return deeper;
  }
  return null;
}

/** Items counted in cells that do not touch the view's edges (the grid's inner columns and rows). */
function countInside(counts: CellCount[], grid: GridCells): number {
  const inner = (value: number, [from, to]: [number, number]) => value > from && value < to;
  return counts
    .filter((row) => grid.columns.some((range) => inner(row.cx, range)) && inner(row.cy, grid.rows))
    .reduce((sum, row) => sum + row.n, 0);
}

/** The coarsest cells that are still at most ~64 px wide, and at least 1/20 of the view. */
function gridFor(bbox: Bbox, zoom: number): GridCells {
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
    const rowsOfColumn = new Map<number, [number, number]>();
    for (const p of open) {
      for (let cx = p.cx * shift; cx < (p.cx + 1) * shift; cx++) {
        const [from, to] = rowsOfColumn.get(cx) ?? [Infinity, -Infinity];
        rowsOfColumn.set(cx, [Math.min(from, p.cy * shift), Math.max(to, (p.cy + 1) * shift - 1)]);
      }
    }
    const rows = await findSplittingCells(db, level, deeper, rowsOfColumn, kinds);
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
  registry: ItemRegistry,
  grid: GridCells,
  counts: CellCount[],
  zoom: number,
  kinds: ItemKind[],
  viewerId: number | null,
  filter: ItemFilter | undefined,
): Promise<{ total: number; cells: Cluster[] }> {
  const scale = 2 ** grid.level;
  const byCell = new Map<
    string,
    {
      cx: number;
      cy: number;
      count: number;
      counts: Partial<Record<ItemKind, number>>;
      sx: number;
      sy: number;
      spread?: Spread;
    }
  >();
  for (const row of counts) {
    const key = `${row.cx}:${row.cy}`;
    const cell = byCell.get(key) ?? { cx: row.cx, cy: row.cy, count: 0, counts: {}, sx: 0, sy: 0 };
    cell.count += row.n;
    cell.counts[row.kind] = (cell.counts[row.kind] ?? 0) + row.n;
    cell.sx += row.sx;
    cell.sy += row.sy;
    if (row.spread) {
      const was = cell.spread ?? row.spread;
      cell.spread = {
        minU: Math.min(was.minU, row.spread.minU),
        maxU: Math.max(was.maxU, row.spread.maxU),
        minV: Math.min(was.minV, row.spread.minV),
        maxV: Math.max(was.maxV, row.spread.maxV),
      };
    }
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
    const found = await findItemsInBoxes(db, registry, boxes, kinds, viewerId, filter);
    const perCell = new Map<string, ItemRow[]>();
    for (const item of found) {
      const key = `${Math.floor(uOf(item.lng) * scale)}:${Math.floor(vOf(item.lat) * scale)}`;
      perCell.set(key, [...(perCell.get(key) ?? []), item]);
    }
    for (const [key, items] of perCell) if (items.length === 1) singles.set(key, items[0]!);
  }

  const crowded = shown.filter((cell) => cell.count > 1);
  let splits = new Map<string, number>();
  if (filter) {
    // Counted from the items: their spread tells where they split, without another query.
    for (const cell of crowded) {
      const level = cell.spread ? splitLevel(cell.spread, grid.level) : null;
      if (level !== null) splits.set(`${cell.cx}:${cell.cy}`, level - LEVELS_BELOW_ZOOM);
    }
  } else if (crowded.length > 0) {
    splits = await splitZooms(db, grid.level, crowded, kinds);
  }
  const markers = shown.map((cell): Cluster => {
    const key = `${cell.cx}:${cell.cy}`;
    return {
      lat: latOfV(cell.sy / cell.count),
      lng: lngOfU(cell.sx / cell.count),
      count: cell.count,
      counts: cell.counts,
      expansionZoom: Math.min(MAX_ZOOM, Math.max(zoom + 1, splits.get(key) ?? MAX_ZOOM)),
      single: singles.get(key) ?? null,
    };
  });
  return { total, cells: mergeOverlapping(markers, zoom) };
}

/**
 * Cells' markers that would overlap (centres of neighbouring cells can lie close to their common
 * edge) merged into one cluster at their weighted centre, which splits a zoom level deeper.
 */
function mergeOverlapping(markers: Cluster[], zoom: number): Cluster[] {
  const placed = markers.map((marker) => ({ u: uOf(marker.lng), v: vOf(marker.lat), weight: marker.count }));
  return groupOverlapping(placed, zoom).map((indices) => {
    if (indices.length === 1) return markers[indices[0]!]!;
    const parts = indices.map((index) => markers[index]!);
    const counts: Partial<Record<ItemKind, number>> = {};
    for (const part of parts) {
      for (const [kind, n] of Object.entries(part.counts) as [ItemKind, number][])
        counts[kind] = (counts[kind] ?? 0) + n;
    }
    const centre = centreOf(indices.map((index) => placed[index]!));
    return {
      lat: latOfV(centre.v),
      lng: lngOfU(centre.u),
      count: parts.reduce((sum, part) => sum + part.count, 0),
      counts,
      expansionZoom: Math.min(MAX_ZOOM, zoom + 1),
      single: null,
    };
  });
}
