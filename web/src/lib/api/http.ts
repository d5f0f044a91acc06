/**
 * The only module in the web app that calls `fetch`; the clients beside it (places.ts, events.ts…)
 * say which route to ask and with what. Every failure comes back as an ApiError carrying the
 * server's `{error:{code,message,details}}`, so pages can show the server's own sentence and point
 * at the field it names. The sign-in token lives in localStorage and is sent with every request
 * while it is there.
 */
import type { Schema } from './types';

/** The server's error codes, plus the two this client gives when there is no answer to read. */
export type ErrorCode = Schema<'ErrorBody'>['error']['code'] | 'network_error' | 'http_error';

/** One entry of a validation error's `details`. */
export interface FieldIssue {
  field: string;
  in: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the server could not be reached at all. */
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details: FieldIssue[] = [],
    /** `details` exactly as the server sent it, for answers whose details are not field issues. */
    readonly rawDetails: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The issue the server reported for one field, if any. */
  fieldMessage(field: string): string | undefined {
    return this.details.find((issue) => issue.field === field)?.message;
  }
}

/** What people are told when no answer came back at all (offline, or the server is down). */
export const SERVER_UNREACHABLE = 'The Vicinity server cannot be reached. Check your connection and try again.';

/**
 * Whether the server answers at all, to tell "cannot be reached" from other failures (a page's
 * code that failed to load while the server answers means this tab's copy of the app is out of
 * date). A proxy's 502–504 in front of a stopped server counts as no answer.
 */
export async function serverAnswers(): Promise<boolean> {
  try {
    const response = await fetch('/api/health', { cache: 'no-store' });
    return response.status < 502 || response.status > 504;
  } catch {
    return false;
  }
}

/** True when the server answered that the thing asked for is not there (404). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** True for the rejection a superseded request gets; callers drop it silently. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function fieldIssues(details: unknown): FieldIssue[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, in: where, message } = entry as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return [{ field, in: typeof where === 'string' ? where : '', message }];
  });
}

/** Builds an ApiError from a failed response, whatever its body turned out to be. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Proxies and crashed servers answer with HTML or nothing: fall back to the status below.
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'object' && error !== null) {
    const { code, message, details } = error as Record<string, unknown>;
    if (typeof code === 'string' && typeof message === 'string') {
      // Passed on as sent: a newer server may answer with a code this build does not know yet.
      return new ApiError(response.status, code as ErrorCode, message, fieldIssues(details), details ?? null);
    }
  }
  const reason = response.statusText ? ` (${response.statusText})` : '';
  return new ApiError(response.status, 'http_error', `The server answered ${response.status}${reason}.`);
}

type QueryValue = string | number | boolean | undefined;

/**
 * `path` with a query string. Typed with the route's query (`withQuery<Query<'/api/nearby'>>`),
 * a parameter the server does not read fails to compile.
 */
export function withQuery<Q = Record<string, unknown>>(
  path: string,
  query: { [Name in keyof Q]?: QueryValue },
): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value !== undefined) params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** Coordinates in query strings: six decimals is ~10 cm, plenty, and keeps URLs short. */
export function coordinate(value: number): string {
  return value.toFixed(6).replace(/\.?0+$/, '');
}

// --- The sign-in token -------------------------------------------------------------------------

const TOKEN_KEY = 'vicinity.token';
// Where the token is kept when the browser refuses localStorage.
let memoryToken: string | null = null;
let tokenRejected: (() => void) | null = null;

/** The stored sign-in token, if any; storage that is switched off counts as none. */
export function storedToken(): string | null {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** Keeps the token for later requests (and later visits); null forgets it, i.e. signs out. */
export function storeToken(token: string | null): void {
  try {
    if (token === null) window.localStorage.removeItem(TOKEN_KEY);
    else window.localStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Private modes may refuse storage: the session then lasts as long as the page.
  }
  memoryToken = token;
}

/** Called when the server refuses the stored token (expired, or its account is gone). */
export function onTokenRejected(listener: (() => void) | null): void {
  tokenRejected = listener;
}

function currentToken(): string | null {
  return storedToken() ?? memoryToken;
}

const REJECTED_TOKEN_CODES = new Set<ErrorCode>(['token_invalid', 'token_expired']);

// --- Requests ----------------------------------------------------------------------------------

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

async function send(method: string, url: string, token: string | null, { body, signal }: RequestOptions) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'network_error', SERVER_UNREACHABLE);
  }
}

/**
 * One request with the stored token, answering the route's JSON as `T` (`void` for 204). A
 * token the server no longer accepts is forgotten; a read is then repeated without it, since
 * public pages must not fail because a session ran out.
 */
export async function request<T>(method: string, url: string, options: RequestOptions = {}): Promise<T> {
  const token = currentToken();
  let response = await send(method, url, token, options);
  if (response.status === 401 && token) {
    const error = await errorFromResponse(response);
    if (!REJECTED_TOKEN_CODES.has(error.code)) throw error;
    storeToken(null);
    tokenRejected?.();
    if (method !== 'GET') throw error;
    response = await send(method, url, null, options);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return request<T>('GET', url, { signal });
}

/**
 * Sends a form (a file upload) with the stored token, reporting how much has been sent, which
 * `fetch` cannot tell: XMLHttpRequest does. Answers and fails like `request`.
 */
export function sendForm<T>(
  method: string,
  url: string,
  form: FormData,
  { onProgress, signal }: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded / event.total);
    };
    xhr.onload = () => {
      const response = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        statusText: xhr.statusText,
      });
      if (response.ok) resolve(response.json() as Promise<T>);
      else void errorFromResponse(response).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', SERVER_UNREACHABLE));
    xhr.onabort = () => reject(new DOMException('The upload was stopped.', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
