/**
 * Signed values the server hands out and later reads back. Each carries a payload and an HMAC,
 * so a client cannot forge or edit one: a changed value is refused with 400 naming its parameter.
 *
 * - Page cursors carry the position of the last item of a page (e.g. its distance, kind and id),
 *   so an edited cursor cannot silently skip or repeat items.
 * - Calendar keys let a calendar app, which cannot send an Authorization header, read a private
 *   group's meetups on behalf of one member (see the events module).
 * - Media keys let a browser fetch, for one viewer, photos that not everyone may see (see the
 *   media module).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { invalidField } from './errors.js';

export interface SignedCodec {
  encode(value: unknown): string;
  /** Decodes a value made by `encode`, or throws 400 naming the parameter it came in. */
  decode<T>(signed: string, isValid: (value: unknown) => value is T): T;
}

declare module 'fastify' {
  interface FastifyInstance {
    cursors: SignedCodec;
    calendarKeys: SignedCodec;
    mediaKeys: SignedCodec;
  }
}

/** `purpose` derives a key of its own, so a value signed for one use never passes for another. */
export function createSignedCodec(secret: string, purpose: string, parameter: string, what: string): SignedCodec {
  const key = createHmac('sha256', secret).update(purpose).digest();
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest().subarray(0, 16);
  return {
    encode(value) {
      const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    decode(signed, isValid) {
      const [payload, signature, extra] = signed.split('.');
      const invalid = () => invalidField(parameter, `is not ${what} this server gave out`);
      if (!payload || !signature || extra !== undefined) throw invalid();
      const given = Buffer.from(signature, 'base64url');
      const expected = sign(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      let value: unknown;
      try {
        value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalid();
      }
      if (!isValid(value)) throw invalid();
      return value;
    },
  };
}

export default fp<{ secret: string }>(
  async function signedValues(app, { secret }) {
    app.decorate('cursors', createSignedCodec(secret, 'vicinity page cursors', 'cursor', 'a cursor'));
    app.decorate('calendarKeys', createSignedCodec(secret, 'vicinity calendar keys', 'key', 'a calendar key'));
    app.decorate('mediaKeys', createSignedCodec(secret, 'vicinity media keys', 'key', 'a photo key'));
  },
  { name: 'signed-values' },
);
