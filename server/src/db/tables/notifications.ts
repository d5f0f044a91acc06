import type { ColumnType, Generated } from 'kysely';

export const NOTIFICATION_KINDS = [
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
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Safety notices (migration 0130): always shown in the app, whatever the settings say. */
export const SAFETY_KINDS: readonly NotificationKind[] = ['moderation_action', 'report_outcome'];

export type NotificationSubjectType = 'event' | 'post' | 'group' | 'moderation';

/** What a person is told (migration 0040, server/src/modules/notifications/). */
export interface NotificationsTable {
  id: Generated<number>;
  user_id: number;
  kind: NotificationKind;
  subject_type: NotificationSubjectType;
  event_id: number | null;
  post_id: number | null;
  group_id: number | null;
  /** For subject_type 'moderation': the action it tells of (migration 0130). */
  moderation_action_id: ColumnType<number | null, number | null | undefined, number | null>;
  members_only: ColumnType<boolean, boolean | undefined, boolean>;
  actor_id: number | null;
  data: ColumnType<Record<string, unknown>, string | undefined, string>;
  count: ColumnType<number, number | undefined, number>;
  collapse_key: string;
  in_app: boolean;
  email: boolean;
  emailed_at: Date | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
  read_at: Date | null;
}

/** What each person wants to be told, and how; no row means the defaults. */
export interface NotificationSettingsTable {
  user_id: number;
  in_app: string[] | null;
  email: string[] | null;
  reminder_day_before: ColumnType<boolean, boolean | undefined, boolean>;
  reminder_two_hours: ColumnType<boolean, boolean | undefined, boolean>;
  nearby_radius: number | null;
  /** 'HH:MM:SS' in the person's time zone. */
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: ColumnType<string, string | undefined, string>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface NotificationTables {
  notifications: NotificationsTable;
  notification_settings: NotificationSettingsTable;
}
