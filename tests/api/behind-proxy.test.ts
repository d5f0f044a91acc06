/**
 * Behind a reverse proxy (TRUST_PROXY, PUBLIC_URL): each client's address comes from
 * X-Forwarded-For, so the sign-in rate limit counts clients one by one rather than the proxy as
 * one, and links in calendar files name the public address whatever Host the request carried.
 */
import { expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent } from '../helpers/events.js';
import { registerUser } from '../helpers/users.js';

const t = useTestApp({ authRateLimit: 2, trustProxy: ['127.0.0.1'], publicUrl: 'https://vicinity.example.org' });

it('writes PUBLIC_URL into calendar links, never the Host the request carried', async () => {
  const organizer = await registerUser(t.app);
  const event = await createEvent(t.app, organizer, { lat: 52.5, lng: 13.4 });
  const response = await t.app.inject({
    url: `/api/events/${event.id}/calendar.ics`,
    headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
  });
  expect(response.body).toContain(`URL;VALUE=URI:https://vicinity.example.org/events/${event.id}`);
  expect(response.body).not.toContain('evil.example');
});

// Each test signs in as its own email, so the per-account limit never joins in.
const attempt = (headers: Record<string, string>, remoteAddress = '127.0.0.1', email = 'x@example.org') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    headers,
    payload: { email, password: 'whatever123' },
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
  const email = 'y@example.org';
  expect((await attempt({ 'x-forwarded-for': '203.0.113.1' }, from, email)).statusCode).toBe(401);
  expect((await attempt({ 'x-forwarded-for': '203.0.113.2' }, from, email)).statusCode).toBe(401);
  expect((await attempt({ 'x-forwarded-for': '203.0.113.3' }, from, email)).statusCode).toBe(429);
});
