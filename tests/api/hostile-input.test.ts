/**
 * Hostile values that used to reach the database or Node's parser: impossible dates (leap
 * seconds, years 0 and 10000, meetups in year 3000) and oversized addresses and headers. Each is
 * refused with a 4xx in the documented shape that names the field.
 */
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createEvent, DAY, fromNow, HOUR } from '../helpers/events.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const here = { lat: 52.4986, lng: 13.4213 };

const HOSTILE_DATES = [
  '2026-12-31T23:59:60Z',
  '0000-01-01T00:00:00Z',
  '10000-01-01T00:00:00Z',
  '9999-12-31T23:00:00-05:00',
  '2027-02-29T10:00:00Z',
  '2027-01-01T24:00:00Z',
];

function expectFieldError(response: { statusCode: number; body: string; json: () => unknown }, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json() as { error: { code: string; message: string; details: { field: string }[] } };
  expect(body.error.code).toBe('validation_failed');
  expect(body.error.details.map((detail) => detail.field)).toContain(field);
  expect(body.error.message).toContain(field);
}

describe('dates', () => {
  let person: TestUser;

  it('refuses impossible dates in the feed, event search, and meetups with 400 naming the field', async () => {
    person = await registerUser(t.app, 'Dates');
    const event = await createEvent(t.app, person, here);
    for (const value of HOSTILE_DATES) {
      const asOf = await t.app.inject({
        url: `/api/feed?lat=52.5&lng=13.4&asOf=${encodeURIComponent(value)}`,
      });
      expectFieldError(asOf, 'asOf');
      for (const field of ['from', 'to']) {
        const search = await t.app.inject({ url: `/api/events?${field}=${encodeURIComponent(value)}` });
        expectFieldError(search, field);
      }
      for (const field of ['startsAt', 'endsAt']) {
        const create = await t.app.inject({
          method: 'POST',
          url: '/api/events',
          headers: person.auth,
          payload: {
            title: 'Hostile',
            startsAt: fromNow(DAY),
            endsAt: fromNow(DAY + HOUR),
            timeZone: 'Europe/Berlin',
            location: here,
            [field]: value,
          },
        });
        expectFieldError(create, field);
        const edit = await t.app.inject({
          method: 'PATCH',
          url: `/api/events/${event.id}`,
          headers: person.auth,
          payload: { [field]: value },
        });
        expectFieldError(edit, field);
      }
    }
  });

  it('keeps meetups between a year ago and ten years ahead', async () => {
    for (const startsAt of ['3000-01-01T10:00:00Z', fromNow(11 * 366 * DAY), '1999-01-01T10:00:00Z']) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/events',
        headers: person.auth,
        payload: { title: 'Far', startsAt, endsAt: fromNow(DAY), timeZone: 'Europe/Berlin', location: here },
      });
      expectFieldError(response, 'startsAt');
      expect(response.json().error.message).toMatch(/must be between/);
    }
    const far = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: person.auth,
      payload: {
        title: 'Far but fine',
        startsAt: fromNow(9 * 365 * DAY),
        endsAt: fromNow(9 * 365 * DAY + HOUR),
        timeZone: 'Europe/Berlin',
        location: here,
      },
    });
    expect(far.statusCode, far.body).toBe(201);
    const until = await t.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: person.auth,
      payload: {
        title: 'Forever',
        startsAt: fromNow(DAY),
        endsAt: fromNow(DAY + HOUR),
        timeZone: 'Europe/Berlin',
        location: here,
        recurrence: { freq: 'weekly', until: '0000-01-01' },
      },
    });
    expect(until.statusCode, until.body).toBe(400);
  });

  it('takes the feed asOf only within the clock skew', async () => {
    const ahead = await t.app.inject({ url: `/api/feed?lat=52.5&lng=13.4&asOf=${fromNow(HOUR)}` });
    expectFieldError(ahead, 'asOf');
    const now = await t.app.inject({ url: `/api/feed?lat=52.5&lng=13.4&asOf=${fromNow(60_000)}` });
    expect(now.statusCode, now.body).toBe(200);
  });
});

describe('oversized requests', () => {
  async function raw(path: string, headers: Record<string, string> = {}) {
    if (!t.app.server.listening) await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    return new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, type: String(response.headers['content-type']), body }),
        );
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('answers 431 for an address or headers that are too long, in the documented shape', async () => {
    for (const answer of [
      await raw(`/api/health?${'a'.repeat(20_000)}`),
      await raw('/api/health', { 'x-padding': 'b'.repeat(20_000) }),
    ]) {
      expect(answer.status).toBe(431);
      expect(answer.type).toContain('application/json');
      expect(JSON.parse(answer.body)).toEqual({
        error: { code: 'headers_too_large', message: expect.any(String) },
      });
    }
  });
});
