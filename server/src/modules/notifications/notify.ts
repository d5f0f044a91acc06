/**
 * What other features call, inside the transaction of their change, when something happens that
 * people are told about (exported through index.ts). Each call is one set-based fan-out
 * (queries.ts `fanOut`), so a notification exists exactly when the change commits, and reaching
 * 5,000 people costs one statement, not 5,000.
 *
 * Rules every kind shares, applied in the fan-out: nobody is told of their own doing; content of
 * a private group reaches only those who may see it; each person's preferences decide in-app and
 * email. Nothing here is about engagement: no likes, views or "you might like".
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import {
  attendeesSql,
  deleteReminderJobs,
  fanOut,
  findEventFacts,
  findGroupName,
  findReplyFacts,
  findSettings,
  gatekeepersSql,
  membersSql,
  nearbySql,
  reminderWantedSql,
  scheduleReminderJobs,
  usersSql,
  withUsersSql,
  type EventFacts,
} from './queries.js';
import type { NotificationSettingsBody } from './schemas.js';
import { settingsFromRow } from './settings.js';

type Db = Kysely<Database>;

let emailOn = false;

/**
 * Whether this server sends email, set when the app is built (plugin.ts). Kept here rather than
 * passed along because features call these functions with nothing but their transaction.
 */
export function setEmailDelivery(on: boolean): void {
  emailOn = on;
}

function eventData(event: EventFacts) {
  return { title: event.title, startsAt: event.starts_at.toISOString(), timeZone: event.time_zone };
}

/** How a meetup's whereabouts read in "place A → B". */
function placeLabel(event: EventFacts): string {
  return event.place_name ?? `a spot on the map (${event.lat.toFixed(4)}, ${event.lng.toFixed(4)})`;
}

/** A meetup's notifications are about group content when it belongs to a group. */
function eventSubject(event: EventFacts) {
  return {
    subjectType: 'event' as const,
    eventId: event.id,
    groupId: event.group_id,
    membersOnly: event.group_id !== null,
    emailOn,
  };
}

/** People just given a seat from the waitlist (RSVP service, in the transaction that freed it). */
export async function notifyWaitlistPromoted(trx: Db, eventId: number, userIds: number[]): Promise<void> {
  if (userIds.length === 0) return;
  const [event] = await findEventFacts(trx, [eventId]);
  if (!event) return;
  await fanOut(trx, {
    ...eventSubject(event),
    kind: 'waitlist_promoted',
    recipients: usersSql(userIds),
    actorId: null,
    data: eventData(event),
    collapseKey: `waitlist_promoted:event:${event.id}`,
    collapse: 'merge',
  });
}

/** The meetup as it is before a change; pass it to notifyEventChanged after the change. */
export async function eventSnapshot(trx: Db, eventId: number): Promise<EventFacts | undefined> {
  const [event] = await findEventFacts(trx, [eventId]);
  return event;
}

/**
 * A change to a meetup: everyone going or waitlisted hears what changed, old → new, when its time
 * or place changed or it has fewer seats (other edits are not worth a message). Its reminders
 * follow a new time.
 */
export async function notifyEventChanged(trx: Db, before: EventFacts | undefined, actorId: number): Promise<void> {
  if (!before) return;
  const [after] = await findEventFacts(trx, [before.id]);
  if (!after) return;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (after.starts_at.getTime() !== before.starts_at.getTime()) {
    changes.time = { from: before.starts_at.toISOString(), to: after.starts_at.toISOString() };
    await scheduleReminderJobs(trx, [after.id]);
  }
  if (after.place_id !== before.place_id || after.lat !== before.lat || after.lng !== before.lng) {
    changes.place = { from: placeLabel(before), to: placeLabel(after) };
  }
  if (after.capacity !== null && (before.capacity === null || after.capacity < before.capacity)) {
    changes.capacity = { from: before.capacity, to: after.capacity };
  }
  if (Object.keys(changes).length === 0) return;
  await fanOut(trx, {
    ...eventSubject(after),
    kind: 'event_changed',
    recipients: attendeesSql(after.id, ['going', 'waitlisted']),
    actorId,
    data: { ...eventData(after), changes },
    collapseKey: `event_changed:event:${after.id}`,
    collapse: 'merge',
    mergeChanges: true,
  });
}

/** A cancelled meetup: everyone going or waitlisted is told; its reminders are dropped. */
export async function notifyEventCancelled(
  trx: Db,
  eventId: number,
  actorId: number | null,
  reason: 'organizer' | 'not_enough_players' = 'organizer',
): Promise<void> {
  const [event] = await findEventFacts(trx, [eventId]);
  if (!event) return;
  await deleteReminderJobs(trx, event.id);
  // Cancelled automatically, the organizer hears of it too.
  const attendees = attendeesSql(event.id, ['going', 'waitlisted']);
  const recipients =
    actorId === null && event.organizer_id !== null ? withUsersSql(attendees, [event.organizer_id]) : attendees;
  await fanOut(trx, {
    ...eventSubject(event),
    kind: 'event_cancelled',
    recipients,
    actorId,
    data: reason === 'organizer' ? eventData(event) : { ...eventData(event), reason },
    collapseKey: `event_cancelled:event:${event.id}`,
    collapse: 'merge',
  });
}

/**
 * New meetups (every occurrence of a series): their reminders are scheduled, and the first
 * occurrence is announced once, to the group's members for a group's meetup and, for a public
 * one, to people who asked to hear of meetups near home.
 */
export async function notifyEventsCreated(trx: Db, eventIds: number[], organizerId: number): Promise<void> {
  await scheduleReminderJobs(trx, eventIds);
  const [first] = await findEventFacts(trx, eventIds.slice(0, 1));
  if (!first) return;
  if (first.group_id !== null) {
    await fanOut(trx, {
      ...eventSubject(first),
      kind: 'group_event',
      recipients: membersSql(first.group_id),
      actorId: organizerId,
      data: { ...eventData(first), group: first.group_name },
      collapseKey: `group_event:group:${first.group_id}`,
      collapse: 'merge',
    });
  }
  if (first.group_id === null || first.group_visibility === 'public') {
    await fanOut(trx, {
      ...eventSubject(first),
      kind: 'nearby_event',
      recipients: nearbySql(first.id, first.group_id),
      actorId: organizerId,
      data: eventData(first),
      collapseKey: 'nearby_event',
      collapse: 'merge',
    });
  }
}

/** The reminder job: everyone going who wants this reminder, once per meetup, reminder and time. */
export async function sendReminders(trx: Db, eventId: number, which: 'day' | '2h', startsAt: string): Promise<void> {
  const [event] = await findEventFacts(trx, [eventId]);
  // A meetup cancelled, deleted or moved since the job was written: its own jobs say when.
  if (!event || event.status !== 'scheduled' || event.starts_at.getTime() !== Date.parse(startsAt)) return;
  await fanOut(trx, {
    ...eventSubject(event),
    kind: 'reminder',
    recipients: attendeesSql(event.id, ['going']),
    actorId: null,
    data: { ...eventData(event), which },
    collapseKey: `reminder:event:${event.id}:${which}:${event.starts_at.toISOString()}`,
    collapse: 'once',
    where: reminderWantedSql(which),
  });
}

/**
 * A new comment: the author of the post or comment it answers (for a top-level comment on a
 * meetup, its organizer) is told, unless it is themselves.
 */
export async function notifyReply(trx: Db, commentId: number): Promise<void> {
  const reply = await findReplyFacts(trx, commentId);
  if (!reply || reply.recipient_id === null) return;
  const subject =
    reply.post_id !== null
      ? { subjectType: 'post' as const, postId: reply.post_id }
      : { subjectType: 'event' as const, eventId: reply.event_id! };
  await fanOut(trx, {
    kind: 'reply',
    recipients: usersSql([reply.recipient_id]),
    actorId: reply.author_id,
    ...subject,
    groupId: reply.group_id,
    membersOnly: reply.group_id !== null,
    emailOn,
    data: { title: reply.title, target: reply.target },
    collapseKey: reply.post_id !== null ? `reply:post:${reply.post_id}` : `reply:event:${reply.event_id}`,
    collapse: 'merge',
  });
}

/** Someone asked to join a private group: those who answer its requests are told. */
export async function notifyJoinRequest(trx: Db, groupId: number, requesterId: number): Promise<void> {
  const name = await findGroupName(trx, groupId);
  if (name === undefined) return;
  await fanOut(trx, {
    kind: 'join_request',
    recipients: gatekeepersSql(groupId),
    actorId: requesterId,
    subjectType: 'group',
    groupId,
    membersOnly: true,
    emailOn,
    data: { group: name },
    collapseKey: `join_request:group:${groupId}`,
    collapse: 'merge',
  });
}

/** A join request answered: the person who asked is told either way. */
export async function notifyJoinAnswered(
  trx: Db,
  groupId: number,
  requesterId: number,
  approved: boolean,
  actorId: number,
): Promise<void> {
  const name = await findGroupName(trx, groupId);
  if (name === undefined) return;
  const kind = approved ? 'join_approved' : 'join_declined';
  await fanOut(trx, {
    kind,
    recipients: usersSql([requesterId]),
    actorId,
    subjectType: 'group',
    groupId,
    // They asked to join, so they may know the group exists, member or not.
    membersOnly: false,
    emailOn,
    data: { group: name },
    collapseKey: `${kind}:group:${groupId}`,
    collapse: 'merge',
  });
}

/** The person's notification settings as they stand, for the export of their data. */
export async function notificationSettingsOf(db: Db, userId: number): Promise<NotificationSettingsBody | null> {
  const row = await findSettings(db, userId);
  return row ? settingsFromRow(row) : null;
}

/** A moderation action, as its safety notices tell it (moderation's service, in the action's transaction). */
export interface ModerationNotice {
  /** The action's id in the public log. */
  actionId: number;
  action: string;
  subject: { type: string; id: number };
  /** The post's or meetup's title (a group's or place's name); null for comments and people. */
  title: string | null;
  /** Who it was done to: the author, organizer or person; null when their account is gone. */
  targetId: number | null;
  /** Who acted: never told of their own doing. */
  actorId: number;
  /** "a moderator of Catan Crew", "a site admin", as the log says it. */
  actedAs: string;
  reason: string;
  until: string | null;
  group: { id: number; name: string } | null;
  /** The page of the content, where a removal shows its reason; null for none. */
  contentUrl: string | null;
  /** What a restore undid. */
  was?: 'removed' | 'held';
}

/**
 * A moderation action's safety notices: its author (or the person it concerns) is told what was
 * done and why, with a link to the content or the group's rules, for every action but a
 * dismissal; the people whose open reports it closed are told the outcome. Never the content's
 * text, and never who acted beyond what the public log says.
 */
export async function notifyModerationAction(trx: Db, notice: ModerationNotice, reporterIds: number[]): Promise<void> {
  const rulesUrl = notice.group ? `/groups/${notice.group.id}#rules` : null;
  const logUrl = notice.group ? `/moderation/log?groupId=${notice.group.id}` : '/moderation/log';
  const common = { subjectType: 'moderation' as const, moderationActionId: notice.actionId, membersOnly: false };
  if (notice.action !== 'dismiss' && notice.targetId !== null) {
    const personal =
      notice.subject.type === 'user' || notice.action === 'ban_from_group' || notice.action === 'suspend';
    await fanOut(trx, {
      ...common,
      kind: 'moderation_action',
      recipients: usersSql([notice.targetId]),
      actorId: notice.actorId,
      emailOn,
      data: {
        action: notice.action,
        subjectType: notice.subject.type,
        title: notice.subject.type === 'user' ? null : notice.title,
        reason: notice.reason,
        actedAs: notice.actedAs,
        until: notice.until,
        group: notice.group?.name ?? null,
        ...(notice.was ? { was: notice.was } : {}),
        url: (personal ? null : notice.contentUrl) ?? rulesUrl ?? logUrl,
        rulesUrl,
      },
      collapseKey: `moderation_action:${notice.actionId}`,
      collapse: 'once',
    });
  }
  const reporters = reporterIds.filter((id) => id !== notice.targetId);
  if (reporters.length > 0) {
    await fanOut(trx, {
      ...common,
      kind: 'report_outcome',
      recipients: usersSql([...new Set(reporters)]),
      actorId: notice.actorId,
      emailOn,
      data: { action: notice.action, subjectType: notice.subject.type, url: logUrl, rulesUrl },
      collapseKey: `report_outcome:${notice.subject.type}:${notice.subject.id}:${notice.actionId}`,
      collapse: 'once',
    });
  }
}
