import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createGroup } from '../helpers/places.js';
import { createUsers, registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

async function join(user: TestUser, groupId: number, payload?: Record<string, unknown>) {
  return t.app.inject({
    method: 'POST',
    url: `/api/groups/${groupId}/members`,
    headers: user.auth,
    ...(payload ? { payload } : {}),
  });
}

async function setRole(actor: TestUser, groupId: number, userId: number, role: string) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/groups/${groupId}/members/${userId}`,
    headers: actor.auth,
    payload: { role },
  });
}

const leave = (user: TestUser, groupId: number) =>
  t.app.inject({ method: 'DELETE', url: `/api/groups/${groupId}/members/me`, headers: user.auth });

async function groupAs(user: TestUser | null, groupId: number) {
  const response = await t.app.inject({ url: `/api/groups/${groupId}`, headers: user?.auth ?? {} });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** A group with an owner, an organizer and a member, plus someone outside it. */
async function cast(visibility: 'public' | 'private' = 'public') {
  const [owner, organizer, member, stranger] = await createUsers(t.app, t.db, 4);
  const group = await createGroup(t.app, owner!, kreuzberg, { visibility: 'public' });
  for (const user of [organizer!, member!]) expect((await join(user, group.id)).statusCode).toBe(201);
  expect((await setRole(owner!, group.id, organizer!.id, 'organizer')).statusCode).toBe(200);
  if (visibility === 'private') {
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/groups/${group.id}`,
      headers: owner!.auth,
      payload: { visibility: 'private' },
    });
    expect(changed.statusCode).toBe(200);
  }
  return { group, owner: owner!, organizer: organizer!, member: member!, stranger: stranger! };
}

describe('joining and leaving a public group', () => {
  it('joins at once, shows the role, and refuses a second join with 409 already_member', async () => {
    const { group, stranger } = await cast();
    const joined = await join(stranger, group.id);
    expect(joined.statusCode).toBe(201);
    expect(joined.json()).toEqual({ status: 'member', role: 'member' });
    expect(await groupAs(stranger, group.id)).toMatchObject({
      myRole: 'member',
      memberCount: 4,
      requestPending: false,
    });
    const again = await join(stranger, group.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_member');
  });

  it('lets a member leave, and answers 404 to someone who is not a member', async () => {
    const { group, member, stranger } = await cast();
    expect((await leave(member, group.id)).statusCode).toBe(204);
    expect((await groupAs(member, group.id)).myRole).toBeNull();
    expect((await leave(stranger, group.id)).statusCode).toBe(404);
  });

  it('keeps the last owner from leaving until the group is handed over', async () => {
    const { group, owner, member } = await cast();
    const refused = await leave(owner, group.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('last_owner');
    expect((await setRole(owner, group.id, member.id, 'owner')).statusCode).toBe(200);
    expect((await leave(owner, group.id)).statusCode).toBe(204);
    expect((await groupAs(member, group.id)).myRole).toBe('owner');
  });

  it('lets exactly one of two owners leaving at the same moment go', async () => {
    const { group, owner, member } = await cast();
    expect((await setRole(owner, group.id, member.id, 'owner')).statusCode).toBe(200);
    const answers = await Promise.all([leave(owner, group.id), leave(member, group.id)]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([204, 409]);
    const owners = await t.db
      .selectFrom('group_members')
      .select('user_id')
      .where('group_id', '=', group.id)
      .where('role', '=', 'owner')
      .execute();
    expect(owners).toHaveLength(1);
  });

  it('requires sign-in and an existing group', async () => {
    const { group } = await cast();
    expect((await t.app.inject({ method: 'POST', url: `/api/groups/${group.id}/members` })).statusCode).toBe(401);
    const someone = await registerUser(t.app);
    expect((await join(someone, 987654)).statusCode).toBe(404);
  });
});

describe('joining a private group by request', () => {
  it('takes a request that the owner or an organizer approves', async () => {
    const { group, owner, organizer, stranger } = await cast('private');
    const asked = await join(stranger, group.id, { message: '  Hi, I play Azul!  ' });
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({ status: 'pending', role: null });
    expect(await groupAs(stranger, group.id)).toMatchObject({
      myRole: null,
      requestPending: true,
      pendingRequests: null,
    });
    expect((await groupAs(owner, group.id)).pendingRequests).toBe(1);

    const again = await join(stranger, group.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('request_pending');

    const list = await t.app.inject({ url: `/api/groups/${group.id}/requests`, headers: organizer.auth });
    expect(list.statusCode).toBe(200);
    expect(list.json().requests).toEqual([
      {
        user: { id: stranger.id, displayName: stranger.displayName },
        message: 'Hi, I play Azul!',
        requestedAt: expect.any(String),
      },
    ]);

    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/requests/${stranger.id}/approve`,
      headers: organizer.auth,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ user: { id: stranger.id }, role: 'member' });
    expect(await groupAs(stranger, group.id)).toMatchObject({ myRole: 'member', requestPending: false });
    expect((await groupAs(owner, group.id)).pendingRequests).toBe(0);
    // The exact point is shown once the person is a member.
    expect((await groupAs(stranger, group.id)).location.precisionMeters).toBe(0);
  });

  it('lets the owner decline (the person may ask again) and the person withdraw', async () => {
    const { group, owner, stranger } = await cast('private');
    await join(stranger, group.id);
    const declined = await t.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/requests/${stranger.id}/decline`,
      headers: owner.auth,
    });
    expect(declined.statusCode).toBe(204);
    expect((await groupAs(stranger, group.id)).requestPending).toBe(false);
    const twice = await t.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/requests/${stranger.id}/decline`,
      headers: owner.auth,
    });
    expect(twice.statusCode).toBe(404);

    expect((await join(stranger, group.id)).statusCode).toBe(202);
    const withdrawn = await t.app.inject({
      method: 'DELETE',
      url: `/api/groups/${group.id}/requests/me`,
      headers: stranger.auth,
    });
    expect(withdrawn.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/groups/${group.id}/requests/me`, headers: stranger.auth }))
        .statusCode,
    ).toBe(404);
  });

  it.each([
    ['the owner', 'owner', 200],
    ['an organizer', 'organizer', 200],
    ['a member', 'member', 403],
    ['someone outside the group', 'stranger', 403],
  ] as const)('lets %s (%s) see and answer join requests: HTTP %i', async (_label, who, status) => {
    const people = await cast('private');
    const [applicant] = await createUsers(t.app, t.db, 1);
    await join(applicant!, people.group.id);
    const actor = people[who];
    expect(
      (await t.app.inject({ url: `/api/groups/${people.group.id}/requests`, headers: actor.auth })).statusCode,
    ).toBe(status);
    const approve = await t.app.inject({
      method: 'POST',
      url: `/api/groups/${people.group.id}/requests/${applicant!.id}/approve`,
      headers: actor.auth,
    });
    expect(approve.statusCode).toBe(status);
  });
});

describe('roles', () => {
  it.each([
    ['the owner', 'owner', 200],
    ['an organizer', 'organizer', 403],
    ['a member', 'member', 403],
    ['someone outside the group', 'stranger', 403],
  ] as const)('lets %s (%s) change roles: HTTP %i', async (_label, who, status) => {
    const people = await cast();
    const response = await setRole(people[who], people.group.id, people.member.id, 'organizer');
    expect(response.statusCode).toBe(status);
    if (status === 200) expect(response.json()).toMatchObject({ user: { id: people.member.id }, role: 'organizer' });
  });

  it('answers 404 for someone who is not a member, 400 for an unknown role, 409 for demoting the last owner', async () => {
    const { group, owner, stranger } = await cast();
    expect((await setRole(owner, group.id, stranger.id, 'organizer')).statusCode).toBe(404);
    const unknown = await setRole(owner, group.id, owner.id, 'admin');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].field).toBe('role');
    const demoted = await setRole(owner, group.id, owner.id, 'member');
    expect(demoted.statusCode).toBe(409);
    expect(demoted.json().error.code).toBe('last_owner');
  });
});

describe('GET /api/groups/:id/members', () => {
  it('lists owners, then organizers, then members, walking every page exactly once', async () => {
    const { group, owner, organizer, member } = await cast();
    const extra = await createUsers(t.app, t.db, 7);
    for (const user of extra) expect((await join(user, group.id)).statusCode).toBe(201);
    const seen: { user: { id: number }; role: string }[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `limit=3&cursor=${encodeURIComponent(cursor)}` : 'limit=3';
      const response = await t.app.inject(`/api/groups/${group.id}/members?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      const page = response.json();
      expect(page.members.length).toBeLessThanOrEqual(3);
      seen.push(...page.members);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((m) => m.user.id)).toEqual([owner.id, organizer.id, member.id, ...extra.map((u) => u.id)]);
    expect(seen.map((m) => m.role).slice(0, 3)).toEqual(['owner', 'organizer', 'member']);
  });

  it('shows a private group’s members only to its members', async () => {
    const { group, member, stranger } = await cast('private');
    expect((await t.app.inject({ url: `/api/groups/${group.id}/members`, headers: member.auth })).statusCode).toBe(200);
    const refused = await t.app.inject({ url: `/api/groups/${group.id}/members`, headers: stranger.auth });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('members_only');
    expect((await t.app.inject(`/api/groups/${group.id}/members`)).statusCode).toBe(403);
  });

  it('refuses a forged cursor and answers 404 for a missing group', async () => {
    const { group } = await cast();
    const bad = await t.app.inject(`/api/groups/${group.id}/members?cursor=abc.def`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('cursor');
    expect((await t.app.inject('/api/groups/987654/members')).statusCode).toBe(404);
  });
});

describe('removing a member', () => {
  const remove = (actor: TestUser, groupId: number, userId: number) =>
    t.app.inject({ method: 'DELETE', url: `/api/groups/${groupId}/members/${userId}`, headers: actor.auth });

  it('lets owners remove others, not organizers or members, and not other owners', async () => {
    const { group, owner, organizer, member, stranger } = await cast();
    for (const actor of [organizer, member]) {
      const refused = await remove(actor, group.id, stranger.id === actor.id ? owner.id : member.id);
      expect(refused.statusCode).toBe(403);
    }
    expect((await remove(owner, group.id, stranger.id)).statusCode).toBe(404);
    expect((await remove(owner, group.id, owner.id)).statusCode).toBe(409);
    expect((await setRole(owner, group.id, organizer.id, 'owner')).statusCode).toBe(200);
    expect((await remove(owner, group.id, organizer.id)).statusCode).toBe(403);

    expect((await remove(owner, group.id, member.id)).statusCode).toBe(204);
    expect((await groupAs(member, group.id)).myRole).toBeNull();
  });

  it('ends a removed member’s access and calendar link, and the old link stays dead when they come back', async () => {
    const { group, owner, member } = await cast('private');
    const link: string = (await groupAs(member, group.id)).calendarUrl;
    expect(link).toContain('?key=');
    expect((await t.app.inject(link)).statusCode).toBe(200);

    expect((await remove(owner, group.id, member.id)).statusCode).toBe(204);
    const after = await t.app.inject(link);
    expect(after.statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/groups/${group.id}/members`, headers: member.auth })).statusCode).toBe(403);

    // Let back in: a new link works, the old one does not.
    expect((await join(member, group.id)).statusCode).toBe(202);
    const approve = await t.app.inject({
      method: 'POST',
      url: `/api/groups/${group.id}/requests/${member.id}/approve`,
      headers: owner.auth,
    });
    expect(approve.statusCode, approve.body).toBe(200);
    const fresh: string = (await groupAs(member, group.id)).calendarUrl;
    expect(fresh).not.toBe(link);
    expect((await t.app.inject(fresh)).statusCode).toBe(200);
    const old = await t.app.inject(link);
    expect(old.statusCode).toBe(403);
    expect(old.json().error.code).toBe('link_expired');
  });
});
