/**
 * Signed JWTs (HS256, with an expiry). `requireUser` guards protected routes; `optionalUser`
 * lets public routes personalise their answer when a valid token is present. A token whose
 * account no longer exists is treated like a tampered one.
 */
import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, unauthorized, type ErrorCode } from './errors.js';

/** Methods that only read: a suspended account may still use them. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes a suspended account may still make: signing in again and leaving for good (deleting the
 * account is the person's right whatever they did).
 */
const WRITES_WHILE_SUSPENDED = new Set(['POST /api/auth/login', 'DELETE /api/me']);

export interface Viewer {
  id: number;
  displayName: string;
  /** A site admin: granted in the database or listed in ADMIN_EMAILS. */
  isAdmin: boolean;
  /** Suspended now: may sign in, read and export, but not write. */
  suspended: boolean;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string };
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    requireUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    optionalUser: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    issueToken: (userId: number) => string;
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

export default fp<{ secret: string; expiresIn: string; adminEmails?: readonly string[] }>(
  async function auth(app, { secret, expiresIn, adminEmails = [] }) {
    const admins = new Set(adminEmails.map((email) => email.toLowerCase()));
    await app.register(jwt, { secret, sign: { expiresIn, algorithm: 'HS256' }, verify: { algorithms: ['HS256'] } });
    app.decorateRequest('viewer', null);

    async function authenticate(request: FastifyRequest): Promise<void> {
      let payload: { sub: string };
      try {
        payload = await request.jwtVerify<{ sub: string }>();
      } catch (error) {
        let code = (error as { code?: string }).code ?? '';
        // The plugin says "no authorization header" also for one of another scheme (Basic …).
        if (code === 'FST_JWT_NO_AUTHORIZATION_IN_HEADER' && request.headers.authorization) {
          code = 'FST_JWT_BAD_REQUEST';
        }
        const [appCode, message] = JWT_ERRORS[code] ?? ['token_invalid', 'The token is invalid. Sign in again.'];
        throw new AppError(401, appCode, message);
      }
      const id = Number(payload.sub);
      const user = Number.isSafeInteger(id)
        ? await app.db
            .selectFrom('users')
            .select(['id', 'display_name', 'email', 'is_admin', 'suspended_until'])
            .where('id', '=', id)
            .executeTakeFirst()
        : undefined;
      if (!user) throw new AppError(401, 'token_invalid', 'This account no longer exists. Sign in again.');
      const suspended = user.suspended_until !== null && user.suspended_until.getTime() > Date.now();
      request.viewer = {
        id: user.id,
        displayName: user.display_name,
        isAdmin: user.is_admin || admins.has(user.email.toLowerCase()),
        suspended,
      };
      // Every write route signs its person in here, so this one check covers them all.
      if (
        suspended &&
        !READ_METHODS.has(request.method) &&
        !WRITES_WHILE_SUSPENDED.has(`${request.method} ${request.routeOptions.url ?? ''}`)
      ) {
        const until = user.suspended_until!;
        throw new AppError(
          403,
          'account_suspended',
          Number.isFinite(until.getTime()) && until.getFullYear() < 9999
            ? `Your account is suspended until ${until.toISOString()}: you can read and export your data, not write.`
            : 'Your account is suspended: you can read and export your data, not write.',
          { until: Number.isFinite(until.getTime()) ? until.toISOString() : null },
        );
      }
    }

    app.decorate('requireUser', async (request: FastifyRequest) => authenticate(request));
    app.decorate('optionalUser', async (request: FastifyRequest) => {
      if (request.headers.authorization) await authenticate(request);
    });
    app.decorate('issueToken', (userId: number) => app.jwt.sign({ sub: String(userId) }));
  },
  { name: 'auth', dependencies: ['db'] },
);
