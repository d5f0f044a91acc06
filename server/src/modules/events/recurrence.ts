/**
 * Expanding a recurring meetup into its occurrences. Each occurrence keeps the first one's local
 * wall-clock time in the event's zone (a 19:00 game night stays at 19:00 across DST changes) and
 * its length in real time.
 */
import { invalidField } from '../../plugins/errors.js';
import type { RecurrenceFreq } from '../../db/tables/events.js';
import { wallTime, zonedToInstant, type WallTime } from './zoned-time.js';

export const MAX_OCCURRENCES = 52;
/** The longest gap between occurrences: every 12 weeks or every 12 months. */
export const MAX_INTERVAL = 12;

export interface Recurrence {
  freq: RecurrenceFreq;
  /** Every how many weeks or months; default 1. */
  interval?: number;
  count?: number;
  /** A date (YYYY-MM-DD, that whole local day included) or a date-time, inclusive. */
  until?: string;
}

export interface Occurrence {
  startsAt: Date;
  endsAt: Date;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The k-th (0-based) local start, `interval` weeks or months apart: weekly adds 7 days a step;
 * monthly keeps the day, or the month's last day.
 */
function nthStart(first: WallTime, freq: RecurrenceFreq, interval: number, step: number): WallTime {
  const k = step * interval;
  if (freq === 'weekly') return { ...first, day: first.day + 7 * k };
  const monthIndex = first.month - 1 + k;
  const year = first.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  return { ...first, year, month, day: Math.min(first.day, daysInMonth(year, month)) };
}

/** The last instant an occurrence may start at for `until`. */
function untilInstant(until: string, zone: string): number {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(until);
  if (!date) return Date.parse(until);
  const nextDay = {
    year: Number(date[1]),
    month: Number(date[2]),
    day: Number(date[3]) + 1,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
  };
  return zonedToInstant(nextDay, zone) - 1;
}

/** Every occurrence of the series, the given one first. Throws 400 naming the field at fault. */
export function expandRecurrence(first: Occurrence, zone: string, rule: Recurrence): Occurrence[] {
  if (rule.count !== undefined && rule.until !== undefined) {
    throw invalidField('recurrence.until', 'cannot be given together with recurrence.count', 'body');
  }
  if (rule.count === undefined && rule.until === undefined) {
    throw invalidField('recurrence.count', 'or recurrence.until is required', 'body');
  }
  const interval = rule.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL) {
    throw invalidField('recurrence.interval', `must be a whole number from 1 to ${MAX_INTERVAL}`, 'body');
  }
  const duration = first.endsAt.getTime() - first.startsAt.getTime();
  const local = wallTime(first.startsAt.getTime(), zone);
  const last = rule.until === undefined ? Number.POSITIVE_INFINITY : untilInstant(rule.until, zone);
  if (last < first.startsAt.getTime()) throw invalidField('recurrence.until', 'must not be before startsAt', 'body');
  const wanted = rule.count ?? MAX_OCCURRENCES + 1;

  const occurrences: Occurrence[] = [];
  for (let k = 0; k < wanted; k++) {
    const start = k === 0 ? first.startsAt.getTime() : zonedToInstant(nthStart(local, rule.freq, interval, k), zone);
    if (start > last) break;
    occurrences.push({ startsAt: new Date(start), endsAt: new Date(start + duration) });
  }
  if (occurrences.length > MAX_OCCURRENCES) {
    throw rule.count === undefined
      ? invalidField(
          'recurrence.until',
          `gives more than ${MAX_OCCURRENCES} occurrences; choose an earlier date`,
          'body',
        )
      : invalidField('recurrence.count', `must be at most ${MAX_OCCURRENCES}`, 'body');
  }
  return occurrences;
}
