/**
 * Signed values (page cursors, calendar keys): what the server encodes it decodes unchanged, and
 * anything else — edited, cut short, signed for another use, or of the wrong shape — is refused
 * with a 400 naming the parameter it came in, never a 500.
 */
import { createHmac } from 'node:crypto';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../server/src/plugins/errors.js';
import signedValues, { createSignedCodec } from '../../server/src/plugins/signed-values.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-hmac';

interface Position {
  d: number;
  i: number;
}

const isPosition = (value: unknown): value is Position =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Position).d === 'number' &&
  Number.isSafeInteger((value as Position).i);

const anything = (value: unknown): value is unknown => value !== undefined;

const cursors = () => createSignedCodec(SECRET, 'vicinity page cursors', 'cursor', 'a cursor');
const calendarKeys = () => createSignedCodec(SECRET, 'vicinity calendar keys', 'key', 'a calendar key');

/**
 * Signs any payload the way the codec does (a key derived from the secret and the purpose, the
 * first 16 bytes of an HMAC-SHA256), as only a holder of the secret could: for payloads the codec
 * itself never writes.
 */
function signedBySecret(payload: string, purpose = 'vicinity page cursors'): string {
  const key = createHmac('sha256', SECRET).update(purpose).digest();
  const signature = createHmac('sha256', key).update(payload).digest().subarray(0, 16);
  return `${payload}.${signature.toString('base64url')}`;
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

function refusal(decode: () => unknown): AppError {
  try {
    decode();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('the value was accepted');
}

function expectRefused(decode: () => unknown, field = 'cursor', what = 'a cursor'): void {
  const error = refusal(decode);
  expect(error.statusCode).toBe(400);
  expect(error.code).toBe('validation_failed');
  expect(error.message).toBe(`${field} is not ${what} this server gave out`);
  expect(error.details).toEqual([{ field, in: 'querystring', message: `is not ${what} this server gave out` }]);
}

describe('createSignedCodec', () => {
  it('decodes what it encoded, unchanged', () => {
    const codec = cursors();
    for (const value of [
      { d: 1234.5678, i: 42 },
      { d: 0, i: Number.MAX_SAFE_INTEGER },
      { o: 'soonest', s: 1_780_000_000_000, i: 7 },
      { t: '2026-03-04T19:00:00.123456', u: 3, name: 'Würfel & Zucker 🎲' },
      [1, 'two', { three: null }],
    ]) {
      expect(codec.decode(codec.encode(value), anything)).toEqual(value);
    }
  });

  it('writes only URL-safe characters, payload and signature joined by one dot', () => {
    const signed = cursors().encode({ t: 'a/b+c?d=e&f', emoji: '🎲', i: 1 });
    expect(signed).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(signed)).toBe(signed);
  });

  it('writes the same value the same way each time, and different values differently', () => {
    const codec = cursors();
    expect(codec.encode({ d: 1, i: 2 })).toBe(codec.encode({ d: 1, i: 2 }));
    expect(codec.encode({ d: 1, i: 2 })).not.toBe(codec.encode({ d: 1, i: 3 }));
  });

  it('refuses a payload edited under its old signature', () => {
    const codec = cursors();
    const [, signature] = codec.encode({ d: 10, i: 5 }).split('.');
    const edited = `${base64url(JSON.stringify({ d: 0, i: 5 }))}.${signature}`;
    expectRefused(() => codec.decode(edited, isPosition));
  });

  it('refuses an edited signature', () => {
    const codec = cursors();
    const [payload, signature] = codec.encode({ d: 10, i: 5 }).split('.') as [string, string];
    const edited = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`;
    expectRefused(() => codec.decode(`${payload}.${edited}`, isPosition));
  });

  it('refuses a value cut short or padded out, whatever part is missing', () => {
    const codec = cursors();
    const signed = codec.encode({ d: 10, i: 5 });
    const [payload, signature] = signed.split('.') as [string, string];
    for (const broken of [
      '',
      '.',
      payload,
      `${payload}.`,
      `.${signature}`,
      signed.slice(0, -1),
      signed.slice(0, -4),
      `${signed}AAAA`,
      signed.slice(1),
    ]) {
      expectRefused(() => codec.decode(broken, isPosition));
    }
  });

  it('refuses a value with more than one dot, even when its first two parts are genuine', () => {
    const codec = cursors();
    const signed = codec.encode({ d: 10, i: 5 });
    for (const broken of [`${signed}.`, `${signed}.x`, `${signed}.${signed}`]) {
      expectRefused(() => codec.decode(broken, isPosition));
    }
  });

  it('refuses a value signed for another purpose, naming its own parameter', () => {
    const key = calendarKeys().encode({ u: 1, g: 2 });
    expectRefused(() => cursors().decode(key, anything));
    const cursor = cursors().encode({ d: 10, i: 5 });
    expectRefused(() => calendarKeys().decode(cursor, anything), 'key', 'a calendar key');
  });

  it('refuses a value signed with another secret', () => {
    const other = createSignedCodec(`${SECRET}!`, 'vicinity page cursors', 'cursor', 'a cursor');
    expectRefused(() => cursors().decode(other.encode({ d: 10, i: 5 }), isPosition));
  });

  it('refuses a correctly signed payload that is not JSON, or not base64url of anything sensible', () => {
    const codec = cursors();
    for (const payload of [base64url('{"d": 1,'), base64url('not json'), base64url(''), '!!!!']) {
      expectRefused(() => codec.decode(signedBySecret(payload), anything));
    }
    // The same signing accepted for a real payload shows the refusals above are about the payload.
    expect(codec.decode(signedBySecret(base64url('{"d":1,"i":2}')), isPosition)).toEqual({ d: 1, i: 2 });
  });

  it('refuses a genuine value of the wrong shape, as the validator says', () => {
    const codec = cursors();
    for (const value of [null, 42, 'text', { d: 1 }, { d: '1', i: 2 }, { d: 1, i: 2.5 }]) {
      expectRefused(() => codec.decode(codec.encode(value), isPosition));
    }
  });

  it('hands the validator the decoded value, and answers it when accepted', () => {
    const codec = cursors();
    const seen: unknown[] = [];
    const value = codec.decode(codec.encode({ d: 3, i: 4 }), (candidate): candidate is Position => {
      seen.push(candidate);
      return isPosition(candidate);
    });
    expect(seen).toEqual([{ d: 3, i: 4 }]);
    expect(value).toEqual({ d: 3, i: 4 });
  });
});

describe('the signed-values plugin', () => {
  it('gives the app a codec for cursors and one for calendar keys, neither accepting the other’s values', async () => {
    const app = Fastify();
    await app.register(signedValues, { secret: SECRET });
    await app.ready();
    try {
      const cursor = app.cursors.encode({ d: 1, i: 2 });
      const key = app.calendarKeys.encode({ u: 1, g: 2 });
      expect(app.cursors.decode(cursor, isPosition)).toEqual({ d: 1, i: 2 });
      expect(app.calendarKeys.decode(key, anything)).toEqual({ u: 1, g: 2 });
      expectRefused(() => app.cursors.decode(key, anything));
      expectRefused(() => app.calendarKeys.decode(cursor, anything), 'key', 'a calendar key');
      // The plugin's codecs are the ones createSignedCodec makes from the same secret and purposes.
      expect(cursors().decode(cursor, isPosition)).toEqual({ d: 1, i: 2 });
    } finally {
      await app.close();
    }
  });
});
