import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import { expect } from 'vitest';
import type { Group } from '../../server/src/modules/groups/schemas.js';
import type { Place } from '../../server/src/modules/places/schemas.js';
import type { LatLng } from './geo.js';
import type { TestUser } from './users.js';

let counter = 0;

export async function createPlace(
  app: FastifyInstance,
  user: TestUser,
  location: LatLng,
  fields: Record<string, unknown> = {},
): Promise<Static<typeof Place>> {
  counter += 1;
  const response = await app.inject({
    method: 'POST',
    url: '/api/places',
    headers: user.auth,
    payload: { name: `Place ${counter}`, kind: 'cafe', location, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function createGroup(
  app: FastifyInstance,
  user: TestUser,
  location: LatLng,
  fields: Record<string, unknown> = {},
): Promise<Static<typeof Group>> {
  counter += 1;
  const response = await app.inject({
    method: 'POST',
    url: '/api/groups',
    headers: user.auth,
    payload: { name: `Group ${counter}`, description: 'A test group', visibility: 'public', location, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}
