/** What each kind of notification is about, in the words the settings and unsubscribe pages use. */
import type { NotificationKind } from './api/notifications';

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  waitlist_promoted: 'You got a seat from the waitlist',
  event_changed: 'A meetup you are going to changed its time or place, or has fewer seats',
  event_cancelled: 'A meetup you are going to was cancelled',
  reminder: 'Reminders of meetups you are going to',
  reply: 'Replies to your posts and comments',
  join_request: 'Requests to join a group you run',
  join_approved: 'Your request to join a group was approved',
  join_declined: 'Your request to join a group was declined',
  group_event: 'New meetups in your groups',
  nearby_event: 'New public meetups near your home',
  moderation_action: 'Safety notices: moderators acted on something of yours, and why',
  report_outcome: 'Safety notices: what came of your reports',
};

/** Safety notices are always shown in the app; only their email can be turned off. */
export const SAFETY_KINDS: readonly NotificationKind[] = ['moderation_action', 'report_outcome'];

/** The order the settings page lists them in: plans first, then people, then news, then safety. */
export const NOTIFICATION_KIND_ORDER: NotificationKind[] = [
  'waitlist_promoted',
  'event_changed',
  'event_cancelled',
  'reminder',
  'reply',
  'join_request',
  'join_approved',
  'join_declined',
  'group_event',
  'nearby_event',
  'moderation_action',
  'report_outcome',
];
