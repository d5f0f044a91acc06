/**
 * Opaque page cursors. A cursor carries the position of the last item of a page (e.g. its
 * distance, kind and id) and an HMAC, so a client cannot forge or edit one: a changed cursor is
 * refused with 400 instead of silently skipping or repeating items.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import { invalidField } from './errors.js';

export interface CursorCodec {
  encode(position: unknown): string;
  /** Decodes a cursor made by `encode`, or throws 400 naming the `cursor` parameter. */
  decode<T>(cursor: string, isValid: (value: unknown) => value is T): T;
}

declare module 'fastify' {
  interface FastifyInstance {
    cursors: CursorCodec;
  }
}

export function createCursorCodec(secret: string): CursorCodec {
  // A key of its own, so a cursor can never double as any other signed value.
  const key = createHmac('sha256', secret).update('vicinity page cursors').digest();
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest().subarray(0, 16);
  return {
    encode(position) {
      const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
      return `${payload}.${sign(payload).toString('base64url')}`;
    },
    decode(cursor, isValid) {
      const [payload, signature, extra] = cursor.split('.');
      const invalid = () => invalidField('cursor', 'is not a cursor this server gave out');
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
  async function cursors(app, { secret }) {
    app.decorate('cursors', createCursorCodec(secret));
  },
  { name: 'cursors' },
);
