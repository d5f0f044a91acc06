import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { GroupRole, GroupVisibility } from '../../db/tables/places-and-groups.js';
import type { JoinRequest, Member } from './schemas.js';

type Db = Kysely<Database>;

/** A page position: the last row's sort keys. Times travel as text with microseconds, exactly. */
export interface MemberPosition {
  r: number;
  t: string;
  u: number;
}

const exactUtc = (column: string) =>
  sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;
const fromExactUtc = (text: string) => sql`(${text}::timestamp at time zone 'UTC')`;
const roleRank = sql<number>`(case m.role when 'owner' then 0 when 'organizer' then 1 else 2 end)`;

/** Locks the group's row: membership changes of one group happen one at a time. */
export async function lockGroup(trx: Db, groupId: number): Promise<{ visibility: GroupVisibility } | undefined> {
  return trx.selectFrom('groups').select('visibility').where('id', '=', groupId).forUpdate().executeTakeFirst();
}

export async function groupVisibility(db: Db, groupId: number): Promise<GroupVisibility | undefined> {
  const row = await db.selectFrom('groups').select('visibility').where('id', '=', groupId).executeTakeFirst();
  return row?.visibility;
}

export async function membersPage(db: Db, groupId: number, after: MemberPosition | null, limit: number) {
  let select = db
    .selectFrom('group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.user_id',
      'u.display_name',
      'm.role',
      'm.joined_at',
      roleRank.as('rank'),
      exactUtc('m.joined_at').as('joined_key'),
    ])
    .where('m.group_id', '=', groupId);
  if (after) {
    select = select.where(
      sql<boolean>`(${roleRank}, m.joined_at, m.user_id) > (${after.r}::int, ${fromExactUtc(after.t)}, ${after.u}::bigint)`,
    );
  }
  const rows = await select
    .orderBy('rank')
    .orderBy('m.joined_at')
    .orderBy('m.user_id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    members: page.map((row): Member => ({
      user: { id: row.user_id, displayName: row.display_name },
      role: row.role,
      joinedAt: row.joined_at.toISOString(),
    })),
    next: rows.length > limit && last ? { r: last.rank, t: last.joined_key, u: last.user_id } : null,
  };
}

export async function findMember(db: Db, groupId: number, userId: number): Promise<Member | undefined> {
  const row = await db
    .selectFrom('group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.display_name', 'm.role', 'm.joined_at'])
    .where('m.group_id', '=', groupId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
  return row
    ? {
        user: { id: row.user_id, displayName: row.display_name },
        role: row.role,
        joinedAt: row.joined_at.toISOString(),
      }
    : undefined;
}

export async function requestsPage(db: Db, groupId: number, after: MemberPosition | null, limit: number) {
  let select = db
    .selectFrom('group_join_requests as q')
    .innerJoin('users as u', 'u.id', 'q.user_id')
    .select(['q.user_id', 'u.display_name', 'q.message', 'q.created_at', exactUtc('q.created_at').as('created_key')])
    .where('q.group_id', '=', groupId);
  if (after) {
    select = select.where(sql<boolean>`(q.created_at, q.user_id) > (${fromExactUtc(after.t)}, ${after.u}::bigint)`);
  }
  const rows = await select
    .orderBy('q.created_at')
    .orderBy('q.user_id')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    requests: page.map((row): JoinRequest => ({
      user: { id: row.user_id, displayName: row.display_name },
      message: row.message,
      requestedAt: row.created_at.toISOString(),
    })),
    next: rows.length > limit && last ? { r: 0, t: last.created_key, u: last.user_id } : null,
  };
}

export async function hasRequest(db: Db, groupId: number, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('group_join_requests')
    .select('user_id')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function addRequest(db: Db, groupId: number, userId: number, message: string): Promise<void> {
  await db.insertInto('group_join_requests').values({ group_id: groupId, user_id: userId, message }).execute();
}

/** Removes a pending request; false when there was none. */
export async function removeRequest(db: Db, groupId: number, userId: number): Promise<boolean> {
  const result = await db
    .deleteFrom('group_join_requests')
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

export async function addMember(db: Db, groupId: number, userId: number, role: GroupRole): Promise<void> {
  await db
    .insertInto('group_members')
    .values({ group_id: groupId, user_id: userId, role })
    .onConflict((oc) => oc.columns(['group_id', 'user_id']).doNothing())
    .execute();
}

export async function removeMember(db: Db, groupId: number, userId: number): Promise<void> {
  await db.deleteFrom('group_members').where('group_id', '=', groupId).where('user_id', '=', userId).execute();
}

export async function setRole(db: Db, groupId: number, userId: number, role: GroupRole): Promise<void> {
  await db
    .updateTable('group_members')
    .set({ role })
    .where('group_id', '=', groupId)
    .where('user_id', '=', userId)
    .execute();
}

export async function ownerCount(db: Db, groupId: number): Promise<number> {
  const { n } = await db
    .selectFrom('group_members')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('group_id', '=', groupId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return n;
}

/**
 * The groups a person belongs to, with their role: all of them for the person themself, only
 * public ones for anyone else (a private group's member list is for its members).
 */
export async function groupsOfPerson(db: Db, userId: number, includePrivate: boolean) {
  let select = db
    .selectFrom('group_members as m')
    .innerJoin('groups as g', 'g.id', 'm.group_id')
    .select([
      'g.id',
      'g.name',
      'g.visibility',
      'm.role',
      sql<number>`(select count(*)::int from group_members c where c.group_id = g.id)`.as('member_count'),
    ])
    .where('m.user_id', '=', userId);
  if (!includePrivate) select = select.where('g.visibility', '=', 'public');
  return select.orderBy(roleRank).orderBy('g.name').orderBy('g.id').limit(500).execute();
}

export async function personExists(db: Db, userId: number): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}
