/**
 * The inbox (pages, read and unread), settings, one-click unsubscribe and stream tickets.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { canonicalTimeZone } from '../events/index.js';
import {
  countUnread,
  findEmailAddress,
  findInboxPage,
  findSettings,
  markRead,
  saveSettings,
  stopEmails,
  type InboxRow,
} from './queries.js';
import {
  NOTIFICATION_KINDS,
  type NotificationItem,
  type NotificationKind,
  type NotificationPage,
  type NotificationQuery,
  type NotificationSettings,
  type NotificationSettingsBody,
  type ReadBody,
  type Unsubscribed,
} from './schemas.js';
import { DEFAULT_EMAIL, settingsFromRow } from './settings.js';
import { notificationText, notificationUrl, rulesUrlOf, subjectOf } from './text.js';

type Db = Kysely<Database>;

export function toItem(row: InboxRow): NotificationItem {
  return {
    id: row.id,
    kind: row.kind,
    text: notificationText(row),
    url: notificationUrl(row),
    count: row.count,
    createdAt: row.updated_at.toISOString(),
    readAt: row.read_at?.toISOString() ?? null,
    subject: subjectOf(row),
    ...(rulesUrlOf(row) ? { rulesUrl: rulesUrlOf(row) } : {}),
  };
}

interface InboxPosition {
  i: number;
}

function isInboxPosition(value: unknown): value is InboxPosition {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as InboxPosition).i);
}

export async function inboxPage(
  cursors: SignedCodec,
  db: Db,
  userId: number,
  query: NotificationQuery,
): Promise<NotificationPage> {
  const before = query.cursor ? cursors.decode(query.cursor, isInboxPosition).i : null;
  const [{ rows, more }, unread] = await Promise.all([
    findInboxPage(db, userId, before, query.limit),
    countUnread(db, [userId]),
  ]);
  const last = rows.at(-1);
  return {
    items: rows.map(toItem),
    nextCursor: more && last ? cursors.encode({ i: last.id }) : null,
    unread: unread.get(userId) ?? 0,
  };
}

export async function readNotifications(db: Db, userId: number, body: ReadBody): Promise<{ unread: number }> {
  await db.transaction().execute((trx) => markRead(trx, userId, 'ids' in body ? body.ids : 'all'));
  const unread = await countUnread(db, [userId]);
  return { unread: unread.get(userId) ?? 0 };
}

// --- Settings -----------------------------------------------------------------------------------

function kindsOf(stored: string[] | null, defaults: readonly NotificationKind[]): Set<string> {
  return new Set(stored ?? defaults);
}

export async function readSettings(db: Db, userId: number, emailAvailable: boolean): Promise<NotificationSettings> {
  const row = await findSettings(db, userId);
  if (!row) throw notFound('Your account');
  return { ...settingsFromRow(row), emailAvailable, homeLocationSet: row.home_set };
}

export async function writeSettings(
  db: Db,
  userId: number,
  body: NotificationSettingsBody,
  emailAvailable: boolean,
): Promise<NotificationSettings> {
  const timeZone = canonicalTimeZone(body.timeZone.trim());
  if (!timeZone)
    throw invalidField('timeZone', `is not an IANA time zone like Europe/Berlin: "${body.timeZone}"`, 'body');
  if (body.quietHours && body.quietHours.start === body.quietHours.end) {
    throw invalidField('quietHours.end', 'must differ from start', 'body');
  }
  const chosen = (channel: 'inApp' | 'email') => NOTIFICATION_KINDS.filter((kind) => body.kinds[kind][channel]);
  await saveSettings(db, userId, {
    inApp: chosen('inApp'),
    email: chosen('email'),
    reminderDayBefore: body.reminders.dayBefore,
    reminderTwoHours: body.reminders.twoHoursBefore,
    nearbyRadius: body.nearbyRadius,
    quietStart: body.quietHours?.start ?? null,
    quietEnd: body.quietHours?.end ?? null,
    timeZone,
  });
  return readSettings(db, userId, emailAvailable);
}

// --- One-click unsubscribe ----------------------------------------------------------------------

/** What an unsubscribe link carries: whose emails, of which kind. Signed, so it needs no sign-in. */
export interface UnsubscribeToken {
  u: number;
  k: NotificationKind;
}

export function isUnsubscribeToken(value: unknown): value is UnsubscribeToken {
  const v = value as UnsubscribeToken;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.u) &&
    (NOTIFICATION_KINDS as readonly string[]).includes(v.k)
  );
}

async function addressOf(db: Db, userId: number): Promise<string> {
  const address = await findEmailAddress(db, userId);
  if (address === undefined) throw notFound('The account of this link');
  return address;
}

/** What the link would stop, and whether it already has (GET: changes nothing). */
export async function describeUnsubscribe(codec: SignedCodec, db: Db, token: string) {
  const { u, k } = codec.decode(token, isUnsubscribeToken);
  const [email, settings] = await Promise.all([addressOf(db, u), findSettings(db, u)]);
  const subscribed = kindsOf(settings?.email ?? null, DEFAULT_EMAIL).has(k);
  return { kind: k, email, subscribed };
}

export async function unsubscribe(codec: SignedCodec, db: Db, token: string, all: boolean): Promise<Unsubscribed> {
  const { u, k } = codec.decode(token, isUnsubscribeToken);
  const email = await addressOf(db, u);
  await stopEmails(db, u, all ? 'all' : k);
  return { kind: k, all, email };
}

// --- Stream tickets -----------------------------------------------------------------------------

/** A stream ticket: whose stream, until when (seconds since 1970). */
interface StreamTicket {
  u: number;
  x: number;
}

const TICKET_SECONDS = 60;

function isStreamTicket(value: unknown): value is StreamTicket {
  const v = value as StreamTicket;
  return typeof v === 'object' && v !== null && Number.isSafeInteger(v.u) && Number.isSafeInteger(v.x);
}

export function issueStreamTicket(codec: SignedCodec, userId: number) {
  const expires = Math.floor(Date.now() / 1000) + TICKET_SECONDS;
  return { ticket: codec.encode({ u: userId, x: expires }), expiresAt: new Date(expires * 1000).toISOString() };
}

/** The person a ticket lets in; 401 when it is not one or has expired. */
export function redeemStreamTicket(codec: SignedCodec, ticket: string): number {
  let value: StreamTicket;
  try {
    value = codec.decode(ticket, isStreamTicket);
  } catch {
    throw new AppError(401, 'token_invalid', 'This stream ticket is not one this server gave out.');
  }
  if (value.x * 1000 < Date.now()) {
    throw new AppError(401, 'token_expired', 'This stream ticket has expired: ask for a new one.');
  }
  return value.u;
}
