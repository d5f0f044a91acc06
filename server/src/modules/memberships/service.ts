/**
 * Joining, leaving, join requests and roles. Each change runs in one transaction holding the
 * group's row lock, so two owners leaving at once cannot both be "not the last owner", and a
 * request cannot be approved twice.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupRole } from '../../db/tables/places-and-groups.js';
import { AppError, conflict, forbidden, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { roleMay } from '../../policy/group-roles.js';
import { findGroupRole } from '../../policy/queries.js';
import { notifyJoinAnswered, notifyJoinRequest } from '../notifications/index.js';
import {
  addMember,
  addRequest,
  findMember,
  groupVisibility,
  hasRequest,
  lockGroup,
  membersPage,
  ownerCount,
  removeMember,
  removeRequest,
  requestsPage,
  setRole,
  type MemberPosition,
  groupsOfPerson,
  personExists,
} from './queries.js';
import type { PersonGroup } from './schemas.js';
import type { Member, PageQuery } from './schemas.js';

type Db = Kysely<Database>;

const lastOwner = () =>
  conflict('last_owner', 'A group needs an owner: make another member owner first, or delete the group.');

async function lockExisting(trx: Db, groupId: number) {
  const group = await lockGroup(trx, groupId);
  if (!group) throw notFound('This group');
  return group;
}

/** Joins a public group at once; asks to join a private one. */
export async function join(db: Db, groupId: number, userId: number, message: string): Promise<'member' | 'pending'> {
  return db.transaction().execute(async (trx) => {
    const group = await lockExisting(trx, groupId);
    if ((await findGroupRole(trx, groupId, userId)) !== null)
      throw conflict('already_member', 'You are already a member of this group.');
    if (group.visibility === 'public') {
      await addMember(trx, groupId, userId, 'member');
      await removeRequest(trx, groupId, userId);
      return 'member';
    }
    if (await hasRequest(trx, groupId, userId)) {
      throw conflict('request_pending', 'You have already asked to join; an owner or organizer will answer.');
    }
    await addRequest(trx, groupId, userId, message.trim());
    await notifyJoinRequest(trx, groupId, userId);
    return 'pending';
  });
}

export async function leave(db: Db, groupId: number, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    const role = await findGroupRole(trx, groupId, userId);
    if (role === null) throw notFound('Your membership of this group');
    if (role === 'owner' && (await ownerCount(trx, groupId)) === 1) throw lastOwner();
    await removeMember(trx, groupId, userId);
  });
}

export async function withdrawRequest(db: Db, groupId: number, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    if (!(await removeRequest(trx, groupId, userId))) throw notFound('Your request to join this group');
  });
}

/**
 * An owner removes another member (not an owner: make them a member first). Their calendar link
 * stops working with the membership, and stays dead should they be let back in (calendar-keys.ts).
 * To leave yourself, use `leave`.
 */
export async function removeFromGroup(db: Db, groupId: number, actorId: number, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    if (!roleMay(await findGroupRole(trx, groupId, actorId), 'change_roles')) {
      throw forbidden('Only the group’s owners can remove members.');
    }
    if (userId === actorId) throw conflict('conflict', 'To leave the group yourself, use DELETE …/members/me.');
    const role = await findGroupRole(trx, groupId, userId);
    if (role === null) throw notFound('This member');
    if (role === 'owner') throw forbidden('An owner cannot be removed: change their role to member first.');
    await removeMember(trx, groupId, userId);
  });
}

/** The owner sets a member's role; demoting the last owner is refused. */
export async function changeRole(
  db: Db,
  groupId: number,
  actorId: number,
  userId: number,
  role: GroupRole,
): Promise<Member> {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    if (!roleMay(await findGroupRole(trx, groupId, actorId), 'change_roles')) {
      throw forbidden('Only the group’s owners can change roles.');
    }
    const current = await findGroupRole(trx, groupId, userId);
    if (current === null) throw notFound('This member');
    if (current === 'owner' && role !== 'owner' && (await ownerCount(trx, groupId)) === 1) throw lastOwner();
    await setRole(trx, groupId, userId, role);
  });
  return (await findMember(db, groupId, userId))!;
}

/** Approves a join request: the person becomes a member. */
export async function approveRequest(db: Db, groupId: number, actorId: number, userId: number): Promise<Member> {
  await answerRequest(db, groupId, actorId, userId, true);
  return (await findMember(db, groupId, userId))!;
}

/** Declines a join request: it is removed, and the person may ask again. */
export async function declineRequest(db: Db, groupId: number, actorId: number, userId: number): Promise<void> {
  await answerRequest(db, groupId, actorId, userId, false);
}

async function answerRequest(db: Db, groupId: number, actorId: number, userId: number, approve: boolean) {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    await requireGatekeeper(trx, groupId, actorId);
    if (!(await removeRequest(trx, groupId, userId))) throw notFound('This join request');
    if (approve) await addMember(trx, groupId, userId, 'member');
    await notifyJoinAnswered(trx, groupId, userId, approve, actorId);
  });
}

async function requireGatekeeper(db: Db, groupId: number, actorId: number): Promise<void> {
  if (!roleMay(await findGroupRole(db, groupId, actorId), 'answer_join_requests')) {
    throw forbidden('Only the group’s owners and organizers can answer join requests.');
  }
}

async function visibilityOf(db: Db, groupId: number) {
  const visibility = await groupVisibility(db, groupId);
  if (!visibility) throw notFound('This group');
  return visibility;
}

/** A page of members: anyone may list a public group's, only members a private group's. */
export async function listMembers(
  cursors: SignedCodec,
  db: Db,
  groupId: number,
  query: PageQuery,
  viewerId: number | null,
) {
  if ((await visibilityOf(db, groupId)) === 'private' && (await findGroupRole(db, groupId, viewerId)) === null) {
    throw new AppError(403, 'members_only', 'Only members can see who is in this private group.');
  }
  const after = query.cursor ? cursors.decode(query.cursor, isMemberPosition) : null;
  const { members, next } = await membersPage(db, groupId, after, query.limit);
  return { members, nextCursor: next ? cursors.encode(next) : null };
}

/** A page of pending join requests, for those who answer them. */
export async function listJoinRequests(
  cursors: SignedCodec,
  db: Db,
  groupId: number,
  query: PageQuery,
  viewerId: number,
) {
  await visibilityOf(db, groupId);
  await requireGatekeeper(db, groupId, viewerId);
  const after = query.cursor ? cursors.decode(query.cursor, isMemberPosition) : null;
  const { requests, next } = await requestsPage(db, groupId, after, query.limit);
  return { requests, nextCursor: next ? cursors.encode(next) : null };
}

export function isMemberPosition(value: unknown): value is MemberPosition {
  const v = value as MemberPosition;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isInteger(v.r) &&
    typeof v.t === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/.test(v.t) &&
    Number.isSafeInteger(v.u)
  );
}

/** The groups a person is in: all of yours for you; only public ones for anyone else. */
export async function listGroupsOf(db: Db, userId: number, viewerId: number | null): Promise<PersonGroup[]> {
  if (!(await personExists(db, userId))) throw notFound('This person');
  const rows = await groupsOfPerson(db, userId, userId === viewerId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    visibility: row.visibility,
    role: row.role,
    memberCount: row.member_count,
    url: `/groups/${row.id}`,
  }));
}
