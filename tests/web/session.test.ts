import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { storedToken, storeToken } from '../../web/src/lib/api/http';
import { getMe, updateMe } from '../../web/src/lib/api/accounts';
import { getPlace } from '../../web/src/lib/api/places';
import { safeNextPath, session, signInPath } from '../../web/src/lib/session.svelte';
import { stubApi } from './helpers';

const ME = { id: 7, email: 'robin@example.org', displayName: 'Robin', bio: '', homeLocation: null, createdAt: '' };
const EXPIRED = { status: 401, body: { error: { code: 'token_expired', message: 'Your session has expired.' } } };

beforeEach(() => {
  window.localStorage.clear();
  session.user = null;
});

afterEach(() => {
  vi.unstubAllGlobals();
  storeToken(null);
});

describe('the sign-in token', () => {
  it('is sent with every request while it is stored, ends the session on the server, and is not sent after', async () => {
    const { requests } = stubApi(() => ({ body: ME }));
    session.signedIn({ token: 'jwt-1', user: ME });
    expect(storedToken()).toBe('jwt-1');
    await getMe();
    expect(requests[0]!.headers.authorization).toBe('Bearer jwt-1');
    session.signOut();
    expect(storedToken()).toBeNull();
    expect(requests[1]).toMatchObject({ method: 'POST', path: '/api/auth/sign-out' });
    expect(requests[1]!.headers.authorization).toBe('Bearer jwt-1');
    await getMe().catch(() => {});
    expect(requests[2]!.headers.authorization).toBeUndefined();
  });

  it('is dropped when the server refuses it, and a read is repeated without it', async () => {
    const { requests } = stubApi((request) =>
      request.headers.authorization ? EXPIRED : { body: { id: 5, name: 'Würfel & Zucker' } },
    );
    await session.restore().catch(() => {});
    session.signedIn({ token: 'old', user: ME });
    const place = await getPlace(5);
    expect(place).toMatchObject({ id: 5 });
    expect(requests.map((request) => Boolean(request.headers.authorization))).toEqual([true, false]);
    expect(storedToken()).toBeNull();
    expect(session.user).toBeNull();
    expect(session.endedBecause).toContain('Sign in again');
  });

  it('is dropped without repeating a change', async () => {
    const { requests } = stubApi(() => EXPIRED);
    storeToken('old');
    await expect(updateMe({ bio: 'x' })).rejects.toMatchObject({ code: 'token_expired' });
    expect(requests).toHaveLength(1);
    expect(storedToken()).toBeNull();
  });

  it('is checked on start, and a refused one forgotten', async () => {
    stubApi(() => EXPIRED);
    storeToken('old');
    await session.restore();
    expect(session.user).toBeNull();
    expect(session.checking).toBe(false);
    expect(storedToken()).toBeNull();
  });

  it('brings back who is signed in on start', async () => {
    stubApi(() => ({ body: ME }));
    storeToken('good');
    await session.restore();
    expect(session.user).toEqual(ME);
  });
});

describe('where signing in leads', () => {
  it.each([
    ['/events/4', '/events/4'],
    ['/feed?mode=latest', '/feed?mode=latest'],
    [null, '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/signin?next=/x', '/'],
  ])('follows %j to %j', (next, path) => {
    expect(safeNextPath(next)).toBe(path);
  });

  it('builds the sign-in link with the way back', () => {
    expect(signInPath('/events/4')).toBe('/signin?next=%2Fevents%2F4');
  });
});
