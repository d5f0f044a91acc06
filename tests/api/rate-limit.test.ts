import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { deleteEndedWindows } from '../../server/src/db/rate-limits.js';
import { testConfig, useTestApp } from '../helpers/app.js';

const t = useTestApp({ authRateLimit: 3 });

it('limits sign-in attempts per IP and answers 429 in the error shape', async () => {
  const attempt = () =>
    t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'x@example.org', password: 'whatever123' },
    });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await attempt()).statusCode);
  expect(statuses).toEqual([401, 401, 401, 429]);
  const limited = await attempt();
  expect(limited.json().error.code).toBe('rate_limited');
  expect(limited.headers['retry-after']).toBeDefined();
});

it('counts attempts through every server process together, in the database', async () => {
  // A second app on the same database, as a second process would be.
  const other = await buildApp({ config: testConfig({ authRateLimit: 3 }), database: t.database, web: false });
  try {
    const attempt = (app: typeof other) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '203.0.113.9',
        payload: { email: 'y@example.org', password: 'whatever123' },
      });
    const statuses = [];
    for (const app of [t.app, other, t.app, other]) statuses.push((await attempt(app)).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const { rows } = await sql<{ key: string; hits: number }>`
      select key, hits from rate_limit_counters where key like '%203.0.113.9'`.execute(t.db);
    expect(rows).toEqual([{ key: 'POST /api/auth/login 203.0.113.9', hits: 4 }]);
    // Another address, and another limited route, count on their own.
    const register = await other.inject({
      method: 'POST',
      url: '/api/auth/register',
      remoteAddress: '203.0.113.9',
      payload: { email: 'z@example.org', password: 'a long enough password', displayName: 'Zed' },
    });
    expect(register.statusCode).toBe(201);
  } finally {
    await other.close();
  }
});

it('starts counting again once the window has ended', async () => {
  await sql`update rate_limit_counters set window_ends_at = now() - interval '1 second'`.execute(t.db);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '203.0.113.9',
    payload: { email: 'y@example.org', password: 'whatever123' },
  });
  expect(response.statusCode).toBe(401);
  expect(await deleteEndedWindows(t.db)).toBeGreaterThanOrEqual(0);
});
