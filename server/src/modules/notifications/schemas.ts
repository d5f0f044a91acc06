import { Type, type Static } from 'typebox';
import { NOTIFICATION_KINDS, SAFETY_KINDS, type NotificationKind } from '../../db/tables/notifications.js';
import { Id } from '../../plugins/schemas.js';

export { NOTIFICATION_KINDS, SAFETY_KINDS, type NotificationKind };

export const KIND_DESCRIPTIONS: Record<NotificationKind, string> = {
  waitlist_promoted: 'You got a seat at a meetup you were waitlisted for.',
  event_changed: 'A meetup you are going to or waitlisted for changed its time or place, or has fewer seats.',
  event_cancelled: 'A meetup you are going to or waitlisted for was cancelled.',
  reminder: 'A meetup you are going to is tomorrow, or in two hours.',
  reply: 'Someone replied to your post or comment.',
  join_request: 'Someone asked to join a group whose requests you answer.',
  join_approved: 'Your request to join a group was approved.',
  join_declined: 'Your request to join a group was declined.',
  group_event: 'A group you are in planned a meetup.',
  nearby_event: 'A new public meetup near your home (only with a radius set; off by default).',
  moderation_action:
    'A safety notice: moderators removed, restored or locked something you wrote, warned you, banned you from a ' +
    'group or suspended your account, with their reason. Always in the app.',
  report_outcome: 'A safety notice: a report you filed was reviewed, and what came of it. Always in the app.',
};

export const Kind = Type.Unsafe<NotificationKind>({
  type: 'string',
  enum: [...NOTIFICATION_KINDS],
  description:
    'What happened:\n' + NOTIFICATION_KINDS.map((kind) => `- \`${kind}\`: ${KIND_DESCRIPTIONS[kind]}`).join('\n'),
});

export const NotificationItem = Type.Object(
  {
    id: Type.Integer({
      description:
        'Grows with every new notification for you (and when one collapses into another); also the event id on the stream.',
    }),
    kind: Kind,
    text: Type.String({ description: 'What happened, as a sentence for people.' }),
    url: Type.String({ description: 'Where in the web app to look, e.g. /events/12.' }),
    count: Type.Integer({
      minimum: 1,
      description: 'How many similar notifications this one stands for (five replies to one post are one item).',
    }),
    createdAt: Type.String({ format: 'date-time', description: 'When the latest of them happened.' }),
    readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    subject: Type.Object(
      {
        type: Type.Union([
          Type.Literal('event'),
          Type.Literal('post'),
          Type.Literal('group'),
          Type.Literal('moderation'),
        ]),
        id: Type.Integer(),
      },
      {
        description:
          'What it is about. `moderation`: a safety notice about the moderation action with this id (an entry of ' +
          'the public log).',
      },
    ),
    rulesUrl: Type.Optional(
      Type.String({
        description: 'Safety notices about a group’s content or a ban from it: the group’s rules in the web app.',
      }),
    ),
  },
  { $id: 'NotificationItem' },
);
export type NotificationItem = Static<typeof NotificationItem>;

export const NotificationPage = Type.Object(
  {
    items: Type.Array(NotificationItem, { description: 'Newest first.' }),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next (older) page; null on the last page.',
    }),
    unread: Type.Integer({ minimum: 0, description: 'Your unread notifications, all pages together.' }),
  },
  { $id: 'NotificationPage' },
);
export type NotificationPage = Static<typeof NotificationPage>;

export const NotificationQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
    cursor: Type.Optional(Type.String({ maxLength: 512, description: 'nextCursor from the previous page.' })),
  },
  { additionalProperties: false },
);
export type NotificationQuery = Static<typeof NotificationQuery>;

export const ReadBody = Type.Union(
  [
    Type.Object({ ids: Type.Array(Id, { minItems: 1, maxItems: 200 }) }, { additionalProperties: false }),
    Type.Object({ all: Type.Literal(true) }, { additionalProperties: false }),
  ],
  { description: '`{ids}` marks those notifications read; `{all: true}` every one.' },
);
export type ReadBody = Static<typeof ReadBody>;

export const Unread = Type.Object(
  { unread: Type.Integer({ minimum: 0, description: 'Your unread notifications now.' }) },
  { $id: 'UnreadCount' },
);

export const StreamTicket = Type.Object(
  {
    ticket: Type.String({ description: 'Pass as `ticket` to GET /api/notifications/stream.' }),
    expiresAt: Type.String({ format: 'date-time', description: 'Open the stream before this; about a minute.' }),
  },
  { $id: 'StreamTicket' },
);

export const StreamQuery = Type.Object(
  {
    ticket: Type.String({ minLength: 1, maxLength: 512, description: 'From POST /api/notifications/stream-ticket.' }),
    lastEventId: Type.Optional(
      Type.Integer({
        minimum: 0,
        description:
          'Resume after this event id, when the `Last-Event-ID` header cannot be sent (a new EventSource). The header wins.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type StreamQuery = Static<typeof StreamQuery>;

const Clock = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, 24-hour clock.' });

const Channels = Type.Object(
  {
    inApp: Type.Boolean({
      description: 'In the inbox, the bell and the live stream. Always true for the safety notices.',
    }),
    email: Type.Boolean({ description: 'By email (when the server sends email).' }),
  },
  { additionalProperties: false },
);

const KindChannels = Type.Object(
  Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, Channels])) as Record<NotificationKind, typeof Channels>,
  { additionalProperties: false },
);

const SettingsFields = {
  kinds: KindChannels,
  reminders: Type.Object(
    {
      dayBefore: Type.Boolean({ description: 'A reminder the day before (24 hours ahead).' }),
      twoHoursBefore: Type.Boolean({ description: 'A reminder two hours ahead.' }),
    },
    { additionalProperties: false },
  ),
  nearbyRadius: Type.Unsafe<number | null>({
    type: 'integer',
    minimum: 100,
    maximum: 50_000,
    nullable: true,
    description:
      'Metres around your home location within which new public meetups are notified (`nearby_event`); null (the default) for none.',
  }),
  quietHours: Type.Union([Type.Object({ start: Clock, end: Clock }, { additionalProperties: false }), Type.Null()], {
    description:
      'Emails that would arrive between start and end (in timeZone; may span midnight) wait until end, except a ' +
      'cancellation of a meetup less than 24 hours ahead. Null for none.',
  }),
  timeZone: Type.String({
    minLength: 1,
    maxLength: 64,
    description: 'IANA time zone of the quiet hours, e.g. Europe/Berlin.',
  }),
};

export const NotificationSettingsBody = Type.Object(SettingsFields, { additionalProperties: false });
export type NotificationSettingsBody = Static<typeof NotificationSettingsBody>;

export const NotificationSettings = Type.Object(
  {
    ...SettingsFields,
    emailAvailable: Type.Boolean({ description: 'False when this server sends no email (no SMTP server configured).' }),
    homeLocationSet: Type.Boolean({ description: '`nearby_event` needs a home location (PATCH /api/me).' }),
  },
  { $id: 'NotificationSettings' },
);
export type NotificationSettings = Static<typeof NotificationSettings>;

export const UnsubscribeQuery = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 512, description: 'From the link in the email.' }) },
  { additionalProperties: false },
);

export const UnsubscribeBody = Type.Object(
  {
    all: Type.Optional(Type.Boolean({ description: 'Stop every email, not only this kind.' })),
    'List-Unsubscribe': Type.Optional(Type.Literal('One-Click', { description: 'Sent by mail programs (RFC 8058).' })),
  },
  { additionalProperties: false },
);
export type UnsubscribeBody = Static<typeof UnsubscribeBody>;

export const Unsubscribed = Type.Object(
  {
    kind: Kind,
    all: Type.Boolean({ description: 'Whether every email was stopped.' }),
    email: Type.String({ description: 'The address that gets no more of these emails.' }),
  },
  { $id: 'Unsubscribed' },
);
export type Unsubscribed = Static<typeof Unsubscribed>;
