/**
 * Quiet hours and the one exception to them: pure rules, unit-tested
 * (tests/unit/notification-settings.test.ts).
 */
import { wallTime, zonedToInstant } from '../events/index.js';
import type { NotificationKind } from './schemas.js';

export interface QuietHours {
  /** Minutes after local midnight. */
  start: number;
  end: number;
  timeZone: string;
}

/** "22:00" or "22:00:00" → minutes after midnight. */
export function minutesOf(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return hours! * 60 + minutes!;
}

/** Minutes after midnight → "HH:MM". */
export function clockOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * When an email may go out: `now` outside quiet hours, else the end of them (in the person's
 * zone, which may span midnight: 22:00–07:00). Equal start and end mean no quiet hours.
 */
export function sendableAt(now: Date, quiet: QuietHours | null): Date {
  if (!quiet || quiet.start === quiet.end) return now;
  const local = wallTime(now.getTime(), quiet.timeZone);
  const minute = local.hour * 60 + local.minute;
  const inside =
    quiet.start < quiet.end ? minute >= quiet.start && minute < quiet.end : minute >= quiet.start || minute < quiet.end;
  if (!inside) return now;
  // The end is today when it is still ahead on the clock, else tomorrow (days overflow as in Date.UTC).
  const day = local.day + (minute < quiet.end ? 0 : 1);
  const end = { ...local, day, hour: Math.floor(quiet.end / 60), minute: quiet.end % 60, second: 0, millisecond: 0 };
  return new Date(zonedToInstant(end, quiet.timeZone));
}

/** A cancellation less than a day ahead is sent even in quiet hours: waiting would make it useless. */
export function isUrgent(kind: NotificationKind, startsAt: Date | null, now: Date): boolean {
  return kind === 'event_cancelled' && startsAt !== null && startsAt.getTime() - now.getTime() < 24 * 3600_000;
}
