/**
 * Your data: one export of everything you put in, and deleting your account.
 *
 * Deleting runs in one transaction, so a failure leaves the account exactly as it was:
 * - groups the person alone owns: deleted when nobody else is in them; when others are, the
 *   deletion is refused (409 last_owner, naming the groups) until someone else is made owner;
 * - seats they held at upcoming meetups go to the first waitlisted people, as when anyone leaves;
 * - what they wrote is erased the way deleting a post or comment erases it: the text goes, the
 *   discussion under it stays readable;
 * - meetups they organized outside a group are deleted; a group's meetups stay with the group;
 * - places they added stay on the map (they are shared venues) without their name; so do games they
 *   added to the games list, which meetups, groups and places share (the list keeps no one's name);
 * - every photo they uploaded is deleted, wherever it is shown (its files by a job after commit);
 * - memberships, join requests and RSVPs go with the account row (ON DELETE CASCADE).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError, conflict, notFound } from '../../plugins/errors.js';
import { findMe, passwordMatches } from '../accounts/index.js';
import { deleteEventsOrganizedBy, releaseSeatsOf } from '../events/index.js';
import { eraseWritingOf } from '../posts/index.js';
import { notificationSettingsOf } from '../notifications/index.js';
import { deleteMediaOfGroups, deleteMediaOfOwner, mediaKeyExpiry, photosForExport } from '../media/index.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { databaseNow, deleteGroups, deleteUser, findExportRows, lockSoleOwnedGroups } from './queries.js';
import type { DataExport } from './schemas.js';

type Db = Kysely<Database>;

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);
const point = (row: { lat: number; lng: number }) => ({ lat: row.lat, lng: row.lng });

/**
 * One snapshot: every list is read in the same repeatable-read transaction. Photos come as links
 * on `origin` (this server) with a key good for at least a day.
 */
export async function exportData(
  db: Db,
  userId: number,
  photoLinks: { keys: SignedCodec; origin: string },
): Promise<DataExport> {
  const data = await db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const profile = await findMe(trx, userId);
      if (!profile) return undefined;
      const rows = await findExportRows(trx, userId);
      const notificationSettings = await notificationSettingsOf(trx, userId);
      return {
        exportedAt: iso(await databaseNow(trx)),
        profile,
        notificationSettings: notificationSettings!,
        memberships: rows.memberships.map((m) => ({
          groupId: m.id,
          groupName: m.name,
          role: m.role,
          joinedAt: iso(m.joined_at),
        })),
        joinRequests: rows.joinRequests.map((r) => ({
          groupId: r.id,
          groupName: r.name,
          message: r.message,
          createdAt: iso(r.created_at),
        })),
        rsvps: rows.rsvps.map((r) => ({
          eventId: r.id,
          eventTitle: r.title,
          startsAt: iso(r.starts_at),
          status: r.status,
          answeredAt: iso(r.updated_at),
        })),
        groupsCreated: rows.groups.map((g) => ({
          id: g.id,
          name: g.name,
          description: g.description,
          visibility: g.visibility,
          location: point(g),
          createdAt: iso(g.created_at),
        })),
        placesCreated: rows.places.map((p) => ({
          id: p.id,
          name: p.name,
          kind: p.kind,
          address: p.address,
          privateHome: p.private_home,
          description: p.description,
          tags: p.tags,
          location: point(p),
          createdAt: iso(p.created_at),
        })),
        gamesAdded: rows.games.map((g) => ({
          id: g.id,
          name: g.name,
          minPlayers: g.min_players,
          maxPlayers: g.max_players,
          playMinutes: g.play_minutes,
          createdAt: iso(g.created_at),
        })),
        eventsOrganized: rows.events.map((e) => ({
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
        posts: rows.posts.map((p) => ({
          id: p.id,
          title: p.title,
          body: p.body,
          location: point(p),
          groupId: p.group_id,
          placeId: p.place_id,
          createdAt: iso(p.created_at),
          editedAt: isoOrNull(p.edited_at),
        })),
        comments: rows.comments.map((c) => ({
          id: c.id,
          postId: c.post_id,
          eventId: c.event_id,
          parentId: c.parent_id,
          body: c.body,
          createdAt: iso(c.created_at),
          editedAt: isoOrNull(c.edited_at),
        })),
        photos: await photosForExport(trx, photoLinks.keys, userId, photoLinks.origin),
        photoLinksExpireAt: iso(mediaKeyExpiry()),
      };
    });
  if (!data) throw notFound('Your account');
  return data;
}

/** Deletes the account after checking the password; see the top of this file for what goes. */
export async function deleteAccount(db: Db, userId: number, password: string): Promise<void> {
  if (!(await passwordMatches(db, userId, password))) {
    throw new AppError(403, 'wrong_password', 'That is not your password; nothing was deleted.');
  }
  await db.transaction().execute(async (trx) => {
    const owned = await lockSoleOwnedGroups(trx, userId);
    const shared = owned.filter((group) => group.others > 0);
    if (shared.length > 0) {
      throw conflict(
        'last_owner',
        'You are the only owner of groups with other members: make someone else owner of each, or delete them, first.',
        { groups: shared.map(({ id, name }) => ({ id, name })) },
      );
    }
    await deleteMediaOfGroups(
      trx,
      owned.map((group) => group.id),
    );
    await deleteGroups(
      trx,
      owned.map((group) => group.id),
    );
    await releaseSeatsOf(trx, userId);
    await eraseWritingOf(trx, userId);
    await deleteEventsOrganizedBy(trx, userId);
    // Every photo they uploaded, wherever it is shown; the files go once this has committed.
    await deleteMediaOfOwner(trx, userId);
    await deleteUser(trx, userId);
  });
}
