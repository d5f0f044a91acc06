/** What people are told by default, how their stored choices read, and how long emails wait to gather a burst. */
import type { NotificationSettingsBody } from './schemas.js';
import { NOTIFICATION_KINDS, SAFETY_KINDS, type NotificationKind } from './schemas.js';

/** Everything in the app, except meetups near home, which someone has to ask for (a radius). */
export const DEFAULT_IN_APP: readonly NotificationKind[] = NOTIFICATION_KINDS;

/**
 * By email, by default, only what changes someone's plans: a seat, a change, a cancellation, an
 * answer to their request; and a moderator's decision about what they wrote. Replies, reminders,
 * new meetups and the outcome of one's reports stay in the app unless asked for.
 */
export const DEFAULT_EMAIL: readonly NotificationKind[] = [
  'waitlist_promoted',
  'event_changed',
  'event_cancelled',
  'join_approved',
  'join_declined',
  'moderation_action',
];

/**
 * Emails of kinds that collapse wait a few minutes, so that a burst (five replies in a minute)
 * becomes one email that says so instead of five.
 */
export const EMAIL_DELAY_SECONDS: Readonly<Record<NotificationKind, number>> = {
  waitlist_promoted: 0,
  event_changed: 60,
  event_cancelled: 0,
  reminder: 0,
  reply: 300,
  join_request: 300,
  join_approved: 0,
  join_declined: 0,
  group_event: 300,
  nearby_event: 300,
  moderation_action: 0,
  report_outcome: 0,
};

/** A person's stored choices (a settings row, or none) with the defaults filled in. */
export function settingsFromRow(row: {
  in_app: string[] | null;
  email: string[] | null;
  reminder_day_before: boolean | null;
  reminder_two_hours: boolean | null;
  nearby_radius: number | null;
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string | null;
}): NotificationSettingsBody {
  // Safety notices are always shown in the app (SAFETY_KINDS); only their email is a choice.
  const inApp = new Set<string>([...(row.in_app ?? DEFAULT_IN_APP), ...SAFETY_KINDS]);
  const email = new Set<string>(row.email ?? DEFAULT_EMAIL);
  return {
    kinds: Object.fromEntries(
      NOTIFICATION_KINDS.map((kind) => [kind, { inApp: inApp.has(kind), email: email.has(kind) }]),
    ) as NotificationSettingsBody['kinds'],
    reminders: { dayBefore: row.reminder_day_before ?? true, twoHoursBefore: row.reminder_two_hours ?? true },
    nearbyRadius: row.nearby_radius,
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    timeZone: row.time_zone ?? 'UTC',
  };
}
