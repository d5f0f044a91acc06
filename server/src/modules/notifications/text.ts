/**
 * What a notification says, made when it is read from what was stored when it was written: the
 * same words in the inbox, on the stream and in emails. Pure; unit-tested
 * (tests/unit/notification-text.test.ts).
 */
import type { NotificationKind, NotificationSubjectType } from '../../db/tables/notifications.js';

/** A notification as stored, with its actor's current name. */
export interface StoredNotification {
  id: number;
  kind: NotificationKind;
  subject_type: NotificationSubjectType;
  event_id: number | null;
  post_id: number | null;
  group_id: number | null;
  /** Set for safety notices (subject_type 'moderation'). */
  moderation_action_id?: number | null;
  data: Record<string, unknown>;
  count: number;
  actor_name: string | null;
}

export interface Change {
  from: unknown;
  to: unknown;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** "Sat 12 Dec, 19:00" on the meetup's own clock: where it happens is where its time is read. */
export function formatWhen(iso: unknown, zone: unknown): string {
  if (typeof iso !== 'string') return 'an unknown time';
  const timeZone = typeof zone === 'string' ? zone : 'UTC';
  let format = formats.get(timeZone);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      return iso;
    }
    formats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
  return `${parts.weekday} ${parts.day} ${parts.month}, ${parts.hour}:${parts.minute}`;
}

const quoted = (value: unknown) => `“${typeof value === 'string' ? value : 'a meetup'}”`;
const named = (value: unknown, fallback: string) => (typeof value === 'string' && value !== '' ? value : fallback);

function seats(value: unknown): string {
  return typeof value === 'number' ? `${value}` : 'no limit';
}

/** "time Sat 12 Dec, 19:00 → Sun 13 Dec, 18:00; place Café Kotti → Lokal". */
function describeChanges(changes: Record<string, Change>, zone: unknown): string {
  const parts: string[] = [];
  const time = changes.time;
  if (time && time.from !== time.to) parts.push(`time ${formatWhen(time.from, zone)} → ${formatWhen(time.to, zone)}`);
  const place = changes.place;
  if (place && place.from !== place.to) parts.push(`place ${named(place.from, '?')} → ${named(place.to, '?')}`);
  const capacity = changes.capacity;
  if (capacity && capacity.from !== capacity.to) parts.push(`seats ${seats(capacity.from)} → ${seats(capacity.to)}`);
  return parts.join('; ');
}

/** "your post “Dice”", "your comment", "your account": what a safety notice is about. */
function yours(d: Record<string, unknown>): string {
  const what =
    d.subjectType === 'event'
      ? 'meetup'
      : d.subjectType === 'user'
        ? 'account'
        : typeof d.subjectType === 'string'
          ? d.subjectType
          : 'content';
  return typeof d.title === 'string' && d.title !== '' ? `your ${what} “${d.title}”` : `your ${what}`;
}

/** "a comment", "a meetup", "an account": what a report was about. */
function reported(type: unknown): string {
  if (type === 'event') return 'a meetup';
  if (type === 'user') return 'a person';
  return typeof type === 'string' ? `a ${type}` : 'something';
}

/** " until Sat 12 Dec, 19:00" or " indefinitely". */
function untilText(until: unknown): string {
  return typeof until === 'string' ? ` until ${formatWhen(until, 'UTC')} (UTC)` : ' indefinitely';
}

/** What a moderator did to something of yours, and why: a safety notice. */
function moderationText(d: Record<string, unknown>): string {
  const who = named(d.actedAs, 'a moderator');
  const Who = who.charAt(0).toUpperCase() + who.slice(1);
  const why = ` Reason: ${named(d.reason, 'none given')}`;
  const group = named(d.group, 'the group');
  switch (d.action) {
    case 'remove':
      return `${Who} removed ${yours(d)}: it shows as “removed by moderators” with the reason.${why}`;
    case 'restore':
      return d.was === 'held'
        ? `${Who} published ${yours(d)}, which was held for review.${why}`
        : `${Who} restored ${yours(d)}: everyone sees it again.${why}`;
    case 'lock':
      return `${Who} locked the discussion of ${yours(d)}: it takes no new comments.${why}`;
    case 'unlock':
      return `${Who} reopened the discussion of ${yours(d)}.${why}`;
    case 'ban_from_group':
      return `${Who} banned you from ${group}${untilText(d.until)}: you cannot post, comment or plan meetups there.${why}`;
    case 'suspend':
      return `${Who} suspended your account${untilText(d.until)}: you can sign in, read and export your data, but not write.${why}`;
    case 'warn':
      return `${Who} warned you about ${yours(d)}.${why}`;
    default:
      return `${Who} acted on ${yours(d)}.${why}`;
  }
}

/** What came of a report, in a few words. */
const OUTCOMES: Record<string, string> = {
  remove: 'removed',
  dismiss: 'no action',
  lock: 'its discussion was locked',
  ban_from_group: 'its author was banned from the group',
  suspend: 'the account was suspended',
  warn: 'its author was warned',
};

export function notificationText(row: StoredNotification): string {
  const d = row.data;
  const actor = named(row.actor_name, 'Someone');
  const when = formatWhen(d.startsAt, d.timeZone);
  const n = row.count;
  switch (row.kind) {
    case 'waitlist_promoted':
      return `You have a seat at ${quoted(d.title)} (${when}): a place came free and you were next on the waitlist.`;
    case 'event_changed': {
      const changes = describeChanges((d.changes ?? {}) as Record<string, Change>, d.timeZone);
      return changes ? `${quoted(d.title)} changed: ${changes}.` : `${quoted(d.title)} changed, and then changed back.`;
    }
    case 'event_cancelled':
      return d.reason === 'not_enough_players'
        ? `${quoted(d.title)} (${when}) was cancelled: not enough players by the deadline.`
        : `${quoted(d.title)} (${when}) was cancelled.`;
    case 'reminder':
      return d.which === 'day'
        ? `Tomorrow: ${quoted(d.title)} at ${when}.`
        : `In two hours: ${quoted(d.title)} at ${when}.`;
    case 'reply':
      return n === 1
        ? `${actor} replied to your ${d.target === 'comment' ? 'comment' : d.target === 'event' ? 'meetup' : 'post'} on ${quoted(d.title)}.`
        : `${n} new replies on ${quoted(d.title)}, the latest from ${actor}.`;
    case 'join_request':
      return n === 1
        ? `${actor} asked to join ${named(d.group, 'your group')}.`
        : `${n} people asked to join ${named(d.group, 'your group')}, the latest ${actor}.`;
    case 'join_approved':
      return `You are now a member of ${named(d.group, 'the group')}: your request was approved.`;
    case 'join_declined':
      return `Your request to join ${named(d.group, 'the group')} was declined.`;
    case 'group_event':
      return n === 1
        ? `${named(d.group, 'Your group')} planned ${quoted(d.title)} (${when}).`
        : `${named(d.group, 'Your group')} planned ${n} new meetups, the latest ${quoted(d.title)} (${when}).`;
    case 'nearby_event':
      return n === 1
        ? `A new meetup near you: ${quoted(d.title)} (${when}).`
        : `${n} new meetups near you, the latest ${quoted(d.title)} (${when}).`;
    case 'moderation_action':
      return moderationText(d);
    case 'report_outcome':
      return `Your report about ${reported(d.subjectType)} was reviewed: ${OUTCOMES[String(d.action)] ?? 'no action'}.`;
  }
}

/** A short subject line for an email. */
export function notificationTitle(row: StoredNotification): string {
  const d = row.data;
  switch (row.kind) {
    case 'waitlist_promoted':
      return `You have a seat at ${quoted(d.title)}`;
    case 'event_changed':
      return `${quoted(d.title)} changed`;
    case 'event_cancelled':
      return `Cancelled: ${quoted(d.title)}`;
    case 'reminder':
      return d.which === 'day' ? `Tomorrow: ${quoted(d.title)}` : `In two hours: ${quoted(d.title)}`;
    case 'reply':
      return row.count === 1 ? `A reply on ${quoted(d.title)}` : `${row.count} new replies on ${quoted(d.title)}`;
    case 'join_request':
      return `Requests to join ${named(d.group, 'your group')}`;
    case 'join_approved':
      return `Welcome to ${named(d.group, 'the group')}`;
    case 'join_declined':
      return `Your request to join ${named(d.group, 'the group')}`;
    case 'group_event':
      return `New meetup in ${named(d.group, 'your group')}`;
    case 'nearby_event':
      return 'New meetups near you';
    case 'moderation_action':
      return d.action === 'suspend'
        ? 'Your account was suspended'
        : d.action === 'ban_from_group'
          ? `You were banned from ${named(d.group, 'a group')}`
          : `A moderators’ decision about ${yours(d)}`;
    case 'report_outcome':
      return 'Your report was reviewed';
  }
}

/** The page of the web app it is about. */
export function notificationUrl(
  row: Pick<StoredNotification, 'subject_type' | 'event_id' | 'post_id' | 'group_id' | 'data'>,
): string {
  switch (row.subject_type) {
    case 'moderation':
      // Chosen when the notice was written: the content's page, the group's rules or the log.
      return typeof row.data.url === 'string' ? row.data.url : '/moderation/log';
    case 'event':
      return `/events/${row.event_id}`;
    case 'post':
      return `/posts/${row.post_id}`;
    case 'group':
      return `/groups/${row.group_id}`;
  }
}

export function subjectOf(
  row: Pick<StoredNotification, 'subject_type' | 'event_id' | 'post_id' | 'group_id' | 'moderation_action_id'>,
) {
  const id =
    row.subject_type === 'event'
      ? row.event_id
      : row.subject_type === 'post'
        ? row.post_id
        : row.subject_type === 'moderation'
          ? row.moderation_action_id
          : row.group_id;
  return { type: row.subject_type, id: id! };
}

/** A safety notice's link to the rules of the group it concerns, if any. */
export function rulesUrlOf(row: Pick<StoredNotification, 'subject_type' | 'data'>): string | undefined {
  return row.subject_type === 'moderation' && typeof row.data.rulesUrl === 'string' ? row.data.rulesUrl : undefined;
}
