/**
 * Calendar apps subscribe to a URL and cannot send an Authorization header, so a private group's
 * meetups reach them through a key in the URL: signed by the server, naming one member and one
 * group. Whoever holds the link reads the calendar as that member, and only while they still
 * belong to the group; leaving the group, being removed from it or deleting the account ends it.
 * The key also carries when that membership began, so a link given out before someone was removed
 * stays dead if they are let back in: they get a new one.
 */
import { Type } from 'typebox';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { AppError, invalidField } from '../../plugins/errors.js';

/** When a person's membership of a group began, or null when they are not a member. */
export type MembershipStart = (groupId: number, userId: number) => Promise<Date | null>;

interface CalendarKey {
  /** The member the calendar is read as. */
  u: number;
  /** The group the key opens. */
  g: number;
  /** When the member's membership began (ms since 1970). */
  j?: number;
}

const isCalendarKey = (value: unknown): value is CalendarKey =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as CalendarKey).u) &&
  Number.isSafeInteger((value as CalendarKey).g);

export const CalendarKeyQuery = Type.Object(
  {
    key: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description: 'For a private group: the key in the `calendarUrl` a member was given.',
      }),
    ),
  },
  { additionalProperties: false },
);

/** The path of a calendar, with a key for the viewer when its group is private and they are a member. */
export async function calendarPath(
  membershipStart: MembershipStart,
  codec: SignedCodec,
  path: string,
  group: { id: number; visibility: string } | null,
  memberId: number | null,
): Promise<string> {
  if (group === null || group.visibility !== 'private' || memberId === null) return path;
  const since = await membershipStart(group.id, memberId);
  if (since === null) return path;
  return `${path}?key=${codec.encode({ u: memberId, g: group.id, j: since.getTime() } satisfies CalendarKey)}`;
}

/**
 * Who a calendar is read as: the key's member when a key is given, else the signed-in viewer. A
 * key from an earlier membership of the same person (removed, then let back in), or from before
 * keys named the membership, answers 403 `link_expired`.
 */
export async function calendarReader(
  membershipStart: MembershipStart,
  codec: SignedCodec,
  key: string | undefined,
  groupId: number | null,
  viewerId: number | null,
): Promise<number | null> {
  if (key === undefined) return viewerId;
  const { u, g, j } = codec.decode(key, isCalendarKey);
  if (g !== groupId) throw invalidField('key', 'belongs to another group');
  const since = await membershipStart(g, u);
  // Not a member (any more): read as them, which shows what a non-member may see.
  if (since === null) return u;
  if (j !== since.getTime()) {
    throw new AppError(
      403,
      'link_expired',
      'This calendar link was replaced. Copy the new one from the group’s page and subscribe again.',
    );
  }
  return u;
}

/** A key to one person's own calendar (the meetups they go to): names the person, and no group. */
interface PersonalKey {
  u: number;
  mine: 1;
}

const isPersonalKey = (value: unknown): value is PersonalKey =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as PersonalKey).u) &&
  (value as PersonalKey).mine === 1 &&
  !('g' in value);

/** The path of a person's own calendar feed, with the key that reads it as them. */
export function personalCalendarPath(codec: SignedCodec, userId: number): string {
  return `/api/me/calendar.ics?key=${codec.encode({ u: userId, mine: 1 } satisfies PersonalKey)}`;
}

/** Whose own calendar a key opens (400 naming `key` when it is not such a key). */
export function personalCalendarOwner(codec: SignedCodec, key: string): number {
  return codec.decode(key, isPersonalKey).u;
}
