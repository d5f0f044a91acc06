/**
 * Behind a reverse proxy (TRUST_PROXY): each client's address comes from X-Forwarded-For, so
 * the sign-in rate limit counts clients one by one rather than the proxy as one.
 */
import { expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp({ authRateLimit: 2, trustProxy: ['127.0.0.1'] });

const attempt = (headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers,
    payload: { email: 'x@example.org', password: 'whatever123' },
  });

it('keys the sign-in rate limit on the client address the trusted proxy names', async () => {
  const first = { 'x-forwarded-for': '203.0.113.7' };
  expect((await attempt(first)).statusCode).toBe(401);
  expect((await attempt(first)).statusCode).toBe(401);
  expect((await attempt(first)).statusCode).toBe(429);
  // Another client behind the same proxy has its own allowance.
  expect((await attempt({ 'x-forwarded-for': '198.51.100.9' })).statusCode).toBe(401);
});

it('does not believe X-Forwarded-For from a sender that is not the proxy', async () => {
  const from = '192.0.2.50';
  expect((await attempt({ 'x-forwarded-for': '203.0.113.1' }, from)).statusCode).toBe(401);
  expect((await attempt({ 'x-forwarded-for': '203.0.113.2' }, from)).statusCode).toBe(401);
  expect((await attempt({ 'x-forwarded-for': '203.0.113.3' }, from)).statusCode).toBe(429);
});
