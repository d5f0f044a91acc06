/**
 * Wall-clock time in IANA time zones, with the platform's Intl (Node ships full ICU), so no date
 * library is needed: validating a zone, reading the local time of an instant, finding the instant
 * of a local time, and writing an instant with the zone's offset.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, format);
  }
  return format;
}

/**
 * The zone's canonical IANA name ("europe/berlin" → "Europe/Berlin"), or null when Intl does not
 * know it. Bare UTC offsets are refused: they have no DST rules to keep a recurrence local.
 */
export function canonicalTimeZone(name: string): string | null {
  try {
    const zone = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
    return /^[A-Za-z]/.test(zone) ? zone : null;
  } catch {
    return null;
  }
}

export function wallTime(instant: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
    millisecond: ((instant % 1000) + 1000) % 1000,
  };
}

/** The wall time read as UTC. Not Date.UTC, which takes the years 0 to 99 for 1900 to 1999. */
function asUtc(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** Milliseconds the zone is ahead of UTC at this instant (+3 600 000 for Berlin in winter). */
export function offsetAt(instant: number, zone: string): number {
  return asUtc(wallTime(instant, zone)) - instant;
}

/**
 * The instant at which clocks in `zone` show `wall`. Fields may overflow (day 35, month 14) and
 * are carried as Date.UTC does. A time skipped by a DST jump lands an hour later; a time that
 * happens twice takes the first (summer-time) one.
 */
export function zonedToInstant(wall: WallTime, zone: string): number {
  const local = asUtc(wall);
  // Zones change their offset at most once within a day, so the offsets a day before and a day
  // after are the only candidates.
  const before = offsetAt(local - DAY, zone);
  const after = offsetAt(local + DAY, zone);
  const valid = [before, after]
    .map((offset) => local - offset)
    .filter((instant) => local - offsetAt(instant, zone) === instant);
  return valid.length > 0 ? Math.min(...valid) : local - before;
}

const DAY = 86_400_000;

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** ISO 8601 with the zone's offset at that instant, e.g. 2026-12-01T19:00:00+01:00. */
export function formatInZone(instant: Date, zone: string): string {
  const time = instant.getTime();
  const wall = wallTime(time, zone);
  const offsetMinutes = Math.round(offsetAt(time, zone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const fraction = wall.millisecond === 0 ? '' : `.${pad(wall.millisecond, 3)}`;
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${fraction}${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  );
}
