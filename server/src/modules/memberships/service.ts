/**
 * Joining, leaving, join requests and roles. Each change runs in one transaction holding the
 * group's row lock, so two owners leaving at once cannot both be "not the last owner", and a
 * request cannot be approved twice.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupRole } from '../../db/tables/geo.js';
import { AppError, conflict, forbidden, notFound } from '../../plugins/errors.js';
import { roleOf } from '../groups/queries.js';
import {
  addMember,
  addRequest,
  hasRequest,
  lockGroup,
  ownerCount,
  removeMember,
  removeRequest,
  setRole,
} from './queries.js';

type Db = Kysely<Database>;

/** Roles that answer join requests (the same that run the group's meetups). */
const GATEKEEPER_ROLES: readonly GroupRole[] = ['owner', 'organizer'];

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
    if ((await roleOf(trx, groupId, userId)) !== null)
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
    return 'pending';
  });
}

export async function leave(db: Db, groupId: number, userId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    const role = await roleOf(trx, groupId, userId);
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

/** The owner sets a member's role; demoting the last owner is refused. */
export async function changeRole(
  db: Db,
  groupId: number,
  actorId: number,
  userId: number,
  role: GroupRole,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    if ((await roleOf(trx, groupId, actorId)) !== 'owner') throw forbidden('Only the group’s owners can change roles.');
    const current = await roleOf(trx, groupId, userId);
    if (current === null) throw notFound('This member');
    if (current === 'owner' && role !== 'owner' && (await ownerCount(trx, groupId)) === 1) throw lastOwner();
    await setRole(trx, groupId, userId, role);
  });
}

/** Approves (the person becomes a member) or declines (the request is removed) a join request. */
export async function answerRequest(
  db: Db,
  groupId: number,
  actorId: number,
  userId: number,
  approve: boolean,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockExisting(trx, groupId);
    await requireGatekeeper(trx, groupId, actorId);
    if (!(await removeRequest(trx, groupId, userId))) throw notFound('This join request');
    if (approve) await addMember(trx, groupId, userId, 'member');
  });
}

export async function requireGatekeeper(db: Db, groupId: number, actorId: number): Promise<void> {
  const role = await roleOf(db, groupId, actorId);
  if (role === null || !GATEKEEPER_ROLES.includes(role)) {
    throw forbidden('Only the group’s owners and organizers can answer join requests.');
  }
}

export const membersOnly = () =>
  new AppError(403, 'members_only', 'Only members can see who is in this private group.');
