/** Reads everything one person has put into Vicinity, for GET /api/me/export. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { latSql, lngSql } from '../../geo/point.js';
import { findMe } from '../accounts/queries.js';
import type { DataExport } from './schemas.js';

type Db = Kysely<Database>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const point = (row: { lat: number; lng: number }) => ({ lat: row.lat, lng: row.lng });

/** One snapshot: every list is read in the same repeatable-read transaction. */
export async function exportData(db: Db, userId: number): Promise<DataExport | undefined> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const profile = await findMe(trx, userId);
      if (!profile) return undefined;

      const [memberships, joinRequests, rsvps, groups, places, events, posts, comments] = [
        await trx
          .selectFrom('group_members as m')
          .innerJoin('groups as g', 'g.id', 'm.group_id')
          .select(['g.id', 'g.name', 'm.role', 'm.joined_at'])
          .where('m.user_id', '=', userId)
          .orderBy('m.joined_at')
          .execute(),
        await trx
          .selectFrom('group_join_requests as r')
          .innerJoin('groups as g', 'g.id', 'r.group_id')
          .select(['g.id', 'g.name', 'r.message', 'r.created_at'])
          .where('r.user_id', '=', userId)
          .orderBy('r.created_at')
          .execute(),
        await trx
          .selectFrom('event_rsvps as r')
          .innerJoin('events as e', 'e.id', 'r.event_id')
          .select(['e.id', 'e.title', 'e.starts_at', 'r.status', 'r.updated_at'])
          .where('r.user_id', '=', userId)
          .orderBy('e.starts_at')
          .execute(),
        await trx
          .selectFrom('groups')
          .select(['id', 'name', 'description', 'visibility', 'created_at'])
          .select([latSql('location').as('lat'), lngSql('location').as('lng')])
          .where('created_by', '=', userId)
          .orderBy('id')
          .execute(),
        await trx
          .selectFrom('places')
          .select(['id', 'name', 'kind', 'address', 'description', 'tags', 'created_at'])
          .select([latSql('location').as('lat'), lngSql('location').as('lng')])
          .where('created_by', '=', userId)
          .orderBy('id')
          .execute(),
        await trx
          .selectFrom('events')
          .select(['id', 'title', 'description', 'starts_at', 'ends_at', 'time_zone', 'status', 'capacity'])
          .select(['group_id', 'place_id', latSql('location').as('lat'), lngSql('location').as('lng')])
          .where('organizer_id', '=', userId)
          .orderBy('starts_at')
          .orderBy('id')
          .execute(),
        await trx
          .selectFrom('posts')
          .select(['id', 'title', 'body', 'group_id', 'place_id', 'created_at', 'edited_at'])
          .select([latSql('location').as('lat'), lngSql('location').as('lng')])
          .where('author_id', '=', userId)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .execute(),
        await trx
          .selectFrom('comments')
          .select(['id', 'post_id', 'parent_id', 'body', 'created_at', 'edited_at'])
          .where('author_id', '=', userId)
          .where('deleted_at', 'is', null)
          .orderBy('id')
          .execute(),
      ];

      return {
        exportedAt: iso((await sql<{ now: Date }>`select now() as now`.execute(trx)).rows[0]!.now),
        profile,
        memberships: memberships.map((m) => ({
          groupId: m.id,
          groupName: m.name,
          role: m.role,
          joinedAt: iso(m.joined_at),
        })),
        joinRequests: joinRequests.map((r) => ({
          groupId: r.id,
          groupName: r.name,
          message: r.message,
          createdAt: iso(r.created_at),
        })),
        rsvps: rsvps.map((r) => ({
          eventId: r.id,
          eventTitle: r.title,
          startsAt: iso(r.starts_at),
          status: r.status,
          answeredAt: iso(r.updated_at),
        })),
        groupsCreated: groups.map((g) => ({
          id: g.id,
          name: g.name,
          description: g.description,
          visibility: g.visibility,
          location: point(g),
          createdAt: iso(g.created_at),
        })),
        placesCreated: places.map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          address: p.address,
          description: p.description,
          tags: p.tags,
          location: point(p),
          createdAt: iso(p.created_at),
        })),
        eventsOrganized: events.map((e) => ({
          id: e.id,
          title: e.title,
          description: e.description,
          startsAt: iso(e.starts_at),
          endsAt: iso(e.ends_at),
          timeZone: e.time_zone,
          location: point(e),
          status: e.status,
          capacity: e.capacity,
          groupId: e.group_id,
          placeId: e.place_id,
        })),
        posts: posts.map((p) => ({
          id: p.id,
          title: p.title,
          body: p.body,
          location: point(p),
          groupId: p.group_id,
          placeId: p.place_id,
          createdAt: iso(p.created_at),
          editedAt: isoOrNull(p.edited_at),
        })),
        comments: comments.map((c) => ({
          id: c.id,
          postId: c.post_id,
          parentId: c.parent_id,
          body: c.body,
          createdAt: iso(c.created_at),
          editedAt: isoOrNull(c.edited_at),
        })),
      };
    });
}
