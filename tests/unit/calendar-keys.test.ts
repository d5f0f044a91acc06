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

function keyOf(link: string): string {
  const key = new URL(link, 'http://vicinity.example').searchParams.get('key');
  if (key === null) throw new Error(`no key in ${link}`);
  return key;
}

function refusal(read: () => unknown): AppError {
  try {
    read();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the key was accepted');
}

describe('calendarPath', () => {
  it('gives a plain path for meetups outside a group and for public groups', () => {
    expect(calendarPath(keys, PATH, null, 7)).toBe(PATH);
    expect(calendarPath(keys, PATH, { id: 4, visibility: 'public' }, 7)).toBe(PATH);
  });

  it('gives a plain path for a private group when nobody is reading as a member', () => {
    expect(calendarPath(keys, PATH, privateGroup, null)).toBe(PATH);
  });

  it('adds a key naming the member and the group for a private group', () => {
    const link = calendarPath(keys, PATH, privateGroup, 7);
    expect(link.startsWith(`${PATH}?key=`)).toBe(true);
    // The key needs no escaping in a URL.
    expect(link).toMatch(/\?key=[\w.-]+$/);
    expect(calendarReader(keys, keyOf(link), 4, null)).toBe(7);
  });

  it('gives different members different keys', () => {
    expect(calendarPath(keys, PATH, privateGroup, 7)).not.toBe(calendarPath(keys, PATH, privateGroup, 8));
  });
});

describe('calendarReader', () => {
  it('reads as the signed-in viewer, or as nobody, when no key is given', () => {
    expect(calendarReader(keys, undefined, 4, 12)).toBe(12);
    expect(calendarReader(keys, undefined, null, null)).toBeNull();
  });

  it('reads as the key’s member, whoever sends it', () => {
    const key = keyOf(calendarPath(keys, PATH, privateGroup, 7));
    expect(calendarReader(keys, key, 4, null)).toBe(7);
    expect(calendarReader(keys, key, 4, 99)).toBe(7);
  });

  it('refuses a key for another group, or for a meetup in no group, naming key', () => {
    const key = keyOf(calendarPath(keys, PATH, privateGroup, 7));
    for (const groupId of [5, null]) {
      const error = refusal(() => calendarReader(keys, key, groupId, 7));
      expect(error.statusCode).toBe(400);
      expect(error.details).toEqual([{ field: 'key', in: 'querystring', message: 'belongs to another group' }]);
    }
  });

  it('refuses an edited key, or a signed value that is not a key, naming key', () => {
    const key = keyOf(calendarPath(keys, PATH, privateGroup, 7));
    const edited = `${key.slice(0, -2)}${key.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const bad of [
      edited,
      'nonsense',
      keys.encode({ u: '7', g: 4 }),
      keys.encode({ u: 7 }),
      keys.encode({ u: 7.5, g: 4 }),
    ]) {
      const error = refusal(() => calendarReader(keys, bad, 4, null));
      expect(error.statusCode, bad).toBe(400);
      expect(error.details, bad).toEqual([
        { field: 'key', in: 'querystring', message: 'is not a calendar key this server gave out' },
      ]);
    }
  });
});
