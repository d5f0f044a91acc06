/**
 * The one formula that orders the local feed, and the words that explain it. The SQL in
 * queries.ts computes each factor from these constants; `explain` only formats the numbers the
 * database returned, so an item's explanation is always the arithmetic that placed it.
 *
 * Nothing measuring popularity (comments, RSVPs, members, views) takes part, by design.
 */

/** Distance at which the distance factor falls to 1/e (≈ 0.37). */
export const DISTANCE_SCALE_METERS = 2000;
/** Age (or, for an event, time until it starts) at which the time factor falls to 1/e: 3 days. */
export const AGE_SCALE_HOURS = 72;
/** Multiplier for items in a group the reader belongs to. */
export const GROUP_BOOST = 1.5;
/**
 * Ages are counted up to this many hours (~5 years) so the time factor stays a normal
 * double-precision number that the database can multiply without underflow.
 */
export const MAX_AGE_HOURS = 600 * AGE_SCALE_HOURS;

export const FEED_PAGE_SIZE = 20;
export const MAX_FEED_RADIUS_METERS = 50_000;
export const DEFAULT_FEED_RADIUS_METERS = 5_000;

export const FORMULA_TEXT =
  `score = exp(−distance / ${DISTANCE_SCALE_METERS} m) · exp(−age / ${AGE_SCALE_HOURS} h) · ` +
  `(${GROUP_BOOST} if you belong to the item’s group, else 1). ` +
  `For a post, age is the time since it was posted; for an event, the time until it starts ` +
  `(0 once it has started and until it ends). Ages count at most ${MAX_AGE_HOURS} hours. ` +
  `Nothing else counts: no comment, RSVP, member or view counts.`;

export interface ScoredRow {
  kind: 'post' | 'event';
  distance: number;
  /** Hours since posting (posts) or until the start (events), as used by the time factor. */
  hours: number;
  distance_effect: number;
  age_effect: number;
  member_effect: number;
  score: number;
  group_name: string | null;
  is_member: boolean;
}

export interface Factor {
  name: 'distance' | 'age' | 'startsIn' | 'groupMember';
  value: number | string;
  effect: number;
}

export interface Why {
  score: number;
  factors: Factor[];
  text: string;
}

/** "570 m away", "1.2 km away", "14 km away": rounded first, so 995 m reads 1.0 km, not 1000 m. */
export function formatDistance(meters: number): string {
  const metres = Math.round(meters / 10) * 10;
  if (metres < 1000) return `${metres} m away`;
  const tenths = Math.round(meters / 100) / 10;
  return `${tenths < 10 ? tenths.toFixed(1) : Math.round(meters / 1000)} km away`;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** "3 hours", "2 days": whole units, hours up to two days. */
export function formatHours(hours: number): string {
  const minutes = Math.max(1, Math.round(hours * 60));
  if (minutes < 60) return plural(minutes, 'minute');
  const whole = Math.round(hours);
  if (whole < 48) return plural(whole, 'hour');
  return plural(Math.round(hours / 24), 'day');
}

export function explain(row: ScoredRow): Why {
  const factors: Factor[] = [{ name: 'distance', value: row.distance, effect: row.distance_effect }];
  const parts = [formatDistance(row.distance)];
  if (row.kind === 'post') {
    factors.push({ name: 'age', value: row.hours, effect: row.age_effect });
    parts.push(row.hours < 1 / 60 ? 'posted just now' : `posted ${formatHours(row.hours)} ago`);
  } else {
    factors.push({ name: 'startsIn', value: row.hours, effect: row.age_effect });
    parts.push(row.hours === 0 ? 'happening now' : `starts in ${formatHours(row.hours)}`);
  }
  if (row.is_member && row.group_name !== null) {
    factors.push({ name: 'groupMember', value: row.group_name, effect: row.member_effect });
    parts.push(`in your group ${row.group_name}`);
  }
  return { score: row.score, factors, text: parts.join(' · ') };
}
