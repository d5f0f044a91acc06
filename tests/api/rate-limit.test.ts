import { expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

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
