/** TypeBox schemas of reports, the moderation queue, actions, the public log and group rules. */
import { Type, type Static } from 'typebox';

export const REPORT_REASONS = [
  'spam',
  'harassment',
  'hate',
  'violence',
  'sexual',
  'private_information',
  'misleading',
  'off_topic',
  'other',
] as const;

export const SUBJECT_TYPES = ['post', 'comment', 'event', 'group', 'place', 'user'] as const;

export const ACTIONS = ['remove', 'restore', 'dismiss', 'lock', 'unlock', 'ban_from_group', 'suspend', 'warn'] as const;

export const SubjectType = Type.Enum(SUBJECT_TYPES, {
  description: '`event` is a meetup; `user` a person’s profile.',
});

export const Subject = Type.Object(
  {
    type: SubjectType,
    id: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type Subject = Static<typeof Subject>;

export const ReportReason = Type.Enum(REPORT_REASONS, {
  description:
    'spam, harassment, hate, violence (violence or threats), sexual (sexual content), private_information, misleading, off_topic, other.',
});

export const CreateReportBody = Type.Object(
  {
    subject: Subject,
    reason: ReportReason,
    note: Type.Optional(Type.String({ maxLength: 1000, description: 'What the moderators should know.' })),
  },
  { additionalProperties: false },
);
export type CreateReportBody = Static<typeof CreateReportBody>;

const Timestamp = Type.String({ format: 'date-time' });

export const Report = Type.Object(
  {
    id: Type.Integer(),
    subject: Subject,
    reason: ReportReason,
    note: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('open'), Type.Literal('actioned'), Type.Literal('dismissed')], {
      description: '`open` until a moderator decides; `actioned` (something was done) or `dismissed`.',
    }),
    outcome: Type.Union([Type.String(), Type.Null()], {
      description: 'The action taken and its reason, once decided.',
    }),
    createdAt: Timestamp,
  },
  { $id: 'Report' },
);
export type Report = Static<typeof Report>;

export const ReportList = Type.Object({ reports: Type.Array(Report) });

const Person = Type.Union([Type.Object({ id: Type.Integer(), displayName: Type.String() }), Type.Null()]);

export const QueueItem = Type.Object(
  {
    subject: Subject,
    group: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()], {
      description: 'The group whose moderators decide; null: the site admins.',
    }),
    reports: Type.Integer({ description: 'Open reports about it.' }),
    reasons: Type.Array(ReportReason),
    notes: Type.Array(Type.String(), { description: 'What the reporters wrote (never who they are).' }),
    since: Timestamp,
    state: Type.Union([Type.Literal('visible'), Type.Literal('removed'), Type.Literal('held')]),
    heldReason: Type.Union([Type.String(), Type.Null()], { description: 'Why the automatic first line held it.' }),
    content: Type.Union(
      [
        Type.Object({
          title: Type.Union([Type.String(), Type.Null()]),
          text: Type.String(),
          author: Person,
          url: Type.Union([Type.String(), Type.Null()], { description: 'Its page in the web app.' }),
        }),
        Type.Null(),
      ],
      { description: 'What was reported, as written (moderators see removed text); null when it is gone.' },
    ),
    context: Type.Array(
      Type.Object({ id: Type.Integer(), text: Type.String(), author: Person, relation: Type.String() }),
      { description: 'Around a comment: the comment it answers and the post or meetup it belongs to.' },
    ),
    authorStanding: Type.Union(
      [
        Type.Object({
          removals: Type.Integer({ description: 'Earlier removals of their content.' }),
          warnings: Type.Integer(),
          suspended: Type.Boolean(),
          accountAgeDays: Type.Integer(),
        }),
        Type.Null(),
      ],
      { description: 'The author’s record with the moderators.' },
    ),
  },
  { $id: 'QueueItem' },
);
export type QueueItem = Static<typeof QueueItem>;

export const Queue = Type.Object({
  items: Type.Array(QueueItem),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const QueueQuery = Type.Object(
  {
    groupId: Type.Optional(Type.Integer({ minimum: 1, description: 'Only this group’s queue.' })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
  },
  { additionalProperties: false },
);
export type QueueQuery = Static<typeof QueueQuery>;

export const ActionBody = Type.Object(
  {
    subject: Subject,
    action: Type.Enum(ACTIONS, {
      description:
        '`remove` (shows "removed by moderators: <reason>", replies stay), `restore`, `dismiss` (close its reports), ' +
        '`lock`/`unlock` a discussion, `ban_from_group` (the author, or the `user` subject with `groupId`), ' +
        '`suspend` (site admins only: the person can read and export, not write), `warn`.',
    }),
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'Shown in the public log and to the people told.',
    }),
    until: Type.Optional(
      Type.String({ format: 'date-time', description: 'End of a ban or suspension; absent: indefinite.' }),
    ),
    groupId: Type.Optional(
      Type.Integer({ minimum: 1, description: 'The group of a ban when the subject is a person.' }),
    ),
  },
  { additionalProperties: false },
);
export type ActionBody = Static<typeof ActionBody>;

export const LogEntry = Type.Object(
  {
    id: Type.Integer(),
    at: Timestamp,
    action: Type.String(),
    subjectType: SubjectType,
    subjectId: Type.Union([Type.Integer(), Type.Null()], {
      description: 'For posts, meetups, groups and places; null for comments and people.',
    }),
    group: Type.Union([Type.Object({ id: Type.Integer(), name: Type.String() }), Type.Null()]),
    reason: Type.String(),
    actedAs: Type.String({
      description: 'Who acted, as a role: "a site admin", "a moderator of <group>", "the automatic first line".',
    }),
    until: Type.Union([Timestamp, Type.Null()]),
    rulesUrl: Type.Union([Type.String(), Type.Null()], { description: 'The group’s rules, which the action applies.' }),
  },
  { $id: 'ModerationLogEntry' },
);
export type LogEntry = Static<typeof LogEntry>;

export const ActionAnswer = Type.Object({ entry: LogEntry, reportsClosed: Type.Integer() });

export const LogQuery = Type.Object(
  {
    groupId: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type LogQuery = Static<typeof LogQuery>;

export const Log = Type.Object({
  entries: Type.Array(LogEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export const GroupRules = Type.Object({
  groupId: Type.Integer(),
  rules: Type.String({ description: 'Shown to people joining; linked from each moderation action.' }),
  heldTerms: Type.Union([Type.Array(Type.String()), Type.Null()], {
    description: 'Words or links that hold a post or comment for review; shown to the group’s moderators only.',
  }),
});

export const GroupRulesBody = Type.Object(
  {
    rules: Type.Optional(Type.String({ maxLength: 10_000 })),
    heldTerms: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 200 }), { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type GroupRulesBody = Static<typeof GroupRulesBody>;
