/** Making meetups and answering them through the real API. */
import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { expect } from 'vitest';
import type { Event } from '../../server/src/modules/events/schemas.js';
import type { LatLng } from './geo.js';
import type { TestUser } from './users.js';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An ISO instant `ms` from now. */
export const fromNow = (ms: number) => new Date(Date.now() + ms).toISOString();

let counter = 0;

/** A meetup as the API answers it. */
export type EventJson = Static<typeof Event>;

/** Creates a meetup a day from now lasting three hours (override any field). */
export async function createEvent(
  app: FastifyInstance,
  user: TestUser,
  location: LatLng | null,
  fields: Record<string, unknown> = {},
): Promise<EventJson> {
  counter += 1;
  const response = await app.inject({
    method: 'POST',
    url: '/api/events',
    headers: user.auth,
    payload: {
      title: `Meetup ${counter}`,
      startsAt: fromNow(DAY),
      endsAt: fromNow(DAY + 3 * HOUR),
      timeZone: 'Europe/Berlin',
      ...(location ? { location } : {}),
      ...fields,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function rsvp(app: FastifyInstance, user: TestUser, eventId: number, status: 'going' | 'not_going') {
  return app.inject({ method: 'PUT', url: `/api/events/${eventId}/rsvp`, headers: user.auth, payload: { status } });
}

export async function readEvent(app: FastifyInstance, eventId: number, user?: TestUser): Promise<EventJson> {
  const response = await app.inject({ url: `/api/events/${eventId}`, headers: user?.auth ?? {} });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}
