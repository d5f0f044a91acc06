/** The API of a started server over real HTTP, for preparing what a browser test then walks through. */

export interface SignedIn {
  token: string;
  user: { id: number; displayName: string };
}

export type Api = <T>(method: string, path: string, body?: unknown, token?: string) => Promise<T>;

/**
 * JSON requests to the server at `baseUrl()` (read at each call: servers start in `beforeAll`);
 * an answer outside 2xx throws with its status and body, so a failed preparation says why.
 */
export function apiOf(baseUrl: () => string): Api {
  return async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${baseUrl()}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

let registered = 0;

/** Registers someone new (a unique email unless one is given) and answers them signed in. */
export function signUpWith(api: Api, displayName: string, email?: string): Promise<SignedIn> {
  registered += 1;
  return api('POST', '/api/auth/register', {
    email: email ?? `person.${registered}.${process.pid}.${Date.now()}@example.org`,
    password: 'a long enough password',
    displayName,
  });
}
