import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildApp } from '../../server/src/app.js';
import { testConfig, useTestApp } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';

const t = useTestApp();

describe('GET /api/health', () => {
  it('reports the database kind and the PostGIS version', async () => {
    const response = await t.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ok',
      database: TEST_DB_KIND,
      postgis: expect.stringMatching(/^3\.\d+/),
    });
  });
});

describe('error shape', () => {
  it('answers unknown /api routes with a JSON 404', async () => {
    const response = await t.app.inject('/api/does-not-exist');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: expect.stringContaining('/api/does-not-exist') },
    });
  });

  it('answers a method an /api address does not take with a JSON 405 naming the ones it does', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/health' });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe('GET, HEAD');
    expect(response.json().error.code).toBe('method_not_allowed');
  });

  it.each([
    ['a broken percent-encoding', '/api/places/%E0%A4%A', 'percent-encoding'],
    ['a path parameter over 100 characters', `/api/places/${'1'.repeat(101)}`, 'longer than'],
  ])('answers an address with %s with a JSON 400', async (_label, url, words) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'bad_url', message: expect.stringContaining(words) } });
  });

  it('answers a malformed JSON body with 400 malformed_json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c", ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('malformed_json');
    expect(response.body).not.toMatch(/at .*\.(js|ts):\d+/);
  });

  it('answers a body over the limit with 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(400_000), displayName: 'A' }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toEqual({ code: 'payload_too_large', message: expect.any(String) });
  });

  it('names each invalid field in validation errors', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'someone@example.org', password: 'short', displayName: '' },
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^password /);
    expect(error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'password', in: 'body' }),
        expect.objectContaining({ field: 'displayName', in: 'body' }),
      ]),
    );
  });

  it('names a missing field', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.org' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toContainEqual({ field: 'password', in: 'body', message: 'is required' });
  });
});

describe('security headers', () => {
  it('sends a Content-Security-Policy that allows own scripts and map tiles only', async () => {
    const response = await t.app.inject('/api/health');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain('https://tile.openstreetmap.org');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends the same headers with every answer, errors included', async () => {
    const health = await t.app.inject('/api/health');
    for (const url of ['/api/no-such-route', '/api/nearby?lat=500&lng=0', '/api/places/%E0%A4%A']) {
      const response = await t.app.inject(url);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      for (const name of ['content-security-policy', 'x-frame-options', 'strict-transport-security']) {
        expect(response.headers[name], `${name} on ${url}`).toBe(health.headers[name]);
        expect(response.headers[name]).toBeTruthy();
      }
    }
  });

  it('does not answer CORS preflights by default', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers CORS for the configured origins only', async () => {
    const app = await buildApp({
      config: testConfig({ corsOrigins: ['https://maps.example'] }),
      database: t.database,
      web: false,
      runJobs: false,
    });
    const allowed = await app.inject({
      method: 'OPTIONS',
      url: '/api/nearby',
      headers: { origin: 'https://maps.example', 'access-control-request-method': 'GET' },
    });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://maps.example');
    const other = await app.inject({ url: '/api/health', headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
  });
});

describe('JSON body types', () => {
  it('answers 400 for an id of 0 in an "id or null" body field instead of reading it as null', async () => {
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'types@example.org', password: 'long enough password', displayName: 'Types' },
    });
    const { token } = register.json();
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: { authorization: `Bearer ${token}` },
      payload: { title: 'Hello', body: 'Text', location: { lat: 1, lng: 1 } },
    });
    expect(post.statusCode).toBe(201);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/posts/${post.json().id}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { placeId: 0 },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().error.details[0].field).toBe('placeId');
  });

  it('does not coerce a string into a number in a JSON body', async () => {
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'x@example.org', password: 1234567890123, displayName: 'X' },
    });
    expect(register.statusCode).toBe(400);
    expect(register.json().error.details[0].field).toBe('password');
  });
});

// PostgreSQL text cannot hold U+0000 (a statement carrying one fails as a whole), and calendar
// files may not carry the other control characters.
describe('text holding control characters', () => {
  const controlMessage = 'must not contain control characters (tab and line breaks are allowed)';

  it('answers 400 naming the field, top-level or nested, and stores nothing', async () => {
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'nul@example.org', password: 'long enough password', displayName: 'Nul' },
    });
    const headers = { authorization: `Bearer ${register.json().token}` };
    const before = await t.db
      .selectFrom('places')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [payload, field] of [
      [{ name: 'Caf\u0000é', kind: 'cafe', location: { lat: 1, lng: 1 } }, 'name'],
      [{ name: 'Café', kind: 'cafe', location: { lat: 1, lng: 1 }, tags: ['board games', 'te\u0000a'] }, 'tags.1'],
      [{ name: 'Caf\u0007é', kind: 'cafe', location: { lat: 1, lng: 1 } }, 'name'],
      [{ name: 'Café', kind: 'cafe', location: { lat: 1, lng: 1 }, description: 'Open\u000blate' }, 'description'],
    ] as const) {
      const response = await t.app.inject({ method: 'POST', url: '/api/places', headers, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json().error).toEqual({
        code: 'validation_failed',
        message: `${field} ${controlMessage}`,
        details: [{ field, in: 'body', message: controlMessage }],
      });
    }
    const after = await t.db
      .selectFrom('places')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps tabs and line breaks', async () => {
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'tabs@example.org', password: 'long enough password', displayName: 'Tabs' },
    });
    const description = 'Open late.\r\n\tBoard games\non every table.';
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/places',
      headers: { authorization: `Bearer ${register.json().token}` },
      payload: { name: 'Café', kind: 'cafe', location: { lat: 1, lng: 1 }, description },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().description).toBe(description);
  });

  it('answers 400 for a query parameter holding one', async () => {
    const response = await t.app.inject('/api/geocode?q=Ber%00lin');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details).toEqual([{ field: 'q', in: 'querystring', message: controlMessage }]);
  });

  it('lets a password hold any character: it is hashed, never stored as text', async () => {
    const credentials = { email: 'controls@example.org', password: 'long enough\u0000pass\u0007word' };
    const register = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...credentials, displayName: 'Controls' },
    });
    expect(register.statusCode).toBe(201);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: credentials });
    expect(login.statusCode).toBe(200);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { ...credentials, password: 'long enough' },
    });
    expect(wrong.statusCode).toBe(401);
  });
});

// Two transactions that lock two rows in opposite orders: PostgreSQL aborts one of them.
describe.runIf(TEST_DB_KIND === 'postgres')('a deadlock between two writers', () => {
  it('answers 409 write_conflict for the transaction PostgreSQL gave up', async () => {
    const app = await buildApp({ config: testConfig(), database: t.database, web: false, runJobs: false });
    app.get('/api/deadlock-probe', async () => {
      await sql`create table if not exists deadlock_probe (id int primary key, n int not null)`.execute(t.db);
      await sql`insert into deadlock_probe values (1, 0), (2, 0) on conflict do nothing`.execute(t.db);
      const first = await t.db.startTransaction().execute();
      const second = await t.db.startTransaction().execute();
      try {
        await sql`update deadlock_probe set n = n + 1 where id = 1`.execute(first);
        await sql`update deadlock_probe set n = n + 1 where id = 2`.execute(second);
        const outcomes = await Promise.allSettled([
          sql`update deadlock_probe set n = n + 1 where id = 2`.execute(first),
          sql`update deadlock_probe set n = n + 1 where id = 1`.execute(second),
        ]);
        const failed = outcomes.find((outcome) => outcome.status === 'rejected');
        if (failed) throw failed.reason;
        return { deadlocked: false };
      } finally {
        await first.rollback().execute();
        await second.rollback().execute();
      }
    });
    await app.ready();
    try {
      const response = await app.inject('/api/deadlock-probe');
      expect(response.statusCode).toBe(409);
      expect(response.json()).toEqual({
        error: { code: 'write_conflict', message: expect.stringContaining('try again') },
      });
    } finally {
      await app.close();
    }
  });
});
