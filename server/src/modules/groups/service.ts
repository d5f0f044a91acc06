/**
 * Groups: started by an owner, shown to everyone (a private group at a point snapped to the
 * privacy grid), changed or deleted by those whose role allows it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupVisibility } from '../../db/tables/places-and-groups.js';
import { coarsen, COARSEN_METERS } from '../../geo/coarsen.js';
import type { LatLng } from '../../geo/point.js';
import { forbidden, invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { roleMay } from '../../policy/group-roles.js';
import { findGroupRole } from '../../policy/queries.js';
import { calendarPath } from '../events/index.js';
import { deleteMediaOfGroups, mediaOf, setMedia } from '../media/index.js';
import {
  deleteGroup,
  findGroupRow,
  groupExists,
  insertGroup,
  insertOwner,
  lockGroupForChange,
  updateGroup,
  type GroupFields,
} from './queries.js';
import type { CreateGroupBody, Group, UpdateGroupBody } from './schemas.js';
import { findMembershipStart } from '../../policy/queries.js';

type Db = Kysely<Database>;

/** The point non-members see: exact for public groups, snapped to the privacy grid otherwise. */
function publicPoint(location: LatLng, visibility: GroupVisibility): LatLng {
  return visibility === 'private' ? coarsen(location) : location;
}

function groupName(raw: string): string {
  const name = raw.trim();
  if (name === '') throw invalidField('name', 'must not be blank', 'body');
  return name;
}

/** The group as the viewer sees it, with its calendar feed's path (keyed for a private group's member). */
export async function readGroup(
  calendarKeys: SignedCodec,
  db: Db,
  id: number,
  viewerId: number | null,
): Promise<Group> {
  const row = await findGroupRow(db, id, viewerId);
  if (!row) throw notFound('This group');
  const myRole = await findGroupRole(db, id, viewerId);
  const exact = row.visibility === 'public' || myRole !== null;
  const group = {
    id: row.id,
    name: row.name,
    description: row.description,
    visibility: row.visibility,
    location: exact
      ? { lat: row.lat, lng: row.lng, precisionMeters: 0 }
      : { lat: row.public_lat, lng: row.public_lng, precisionMeters: COARSEN_METERS },
    memberCount: row.member_count,
    myRole,
    requestPending: row.request_pending,
    pendingRequests: roleMay(myRole, 'answer_join_requests') ? row.request_count : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    media: (await mediaOf(db, 'group', [id], null)).get(id) ?? [],
  };
  const member = myRole === null ? null : viewerId;
  return {
    ...group,
    calendarUrl: await calendarPath(
      (g, u) => findMembershipStart(db, g, u),
      calendarKeys,
      `/api/groups/${id}/calendar.ics`,
      group,
      member,
    ),
  };
}

/** Creates the group and makes its creator the owner, together or not at all. */
export async function createGroup(db: Db, body: CreateGroupBody, ownerId: number): Promise<number> {
  const fields: GroupFields = {
    name: groupName(body.name),
    description: body.description,
    visibility: body.visibility,
    location: body.location,
    publicLocation: publicPoint(body.location, body.visibility),
  };
  return db.transaction().execute(async (trx) => {
    const id = await insertGroup(trx, fields, ownerId);
    await insertOwner(trx, id, ownerId);
    if (body.mediaIds) await setMedia(trx, { type: 'group', id }, body.mediaIds, ownerId);
    return id;
  });
}

async function requireGroupManager(db: Db, groupId: number, viewerId: number): Promise<void> {
  if (!(await groupExists(db, groupId))) throw notFound('This group');
  if (!roleMay(await findGroupRole(db, groupId, viewerId), 'manage_group')) {
    throw forbidden('Only the group’s owner can do this.');
  }
}

export async function changeGroup(db: Db, id: number, viewerId: number, patch: UpdateGroupBody): Promise<void> {
  await requireGroupManager(db, id, viewerId);
  const name = patch.name === undefined ? undefined : groupName(patch.name);
  await db.transaction().execute(async (trx) => {
    const current = await lockGroupForChange(trx, id);
    const location = patch.location ?? { lat: current.lat, lng: current.lng };
    const visibility = patch.visibility ?? current.visibility;
    await updateGroup(trx, id, {
      name: name ?? current.name,
      description: patch.description ?? current.description,
      visibility,
      location,
      publicLocation: publicPoint(location, visibility),
    });
    if (patch.mediaIds) await setMedia(trx, { type: 'group', id }, patch.mediaIds, viewerId);
  });
}

export async function removeGroup(db: Db, id: number, viewerId: number): Promise<void> {
  await requireGroupManager(db, id, viewerId);
  // Its posts and meetups go with it, and the photos of all of them.
  await db.transaction().execute(async (trx) => {
    await deleteMediaOfGroups(trx, [id]);
    await deleteGroup(trx, id);
  });
}
