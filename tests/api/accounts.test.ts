import { describe, expect, it } from 'vitest';
import { createSigner } from 'fast-jwt';
import { TEST_JWT_SECRET, useTestApp } from '../helpers/app.js';
import { PASSWORD, registerUser } from '../helpers/users.js';

const t = useTestApp();

describe('POST /api/auth/register', () => {
  it('creates an account with a trimmed, lower-cased email and answers a token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: '  Ada.Lovelace@Example.ORG ', password: PASSWORD, displayName: ' Ada ' },
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(body.user).toMatchObject({ email: 'ada.lovelace@example.org', displayName: 'Ada', homeLocation: null });
    expect(JSON.stringify(body)).not.toMatch(/password|hash|argon/i);
    const stored = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', body.user.id)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a second account with the same email, whatever its case, with 409 email_taken', async () => {
    const payload = { email: 'twice@example.org', password: PASSWORD, displayName: 'One' };
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/register', payload })).statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...payload, email: 'TWICE@example.org' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('email_taken');
  });

  it.each([
    ['a password under 10 characters', { password: '123456789' }, 'password'],
    ['an email without @', { email: 'not-an-email' }, 'email'],
    ['an empty display name', { displayName: '' }, 'displayName'],
    ['a display name of spaces', { displayName: '    ' }, 'displayName'],
    ['a 61-character display name', { displayName: 'x'.repeat(61) }, 'displayName'],
    ['an unknown field', { role: 'admin' }, 'role'],
  ])('answers 400 for %s', async (_label, change, field) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'valid@example.org', password: PASSWORD, displayName: 'Valid', ...change },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.map((d: { field: string }) => d.field)).toContain(field);
  });
});

describe('POST /api/auth/login', () => {
  it('signs in with the right password, whatever the email case', async () => {
    const user = await registerUser(t.app, 'Grace');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email.toUpperCase(), password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toMatchObject({ id: user.id, displayName: 'Grace' });
  });

  it('gives the same 401 for a wrong password and an unknown email', async () => {
    const user = await registerUser(t.app);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'wrong password!' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'nobody@example.org', password: PASSWORD },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });
});

describe('tokens on protected routes', () => {
  const sign = (payload: object, options: { expiresIn?: number } = {}) =>
    createSigner({ key: TEST_JWT_SECRET, ...options })(payload);

  it('answers 401 without a token', async () => {
    const response = await t.app.inject('/api/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('unauthorized');
  });

  it('answers 401 naming the scheme for an Authorization header that is not a Bearer token', async () => {
    for (const authorization of ['Basic Zm9vOmJhcg==', 'Bearer', 'Token abc']) {
      const response = await t.app.inject({ url: '/api/me', headers: { authorization } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error).toEqual({
        code: 'token_invalid',
        message: 'The Authorization header must be "Bearer <token>".',
      });
    }
  });

  it('answers 401 token_invalid for a tampered token', async () => {
    const user = await registerUser(t.app);
    const [header, , signature] = user.token.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ sub: String(user.id + 1), iat: 1 })).toString('base64url');
    const response = await t.app.inject({
      url: '/api/me',
      headers: { authorization: `Bearer ${header}.${forgedPayload}.${signature}` },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('token_invalid');
  });

  it('answers 401 token_invalid for a token signed with another secret', async () => {
    const token = createSigner({ key: 'another-secret-another-secret-another-secret' })({ sub: '1' });
    const response = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('token_invalid');
  });

  it('answers 401 token_expired for an expired token', async () => {
    const user = await registerUser(t.app);
    const expired = sign({
      sub: String(user.id),
      iat: Math.floor(Date.now() / 1000) - 7200,
      exp: Math.floor(Date.now() / 1000) - 3600,
    });
    const response = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${expired}` } });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('token_expired');
  });

  it('answers 401 for a garbage Authorization header', async () => {
    const response = await t.app.inject({ url: '/api/me', headers: { authorization: 'Bearer not.a.token' } });
    expect(response.statusCode).toBe(401);
  });

  it('answers 401 for a valid token whose account no longer exists', async () => {
    const user = await registerUser(t.app);
    await t.db.deleteFrom('users').where('id', '=', user.id).execute();
    const response = await t.app.inject({ url: '/api/me', headers: user.auth });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET and PATCH /api/me', () => {
  it('shows your own email but never another person’s', async () => {
    const user = await registerUser(t.app, 'Me');
    const me = await t.app.inject({ url: '/api/me', headers: user.auth });
    expect(me.json()).toMatchObject({ id: user.id, email: user.email, displayName: 'Me' });
  });

  it('stores the home location precisely but only ever returns it snapped to ~500 m', async () => {
    const user = await registerUser(t.app);
    const home = { lat: 52.501234, lng: 13.419876 };
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: user.auth,
      payload: { homeLocation: home },
    });
    expect(response.statusCode).toBe(200);
    const shown = response.json().homeLocation;
    expect(shown.precisionMeters).toBe(500);
    expect(shown.lat).not.toBe(home.lat);
    expect(shown.lng).not.toBe(home.lng);
    // Within one grid cell of the truth, but not the truth.
    expect(Math.abs(shown.lat - home.lat) * 111_320).toBeLessThanOrEqual(251);
    expect(Math.abs(shown.lng - home.lng) * 111_320 * Math.cos((home.lat * Math.PI) / 180)).toBeLessThanOrEqual(260);
    // Neighbours in the same cell are indistinguishable.
    const neighbour = await registerUser(t.app);
    const near = { lat: home.lat + 0.0003, lng: home.lng - 0.0004 };
    const other = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: neighbour.auth,
      payload: { homeLocation: near },
    });
    expect(other.json().homeLocation).toEqual(shown);
    // GET tells the same coarse story; the precise point stays in the database only.
    expect((await t.app.inject({ url: '/api/me', headers: user.auth })).json().homeLocation).toEqual(shown);
  });

  it('changes the name and bio, and forgets the home with null', async () => {
    const user = await registerUser(t.app);
    await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: user.auth,
      payload: { homeLocation: { lat: 1, lng: 2 } },
    });
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: user.auth,
      payload: { displayName: 'Renamed', bio: 'Board games and long walks.', homeLocation: null },
    });
    expect(response.json()).toMatchObject({
      displayName: 'Renamed',
      bio: 'Board games and long walks.',
      homeLocation: null,
    });
  });

  it.each([
    [{ homeLocation: { lat: 91, lng: 0 } }, 'homeLocation'],
    [{ homeLocation: { lat: 0 } }, 'homeLocation'],
    [{ displayName: '' }, 'displayName'],
    [{ bio: 'x'.repeat(2001) }, 'bio'],
  ])('answers 400 for %j', async (payload, field) => {
    const user = await registerUser(t.app);
    const response = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: user.auth, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(new RegExp(`^${field}`));
  });
});
