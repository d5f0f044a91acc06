/**
 * The authorization matrix of moderation: every moderation route for each kind of person
 * (anonymous, member, moderator of another group, the group's moderator, site admin, suspended
 * person), and every write route of the API for the anonymous and the suspended.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createGroup } from '../helpers/places.js';
import { addComment, createPost, setRole } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const centre = { lat: 47.3769, lng: 8.5417 };

type Persona = 'anonymous' | 'member' | 'otherModerator' | 'moderator' | 'admin' | 'suspended';
const PERSONAS: Persona[] = ['anonymous', 'member', 'otherModerator', 'moderator', 'admin', 'suspended'];

/** Writes that work without signing in (or with a token of their own, e.g. an unsubscribe link). */
const PUBLIC_WRITES = new Set([
  'POST /api/auth/register',
  'POST /api/auth/register/confirm',
  'POST /api/auth/login',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/notifications/unsubscribe',
]);
/** Writes a suspended account may still make. */
const SUSPENDED_WRITES = new Set([
  'POST /api/auth/login',
  'POST /api/auth/sign-out',
  'POST /api/auth/sign-out-everywhere',
  'DELETE /api/account/sessions/{id}',
  'PUT /api/account/password',
  'POST /api/account/password',
  'DELETE /api/me',
]);

describe('moderation authorization matrix', () => {
  it('answers each moderation route as each person may use it', async () => {
    const people = {} as Record<Exclude<Persona, 'anonymous'>, TestUser>;
    for (const persona of PERSONAS.filter((p): p is Exclude<Persona, 'anonymous'> => p !== 'anonymous')) {
      people[persona] = await registerUser(t.app, persona);
    }
    const target = await registerUser(t.app, 'Target');
    const group = await createGroup(t.app, people.moderator, centre);
    const other = await createGroup(t.app, people.otherModerator, centre);
    await setRole(t.db, group.id, people.member.id, 'member');
    await setRole(t.db, other.id, people.member.id, 'member');
    await t.db.updateTable('users').set({ is_admin: true }).where('id', '=', people.admin.id).execute();
    const post = await createPost(t.app, people.member, { groupId: group.id });
    const comment = await addComment(t.app, people.member, post.id, 'Hello');
    await t.db
      .updateTable('users')
      .set({ suspended_until: new Date(Date.now() + 86_400_000) })
      .where('id', '=', people.suspended.id)
      .execute();

    const as = (persona: Persona) => (persona === 'anonymous' ? {} : { headers: people[persona].auth });
    const expected: Array<{
      name: string;
      request: () => { method: 'GET' | 'POST' | 'PUT'; url: string; payload?: object };
      status: Record<Persona, number>;
    }> = [
      {
        name: 'report a comment',
        request: () => ({
          method: 'POST',
          url: '/api/reports',
          payload: { subject: { type: 'comment', id: comment.id }, reason: 'spam' },
        }),
        status: { anonymous: 401, member: 201, otherModerator: 201, moderator: 201, admin: 201, suspended: 403 },
      },
      {
        name: 'read your reports',
        request: () => ({ method: 'GET', url: '/api/reports' }),
        status: { anonymous: 401, member: 200, otherModerator: 200, moderator: 200, admin: 200, suspended: 200 },
      },
      {
        name: 'the queue of the group',
        request: () => ({ method: 'GET', url: `/api/moderation/queue?groupId=${group.id}` }),
        status: { anonymous: 401, member: 403, otherModerator: 200, moderator: 200, admin: 200, suspended: 403 },
      },
      {
        name: 'lock the post’s discussion',
        request: () => ({
          method: 'POST',
          url: '/api/moderation/actions',
          payload: { subject: { type: 'post', id: post.id }, action: 'lock', reason: 'Heated' },
        }),
        status: { anonymous: 401, member: 403, otherModerator: 403, moderator: 201, admin: 201, suspended: 403 },
      },
      {
        name: 'suspend someone',
        request: () => ({
          method: 'POST',
          url: '/api/moderation/actions',
          payload: {
            subject: { type: 'user', id: target.id },
            action: 'suspend',
            reason: 'Spam',
            until: new Date(Date.now() + 60_000).toISOString(),
          },
        }),
        status: { anonymous: 401, member: 403, otherModerator: 403, moderator: 403, admin: 201, suspended: 403 },
      },
      {
        name: 'the public log',
        request: () => ({ method: 'GET', url: `/api/moderation/log?groupId=${group.id}` }),
        status: { anonymous: 200, member: 200, otherModerator: 200, moderator: 200, admin: 200, suspended: 200 },
      },
      {
        name: 'read the group’s rules',
        request: () => ({ method: 'GET', url: `/api/groups/${group.id}/rules` }),
        status: { anonymous: 200, member: 200, otherModerator: 200, moderator: 200, admin: 200, suspended: 200 },
      },
      {
        name: 'change the group’s rules',
        request: () => ({ method: 'PUT', url: `/api/groups/${group.id}/rules`, payload: { rules: 'Be kind.' } }),
        status: { anonymous: 401, member: 403, otherModerator: 403, moderator: 200, admin: 200, suspended: 403 },
      },
      {
        name: 'list blocks',
        request: () => ({ method: 'GET', url: '/api/blocks' }),
        status: { anonymous: 401, member: 200, otherModerator: 200, moderator: 200, admin: 200, suspended: 200 },
      },
      {
        name: 'block someone',
        request: () => ({ method: 'PUT', url: `/api/blocks/${people.admin.id}` }),
        status: { anonymous: 401, member: 204, otherModerator: 204, moderator: 204, admin: 400, suspended: 403 },
      },
    ];
    const failures: string[] = [];
    for (const row of expected) {
      for (const persona of PERSONAS) {
        const response = await t.app.inject({ ...row.request(), ...as(persona) });
        if (response.statusCode !== row.status[persona]) {
          failures.push(
            `${row.name} as ${persona}: ${response.statusCode} (expected ${row.status[persona]}) ${response.body}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every write route 401 to the anonymous and 403 account_suspended to a suspended person', async () => {
    const suspended = await registerUser(t.app, 'Suspended');
    await t.db
      .updateTable('users')
      .set({ suspended_until: new Date('9999-12-31T00:00:00Z') })
      .where('id', '=', suspended.id)
      .execute();
    const document = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const writes = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method: method.toUpperCase(), path })),
    );
    expect(writes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const { method, path } of writes) {
      const key = `${method} ${path}`;
      const url = path.replace(/\{[^}]+\}/g, '1');
      const request = { method: method as 'POST', url, payload: {} };
      if (!PUBLIC_WRITES.has(key)) {
        const anonymous = await t.app.inject(request);
        if (anonymous.statusCode !== 401) failures.push(`${key} anonymous: ${anonymous.statusCode}`);
      }
      if (!SUSPENDED_WRITES.has(key) && !PUBLIC_WRITES.has(key)) {
        const answer = await t.app.inject({ ...request, headers: suspended.auth });
        if (answer.statusCode !== 403 || answer.json().error?.code !== 'account_suspended') {
          failures.push(`${key} suspended: ${answer.statusCode} ${answer.body.slice(0, 120)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
