/**
 * Markers that would overlap on screen are sent as one group, at every zoom: a view of a few
 * dozen items can still be a blob of markers on top of one another. Positions are Web Mercator
 * (u, v) in [0, 1); at zoom z the world is 256 · 2^z pixels wide, so "closer than OVERLAP_PIXELS"
 * is a distance in u, v that halves with each zoom level.
 */

/** Markers are 28 px wide; centres closer than this would cover one another. */
export const OVERLAP_PIXELS = 32;
/**
 * Groups are formed only while zooming in can still split them by this zoom (the deepest most
 * tile servers draw). Items closer than that stay single markers; the web map spreads the ones
 * that share a point.
 */
export const LAST_SPLIT_ZOOM = 18;

export interface Placed {
  u: number;
  v: number;
  /** How many items the point stands for (a cell of the grid); 1 when absent. */
  weight?: number;
}

interface Group {
  members: number[];
  u: number;
  v: number;
  weight: number;
}

/** The east-west distance, the short way round: a view may cross the antimeridian. */
function deltaU(from: number, to: number): number {
  const d = to - from;
  return d > 0.5 ? d - 1 : d < -0.5 ? d + 1 : d;
}

/**
 * Indices of the points grouped so that no two groups' centres are closer than OVERLAP_PIXELS at
 * `zoom`: each point joins the first group near it, and groups that end up near each other merge,
 * until none are. Points come in a stable order (kind, then id), so a view panned a little groups
 * the same way.
 */
export function groupOverlapping(points: readonly Placed[], zoom: number): number[][] {
  const reach = OVERLAP_PIXELS / (256 * 2 ** zoom);
  const near = (a: Group, b: Group) => Math.hypot(deltaU(a.u, b.u), b.v - a.v) < reach;
  const groups: Group[] = [];
  for (const [index, point] of points.entries()) {
    groups.push({ members: [index], u: point.u, v: point.v, weight: point.weight ?? 1 });
  }
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const a = groups[i]!;
        const b = groups[j]!;
        if (!near(a, b)) continue;
        const total = a.weight + b.weight;
        // The centre of all members, measured from a's centre so a group across the antimeridian stays whole.
        const u = a.u + (deltaU(a.u, b.u) * b.weight) / total;
        a.u = u < 0 ? u + 1 : u >= 1 ? u - 1 : u;
        a.v = (a.v * a.weight + b.v * b.weight) / total;
        a.weight = total;
        a.members.push(...b.members);
        groups.splice(j, 1);
        j = i;
        merged = true;
      }
    }
  }
  return groups.map((group) => group.members.sort((a, b) => a - b));
}

/**
 * The zoom at which a group made at `zoom` splits into smaller groups or single markers, or null
 * when it would not split by LAST_SPLIT_ZOOM.
 */
export function splitZoom(members: readonly Placed[], zoom: number): number | null {
  for (let deeper = zoom + 1; deeper <= LAST_SPLIT_ZOOM; deeper++) {
    if (groupOverlapping(members, deeper).length > 1) return deeper;
  }
  return null;
}

/** The centre of points by their weights, taken the short way round the antimeridian. */
export function centreOf(points: readonly Placed[]): Placed {
  const first = points[0]!;
  let du = 0;
  let v = 0;
  let total = 0;
  for (const point of points) {
    const weight = point.weight ?? 1;
    du += deltaU(first.u, point.u) * weight;
    v += point.v * weight;
    total += weight;
  }
  const u = first.u + du / total;
  return { u: u < 0 ? u + 1 : u >= 1 ? u - 1 : u, v: v / total };
}
