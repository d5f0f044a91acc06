/**
 * Signed JWTs (HS256) that name a session. `requireUser` guards protected routes; `optionalUser`
 * lets public routes personalise their answer when a valid token is present.
 *
 * A token is good only when it carries an expiry (`exp`), a user id written the one canonical way
 * (`"12"`, never `"12.0"` or `"0xc"`), and a session (`sid`, db/sessions.ts) of that user that is
 * neither revoked (signed out, password changed) nor expired. A token whose account or session
 * no longer exists is treated like a tampered one.
 */
import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { AppError, unauthorized, type ErrorCode } from './errors.js';
import { deleteEndedSessions, findSessionViewer, insertSessions, touchSession } from '../db/sessions.js';

/** Methods that only read: a suspended account may still use them. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes a suspended account may still make: signing in and out, and leaving for good (deleting
 * the account is the person's right whatever they did).
 */
const WRITES_WHILE_SUSPENDED = new Set([
  'POST /api/auth/login',
  'POST /api/auth/sign-out',
  'POST /api/auth/sign-out-everywhere',
  'DELETE /api/account/sessions/:id',
  'PUT /api/account/password',
  'POST /api/account/password',
  'DELETE /api/me',
]);

export interface Viewer {
  id: number;
  displayName: string;
  /** The session the request's token names. */
  sessionId: string;
  /** A site admin: granted in the database or listed in ADMIN_EMAILS. */
  isAdmin: boolean;
  /** Suspended now: may sign in, read and export, but not write. */
  suspended: boolean;
}

interface TokenPayload {
  sub: string;
  sid: string;
  exp?: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; sid: string };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    optionalUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** Opens a session for the person and answers its token; `userAgent` names the device in the list. */
    issueToken: (userId: number, userAgent?: string) => Promise<string>;
    /** Opens one session for each person at once (tests and scripts that make many people). */
    issueTokens: (userIds: number[]) => Promise<string[]>;
  }
  interface FastifyRequest {
    viewer: Viewer | null;
  }
}

/** The signed-in user of a route guarded by `requireUser`. */
export function viewerOf(request: FastifyRequest): Viewer {
  if (!request.viewer) throw unauthorized();
  return request.viewer;
}

const JWT_ERRORS: Record<string, [ErrorCode, string]> = {
  FST_JWT_NO_AUTHORIZATION_IN_HEADER: ['unauthorized', 'Sign in to do this: the Authorization header is missing.'],
  FST_JWT_BAD_REQUEST: ['token_invalid', 'The Authorization header must be "Bearer <token>".'],
  FST_JWT_AUTHORIZATION_TOKEN_EXPIRED: ['token_expired', 'Your session has expired. Sign in again.'],
  FST_JWT_AUTHORIZATION_TOKEN_INVALID: ['token_invalid', 'The token is invalid. Sign in again.'],
  FST_JWT_AUTHORIZATION_TOKEN_UNTRUSTED: ['token_invalid', 'The token is invalid. Sign in again.'],
  FAST_JWT_MISSING_SIGNATURE: ['token_invalid', 'The token is invalid. Sign in again.'],
};

/** User ids as tokens carry them: digits only, no sign, no leading zero, no fraction. */
const CANONICAL_ID = /^[1-9][0-9]{0,15}$/;
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A session's `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 5 * 60_000;
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };
const MAX_USER_AGENT = 300;

/** `7d` → seconds (JWT_EXPIRES_IN's format, checked by the config). */
export function durationSeconds(value: string): number {
  const match = /^(\d+)([smhd])$/.exec(value);
  if (!match) throw new Error(`Not a duration: ${value}`);
  return Number(match[1]) * UNITS[match[2]!]!;
}

function invalid(message = 'The token is invalid. Sign in again.'): AppError {
  return new AppError(401, 'token_invalid', message);
}

export default fp<{ secret: string; expiresIn: string; adminEmails?: readonly string[] }>(
  async function auth(app, { secret, expiresIn, adminEmails = [] }) {
    const admins = new Set(adminEmails.map((email) => email.toLowerCase()));
    const lifetimeSeconds = durationSeconds(expiresIn);
    await app.register(jwt, {
      secret,
      sign: { expiresIn: lifetimeSeconds, algorithm: 'HS256' },
      verify: { algorithms: ['HS256'] },
    });
    app.decorateRequest('viewer', null);

    async function authenticate(request: FastifyRequest): Promise<void> {
      let payload: TokenPayload;
      try {
        payload = await request.jwtVerify<TokenPayload>();
      } catch (error) {
        let code = (error as { code?: string }).code ?? '';
        // The plugin says "no authorization header" also for one of another scheme (Basic …).
        if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER' && request.headers.authorization) {
          code = 'FST_JWT_BAD_REQUEST';
        }
        const [appCode, message] = JWT_ERRORS[code] ?? ['token_invalid', 'The token is invalid. Sign in again.'];
        throw new AppError(401, appCode, message);
      }
      // A token that never expires, or that says who it is for in a loose way, was not made here.
      if (typeof payload.exp !== 'number') throw invalid('The token has no expiry. Sign in again.');
      if (typeof payload.sub !== 'string' || !CANONICAL_ID.test(payload.sub)) throw invalid();
      if (typeof payload.sid !== 'string' || !SESSION_ID.test(payload.sid)) throw invalid();
      const id = Number(payload.sub);
      if (!Number.isSafeInteger(id)) throw invalid();
      const found = await findSessionViewer(app.db, payload.sid, id);
      if (!found) throw invalid('This session has ended or its account no longer exists. Sign in again.');
      if (Date.now() - found.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        // Only for the list of devices; a failure here must not fail the request.
        void touchSession(app.db, payload.sid).catch((error: unknown) =>
          request.log.warn({ err: error }, 'could not note the session as seen'),
        );
      }
      const suspended = found.suspended_until !== null && found.suspended_until.getTime() > Date.now();
      request.viewer = {
        id: found.id,
        displayName: found.display_name,
        sessionId: payload.sid,
        isAdmin: found.is_admin || admins.has(found.email.toLowerCase()),
        suspended,
      };
      // Every write route signs its person in here, so this one check covers them all.
      if (
        suspended &&
        !READ_METHODS.has(request.method) &&
        !WRITES_WHILE_SUSPENDED.has(`${request.method} ${request.routeOptions.url ?? ''}`)
      ) {
        const until = found.suspended_until!;
        const indefinite = until.getUTCFullYear() >= 9999;
        throw new AppError(
          403,
          'account_suspended',
          indefinite
            ? 'Your account is suspended: you can read and export your data, not write.'
            : `Your account is suspended until ${until.toISOString()}: you can read and export your data, not write.`,
          { until: indefinite ? null : until.toISOString() },
        );
      }
    }

    async function issueTokens(userIds: number[], userAgent = ''): Promise<string[]> {
      const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
      const sessions = userIds.map((userId) => ({
        id: randomUUID(),
        userId,
        userAgent: userAgent.slice(0, MAX_USER_AGENT),
        expiresAt,
      }));
      await insertSessions(app.db, sessions);
      return sessions.map((session) => app.jwt.sign({ sub: String(session.userId), sid: session.id }));
    }

    app.decorate('requireUser', async (request: FastifyRequest) => authenticate(request));
    app.decorate('optionalUser', async (request: FastifyRequest) => {
      if (request.headers.authorization) await authenticate(request);
    });
    app.decorate(
      'issueToken',
      async (userId: number, userAgent?: string) => (await issueTokens([userId], userAgent))[0]!,
    );
    app.decorate('issueTokens', (userIds: number[]) => issueTokens(userIds));

    // Ended sessions are kept a day (the list of devices no longer shows them), then forgotten.
    let cleanup: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      cleanup = setInterval(() => {
        void deleteEndedSessions(app.db).catch((error: unknown) =>
          app.log.warn({ err: error }, 'could not delete ended sessions'),
        );
      }, 3600_000);
      cleanup.unref();
    });
    app.addHook('onClose', async () => clearInterval(cleanup));
  },
  { name: 'auth', dependencies: ['db'] },
);
