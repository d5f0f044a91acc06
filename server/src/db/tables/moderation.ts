import type { ColumnType, Generated } from 'kysely';

/** What can be reported (migration 0090). */
export type ReportSubjectType = 'post' | 'comment' | 'event' | 'group' | 'place' | 'user';
/** What moderators can remove or the first line can hold. */
export type ModeratedType = 'post' | 'comment' | 'event';
export type ReportReason =
  'spam' | 'harassment' | 'hate' | 'violence' | 'sexual' | 'private_information' | 'misleading' | 'off_topic' | 'other';
export type ModerationActionKind =
  'remove' | 'restore' | 'dismiss' | 'lock' | 'unlock' | 'ban_from_group' | 'suspend' | 'warn' | 'hold' | 'release';
export type ActorRole = 'admin' | 'group_moderator' | 'automatic';

export interface BlocksTable {
  blocker_id: number;
  blocked_id: number;
  created_at: ColumnType<Date, never, never>;
}

export interface ModeratedContentTable {
  subject_type: ModeratedType;
  subject_id: number;
  state: 'removed' | 'held';
  reason: string;
  group_id: number | null;
  author_id: number | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ReportsTable {
  id: Generated<number>;
  reporter_id: number;
  subject_type: ReportSubjectType;
  subject_id: number;
  group_id: number | null;
  reason: ReportReason;
  note: string | null;
  status: ColumnType<'open' | 'actioned' | 'dismissed', 'open' | undefined, 'open' | 'actioned' | 'dismissed'>;
  outcome: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  closed_at: Date | null;
}

export interface GroupBansTable {
  group_id: number;
  user_id: number;
  until: Date;
  reason: string;
  created_at: ColumnType<Date, never, never>;
}

export interface ModerationActionsTable {
  id: Generated<number>;
  action: ModerationActionKind;
  subject_type: ReportSubjectType;
  subject_id: number;
  group_id: number | null;
  target_user_id: number | null;
  actor_id: number | null;
  actor_role: ActorRole;
  reason: string;
  until: Date | null;
  created_at: ColumnType<Date, Date | undefined, never>;
}

export interface ModerationTables {
  blocks: BlocksTable;
  moderated_content: ModeratedContentTable;
  reports: ReportsTable;
  group_bans: GroupBansTable;
  moderation_actions: ModerationActionsTable;
}
