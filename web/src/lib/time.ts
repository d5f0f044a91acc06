/**
 * Wall-clock times in a named time zone. A meetup is planned in its own zone ("19:00 in
 * Europe/Berlin"), whatever zone the organiser's browser is in, so the form's local date and time
 * are turned into an instant with that zone's offset, daylight saving included.
 */

/** The browser's own zone, e.g. "Europe/Berlin"; UTC when it cannot tell. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Every zone the browser knows, for choosing one; at least the given ones. */
export function timeZoneChoices(include: string[] = []): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    zones = [];
  }
  const all = new Set([...zones, ...include.filter(Boolean)]);
  if (all.size === 0) all.add('UTC');
  return [...all].sort();
}

export function isTimeZone(zone: string): boolean {
  try {
    wallClock(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * One formatter per zone, made on first use: every meetup in a list has its time written through
 * these, and making a formatter costs far more than using one (see format.ts).
 */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

function wallClock(timeZone: string): Intl.DateTimeFormat {
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  return format;
}

/** Minutes the zone is ahead of UTC at an instant: 60 for Berlin in winter, −300 for New York. */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const parts = wallClock(timeZone).formatToParts(new Date(instant));
  const value = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const wall = Date.UTC(
    value('year'),
    value('month') - 1,
    value('day'),
    value('hour'),
    value('minute'),
    value('second'),
  );
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((wall - whole) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function pad(value: number, length = 2): string {
  return String(Math.abs(value)).padStart(length, '0');
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/**
 * "2026-12-01T19:00" in "Europe/Berlin" → "2026-12-01T19:00:00+01:00". A time skipped by a
 * daylight-saving jump moves forward by the jump, as clocks do; a repeated one takes the first.
 * Null for anything that is not a date and time.
 */
export function zonedToIso(local: string, timeZone: string): string | null {
  const match = LOCAL.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second ?? 0);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month! - 1 || check.getUTCDate() !== day! || hour! > 23 || minute! > 59) return null;
  // The zone's offsets a day either side cover any change of offset near this wall time; an
  // offset fits when the instant it gives reads as this wall time again.
  const DAY = 86_400_000;
  const offsets = [...new Set([-DAY, 0, DAY].map((shift) => zoneOffsetMinutes(wall + shift, timeZone)))];
  const fitting = offsets.filter((candidate) => zoneOffsetMinutes(wall - candidate * 60_000, timeZone) === candidate);
  // Twice that wall time (clocks going back): the first, i.e. the larger offset. Never (clocks
  // going forward): the offset from before the jump, which lands as far past it as the gap.
  const offset = fitting.length > 0 ? Math.max(...fitting) : zoneOffsetMinutes(wall - DAY, timeZone);
  const instant = wall - offset * 60_000;
  return `${isoWall(instant, timeZone)}${offsetText(zoneOffsetMinutes(instant, timeZone))}`;
}

/** The wall-clock reading of an instant in a zone, "YYYY-MM-DDTHH:mm:ss". */
function isoWall(instant: number, timeZone: string): string {
  const shifted = new Date(instant + zoneOffsetMinutes(instant, timeZone) * 60_000);
  return (
    `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}` +
    `T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}:${pad(shifted.getUTCSeconds())}`
  );
}

/** An instant as the value of a datetime-local field in a zone: "2026-12-01T19:00". */
export function isoToLocalInput(instant: number, timeZone: string): string {
  return isoWall(instant, timeZone).slice(0, 16);
}

/** A datetime-local value moved by some minutes, on the wall clock: "…T19:00" + 120 → "…T21:00". */
export function addMinutesToLocal(local: string, minutes: number): string | null {
  const match = LOCAL.exec(local.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map((part) => Number(part ?? 0)) as number[];
  const moved = new Date(Date.UTC(year!, month! - 1, day!, hour!, minute! + minutes));
  return (
    `${pad(moved.getUTCFullYear(), 4)}-${pad(moved.getUTCMonth() + 1)}-${pad(moved.getUTCDate())}` +
    `T${pad(moved.getUTCHours())}:${pad(moved.getUTCMinutes())}`
  );
}
