/**
 * Calendar keys: the link a member of a private group gives a calendar app, and whom a calendar
 * is read as when such a key (or none) comes with the request.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/src/plugins/errors.js';
import { createSignedCodec } from '../../server/src/plugins/signed-values.js';
import { calendarPath, calendarReader } from '../../server/src/modules/events/calendar-keys.js';

const keys = createSignedCodec(
  'a-test-secret-that-is-long-enough-for-hmac',
  'vicinity calendar keys',
  'key',
  'a calendar key',
);
const PATH = '/api/groups/4/calendar.ics';
const privateGroup = { id: 4, visibility: 'private' };
/** Every person joined every group at the same moment, but person 13 whose membership is newer. */
const JOINED = new Date('2026-01-01T10:00:00Z');
const since = async (_groupId: number, userId: number) =>
  userId === 13 ? new Date('2026-02-01T10:00:00Z') : userId === 14 ? null : JOINED;

function keyOf(link: string): string {
  const key = new URL(link, 'http://vicinity.example').searchParams.get('key');
  if (key === null) throw new Error(`no key in ${link}`);
  return key;
}

async function refusal(read: () => Promise<unknown>): Promise<AppError> {
  try {
    await read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the key was accepted');
}

describe('calendarPath', async () => {
  it('gives a plain path for meetups outside a group and for public groups', async () => {
    expect(await calendarPath(since, keys, PATH, null, 7)).toBe(PATH);
    expect(await calendarPath(since, keys, PATH, { id: 4, visibility: 'public' }, 7)).toBe(PATH);
  });

  it('gives a plain path for a private group when nobody is reading as a member', async () => {
    expect(await calendarPath(since, keys, PATH, privateGroup, null)).toBe(PATH);
  });

  it('adds a key naming the member and the group for a private group', async () => {
    const link = await calendarPath(since, keys, PATH, privateGroup, 7);
    expect(link.startsWith(`${PATH}?key=`)).toBe(true);
    // The key needs no escaping in a URL.
    expect(link).toMatch(/\?key=[\w.-]+$/);
    expect(await calendarReader(since, keys, keyOf(link), 4, null)).toBe(7);
  });

  it('gives different members different keys', async () => {
    expect(await calendarPath(since, keys, PATH, privateGroup, 7)).not.toBe(
      await calendarPath(since, keys, PATH, privateGroup, 8),
    );
  });
});

describe('calendarReader', async () => {
  it('reads as the signed-in viewer, or as nobody, when no key is given', async () => {
    expect(await calendarReader(since, keys, undefined, 4, 12)).toBe(12);
    expect(await calendarReader(since, keys, undefined, null, null)).toBeNull();
  });

  it('reads as the key’s member, whoever sends it', async () => {
    const key = keyOf(await calendarPath(since, keys, PATH, privateGroup, 7));
    expect(await calendarReader(since, keys, key, 4, null)).toBe(7);
    expect(await calendarReader(since, keys, key, 4, 99)).toBe(7);
  });

  it('refuses a key for another group, or for a meetup in no group, naming key', async () => {
    const key = keyOf(await calendarPath(since, keys, PATH, privateGroup, 7));
    for (const groupId of [5, null]) {
      const error = await refusal(() => calendarReader(since, keys, key, groupId, 7));
      expect(error.statusCode).toBe(400);
      expect(error.details).toEqual([{ field: 'key', in: 'querystring', message: 'belongs to another group' }]);
    }
  });

  it('refuses an edited key, or a signed value that is not a key, naming key', async () => {
    const key = keyOf(await calendarPath(since, keys, PATH, privateGroup, 7));
    const edited = `${key.slice(0, -2)}${key.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [
      edited,
      'nonsense',
      keys.encode({ u: '7', g: 4 }),
      keys.encode({ u: 7 }),
      keys.encode({ u: 7.5, g: 4 }),
    ]) {
      const error = await refusal(() => calendarReader(since, keys, bad, 4, null));
      expect(error.statusCode, bad).toBe(400);
      expect(error.details, bad).toEqual([
        { field: 'key', in: 'querystring', message: 'is not a calendar key this server gave out' },
      ]);
    }
  });
});

describe('calendar keys of an earlier membership', () => {
  it('refuses a key made for a membership that has since ended and begun again, and one without a start', async () => {
    const older = keys.encode({ u: 13, g: 4, j: JOINED.getTime() });
    const error = await refusal(() => calendarReader(since, keys, older, 4, null));
    expect(error.statusCode).toBe(403);
    expect(error.code).toBe('link_expired');
    const legacy = keys.encode({ u: 7, g: 4 });
    expect((await refusal(() => calendarReader(since, keys, legacy, 4, null))).code).toBe('link_expired');
  });

  it('reads as a former member (who sees what anyone sees), and gives no key to a non-member', async () => {
    expect(await calendarReader(since, keys, keys.encode({ u: 14, g: 4, j: 1 }), 4, null)).toBe(14);
    expect(await calendarPath(since, keys, PATH, privateGroup, 14)).toBe(PATH);
  });
});
