/** Answers for a stubbed `fetch`, routed by method and path, recording every request. */
import { vi } from 'vitest';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string>;
}

export type Handler = (request: Recorded) => { status?: number; body?: unknown } | undefined;

export function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
}

/** Stubs `fetch`; the first handler that answers wins, anything unanswered is a 404. */
export function stubApi(...handlers: Handler[]) {
  const requests: Recorded[] = [];
  const fetch = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, 'http://localhost');
    const request: Recorded = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: (init.headers ?? {}) as Record<string, string>,
    };
    requests.push(request);
    for (const handler of handlers) {
      const answer = handler(request);
      if (answer) return json(answer.status ?? 200, answer.body);
    }
    return json(404, { error: { code: 'not_found', message: `No route ${request.method} ${request.path}.` } });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, requests };
}

export function validationError(message: string, details: Array<{ field: string; message: string }>) {
  return {
    status: 400,
    body: {
      error: { code: 'validation_failed', message, details: details.map((detail) => ({ in: 'body', ...detail })) },
    },
  };
}
