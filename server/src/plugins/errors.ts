/**
 * Errors have one shape and one place. Modules throw AppError (or let Fastify raise validation
 * and parsing errors); this plugin turns every one of them into
 * `{"error":{"code","message","details"}}` with the right status. Stack traces stay in the log.
 */
import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Duplex } from 'node:stream';
import { Type } from 'typebox';
import { isDatabaseUnavailable, isSerializationFailure, isStorageFull, isUnreadableValue } from '../db/errors.js';
import { ERROR_CODE_LIST, ERROR_CODES, type ErrorCode } from './error-codes.js';

export type { ErrorCode };

declare module 'fastify' {
  interface FastifyInstance {
    /** The methods that the routes matching this path answer (empty: no route has that path). */
    methodsAt(path: string): string[];
  }
}

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** Response headers that go with it, e.g. Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const unauthorized = (message = 'Sign in to do this.') => new AppError(401, 'unauthorized', message);
export const forbidden = (message: string) => new AppError(403, 'forbidden', message);
/** 405 for an address that exists with other methods, naming them in Allow. */
export function methodNotAllowed(method: string, path: string, allowed: string[]): AppError {
  return new AppError(
    405,
    'method_not_allowed',
    `${path} does not answer ${method}; it answers ${allowed.join(', ')}.`,
    {
      allow: allowed,
    },
  );
}
export const notFound = (what: string) => new AppError(404, 'not_found', `${what} was not found.`);
export const conflict = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(409, code, message, details);
export const unprocessable = (code: ErrorCode, message: string, details?: unknown) =>
  new AppError(422, code, message, details);

/** A 400 for one named parameter, in the same shape as schema validation failures. */
export function invalidField(field: string, message: string, where = 'querystring'): AppError {
  return new AppError(400, 'validation_failed', `${field} ${message}`, [{ field, in: where, message }]);
}

/** The error body every route documents for its 4xx/5xx answers. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.Unsafe<ErrorCode>({
        type: 'string',
        enum: ERROR_CODE_LIST,
        description:
          'Stable machine-readable code:\n' +
          ERROR_CODE_LIST.map((code) => `- \`${code}\`: ${ERROR_CODES[code]}`).join('\n'),
      }),
      message: Type.String({ description: 'A sentence for people.' }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'ErrorBody', description: 'Every error answer has this shape.' },
);

interface ValidationIssue {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turn AJV's issues into `{field, in, message}` with the field's dotted name. */
function describeValidation(issues: ValidationIssue[], where: string) {
  return issues.map((issue) => {
    const segments = issue.instancePath.split('/').filter(Boolean);
    if (issue.keyword === 'required' && typeof issue.params.missingProperty === 'string') {
      segments.push(issue.params.missingProperty);
    }
    if (issue.keyword === 'additionalProperties' && typeof issue.params.additionalProperty === 'string') {
      segments.push(issue.params.additionalProperty);
    }
    const field = segments.join('.') || where;
    let message = issue.message ?? 'is invalid';
    if (issue.keyword === 'required') message = 'is required';
    else if (issue.keyword === 'additionalProperties') message = 'is not a known field';
    else if (issue.keyword === 'anyOf' || issue.keyword === 'const') message = 'is not one of the allowed values';
    else if (Array.isArray(issue.params.allowedValues)) {
      message = `must be one of ${issue.params.allowedValues.join(', ')}`;
    }
    return { field, in: where, message };
  });
}

/** All that is said of a failure on the server's side; the log holds the rest. */
const INTERNAL_ERROR: { code: ErrorCode; message: string } = {
  code: 'internal_error',
  message: 'Something went wrong on our side. Please try again.',
};

/** How long a client should wait before trying again while the database is away. */
const DATABASE_RETRY_AFTER_SECONDS = 2;
/** How long a read that needed to write waits on a full disk before trying again. */
const STORAGE_RETRY_AFTER_SECONDS = 30;

/** What the router refuses before any route or hook runs, in people's words. */
const FRAMEWORK_ERRORS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The address is not valid: it holds a broken percent-encoding.',
  FST_ERR_MAX_PARAM_LENGTH: 'A part of the address is longer than this server accepts.',
};

/**
 * Fastify's `frameworkErrors`: the router's own refusals answered like every other error, in
 * the same shape and with the same security headers (the hooks that set them have not run).
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  request.server.writeSecurityHeaders(request.raw, reply.raw);
  const message = FRAMEWORK_ERRORS[error.code];
  if (message === undefined) {
    request.log.error({ err: error }, 'request failed');
    return reply.status(500).send({ error: INTERNAL_ERROR });
  }
  return reply.status(400).send({ error: { code: 'bad_url', message } });
}

const CLIENT_ERRORS: Record<string, [number, string, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'headers_too_large',
    'The address or the headers are longer than this server accepts.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.'],
};

/**
 * Fastify's `clientErrorHandler`: what Node's HTTP parser refuses before there is a request
 * (headers or address too long, not HTTP at all, too slow), answered in the same error shape
 * on the bare socket instead of Fastify's own body.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'Bad Request',
    'bad_http',
    'The request is not valid HTTP.',
  ];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'X-Content-Type-Options: nosniff\r\n' +
      'Connection: close\r\n\r\n' +
      body,
  );
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable',
  429: 'rate_limited',
  431: 'headers_too_large',
  503: 'unavailable',
};

export default fp(
  async function errors(app: FastifyInstance) {
    app.setErrorHandler((error: FastifyError & { validationContext?: string }, request, reply) => {
      if (error instanceof AppError) {
        if (error.headers) reply.headers(error.headers);
        if (error.statusCode === 405) reply.header('allow', (error.details as { allow: string[] }).allow.join(', '));
        return reply.status(error.statusCode).send({
          error: {
            code: error.code,
            message: error.message,
            ...(error.details === undefined ? {} : { details: error.details }),
          },
        });
      }
      if (error.validation) {
        const details = describeValidation(error.validation as ValidationIssue[], error.validationContext ?? 'request');
        const first = details[0];
        return reply.status(400).send({
          error: {
            code: 'validation_failed',
            message: first ? `${first.field} ${first.message}` : 'The request is invalid.',
            details,
          },
        });
      }
      // PostgreSQL gave up one of two transactions that waited on each other; nothing was written.
      if (isSerializationFailure(error)) {
        request.log.warn({ err: error }, 'write conflict');
        return reply.status(409).send({
          error: {
            code: 'write_conflict',
            message: 'Another change to the same data happened at the same moment. Please try again.',
          },
        });
      }
      // The database is restarting or unreachable: the request was fine, it may be sent again.
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        return reply
          .status(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send({
            error: {
              code: 'database_unavailable',
              message: 'The database is not reachable at the moment; nothing was stored. Please try again shortly.',
            },
          });
      }
      if (isUnreadableValue(error)) {
        request.log.warn({ err: error }, 'a value the database cannot read');
        return reply.status(400).send({
          error: { code: 'bad_request', message: 'A value in the request is out of range or not of the right type.' },
        });
      }
      // The disk is full: nothing was stored. Reads go on, so a read that had to write something
      // on the way (a counter, a key) is worth trying again later: 503 with Retry-After.
      if (isStorageFull(error)) {
        request.log.error({ err: error }, 'storage full');
        request.server.dbWriteHealth?.noteStorageFull();
        const reading = request.method === 'GET' || request.method === 'HEAD';
        if (reading) reply.header('retry-after', String(STORAGE_RETRY_AFTER_SECONDS));
        return reply.status(reading ? 503 : 507).send({
          error: {
            code: 'storage_full',
            message:
              'The server’s disk is full, so nothing can be stored at the moment; reading still works. Please tell its operator.',
          },
        });
      }
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        return reply
          .status(status)
          .send({ error: { ...INTERNAL_ERROR, code: STATUS_CODES[status] ?? INTERNAL_ERROR.code } });
      }
      let code: ErrorCode = STATUS_CODES[status] ?? 'bad_request';
      let message = error.message;
      if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
        code = 'malformed_json';
        message = 'The request body is not valid JSON.';
      } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
        code = 'empty_body';
        message = 'The request body is empty but its content type says JSON.';
      } else if (status === 413) {
        message = 'The request body is larger than this server accepts.';
      } else if (status === 415) {
        message = 'This content type is not accepted; send application/json.';
      }
      return reply.status(status).send({ error: { code, message } });
    });

    // Each route's path as a pattern, with the methods it answers, so that an address that exists
    // with other methods answers 405 and names them in Allow, rather than 404. Catch-all routes
    // (the web app's fallback, CORS preflight) would match every path and are left out.
    const methodsOfPath = new Map<string, { pattern: RegExp; methods: Set<string> }>();
    app.addHook('onRoute', (route) => {
      if (route.url.includes('*')) return;
      const entry = methodsOfPath.get(route.url) ?? { pattern: routePattern(route.url), methods: new Set() };
      for (const method of [route.method].flat()) entry.methods.add(method);
      methodsOfPath.set(route.url, entry);
    });

    app.decorate('methodsAt', (path: string): string[] => {
      const allowed = new Set<string>();
      for (const { pattern, methods } of methodsOfPath.values()) {
        if (pattern.test(path)) for (const method of methods) if (method !== 'OPTIONS') allowed.add(method);
      }
      return [...allowed].sort();
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const allowed = app.methodsAt(path);
      if (allowed.length > 0 && !allowed.includes(request.method))
        throw methodNotAllowed(request.method, path, allowed);
      return reply.status(404).send({
        error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}.` },
      });
    });
  },
  { name: 'errors' },
);

/** A route path (`/api/places/:id`) as a regular expression matching the paths it serves. */
function routePattern(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/** Response schemas for the error statuses a route can answer, for its OpenAPI entry. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((status) => [status, Type.Ref('ErrorBody')]));
}
