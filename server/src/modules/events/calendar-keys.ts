/**
 * Calendar apps subscribe to a URL and cannot send an Authorization header, so a private group's
 * meetups reach them through a key in the URL: signed by the server, naming one member and one
 * group. Whoever holds the link reads the calendar as that member, and only while they still
 * belong to the group; leaving the group or deleting the account ends it.
 */
import { Type } from 'typebox';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { invalidField } from '../../plugins/errors.js';

interface CalendarKey {
  /** The member the calendar is read as. */
  u: number;
  /** The group the key opens. */
  g: number;
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

/** The path of a calendar, with a key for the viewer when its group is private. */
export function calendarPath(
  codec: SignedCodec,
  path: string,
  group: { id: number; visibility: string } | null,
  memberId: number | null,
): string {
  if (group === null || group.visibility !== 'private' || memberId === null) return path;
  return `${path}?key=${codec.encode({ u: memberId, g: group.id } satisfies CalendarKey)}`;
}

/** Who a calendar is read as: the key's member when a key is given, else the signed-in viewer. */
export function calendarReader(
  codec: SignedCodec,
  key: string | undefined,
  groupId: number | null,
  viewerId: number | null,
): number | null {
  if (key === undefined) return viewerId;
  const { u, g } = codec.decode(key, isCalendarKey);
  if (g !== groupId) throw invalidField('key', 'belongs to another group');
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
