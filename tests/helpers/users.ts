/** Making people for tests: through the real API, or many at once straight into the table. */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../server/src/db/schema.js';
import { hashPassword } from '../../server/src/modules/accounts/password.js';

export const PASSWORD = 'correct horse battery';

export interface TestUser {
  id: number;
  token: string;
  email: string;
  displayName: string;
  auth: { authorization: string };
}

export async function registerUser(app: FastifyInstance, displayName = 'Test Person'): Promise<TestUser> {
  const email = `${randomUUID()}@example.org`;
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email, password: PASSWORD, displayName },
  });
  // A server that sends email answers 202 and makes the account from the emailed link
  // (tests/api/registration-email.test.ts); other tests get their account straight away.
  if (response.statusCode === 202) {
    // Its emailed link is never sent: the job finds the registration gone (tests run jobs themselves).
    await app.db.deleteFrom('pending_registrations').where('email', '=', email).execute();
    sharedHash ??= hashPassword(PASSWORD);
    const { id } = await app.db
      .insertInto('users')
      .values({ email, password_hash: await sharedHash, display_name: displayName })
      .returning('id')
      .executeTakeFirstOrThrow();
    const [token] = await app.issueTokens([id]);
    return { id, token: token!, email, displayName, auth: { authorization: `Bearer ${token}` } };
  }
  expect(response.statusCode, response.body).toBe(201);
  const { token, user } = response.json();
  return { id: user.id, token, email, displayName, auth: { authorization: `Bearer ${token}` } };
}

let sharedHash: Promise<string> | undefined;

/** Inserts `count` accounts in one statement (hashing once) and returns them with tokens. */
export async function createUsers(app: FastifyInstance, db: Kysely<Database>, count: number): Promise<TestUser[]> {
  sharedHash ??= hashPassword(PASSWORD);
  const passwordHash = await sharedHash;
  const rows = Array.from({ length: count }, (_, index) => ({
    email: `${randomUUID()}@example.org`,
    password_hash: passwordHash,
    display_name: `Person ${index + 1}`,
  }));
  const inserted = await db.insertInto('users').values(rows).returning(['id', 'email', 'display_name']).execute();
  const tokens = await app.issueTokens(inserted.map((row) => row.id));
  return inserted.map((row, index) => {
    const token = tokens[index]!;
    return {
      id: row.id,
      token,
      email: row.email,
      displayName: row.display_name,
      auth: { authorization: `Bearer ${token}` },
    };
  });
}
