/**
 * A meetup's discussion: the posts' discussion model (posts/index.ts) attached to a meetup. Each
 * occurrence of a series has its own discussion, as it has its own RSVPs: questions and day-of
 * coordination are about one evening. Whoever may see the meetup may read and join its
 * discussion (a private group's meetup: its members); its organizers may pin one comment and
 * lock the discussion.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { addComment, discussionPage, withAvatars, type ThreadState } from '../posts/index.js';
import type { CreateCommentBody, Discussion } from '../posts/schemas.js';
import { findEventThread, isLiveEventComment, updateEventDiscussion } from './queries.js';
import { lockForChange } from './service.js';

type Db = Kysely<Database>;

async function threadState(db: Db, eventId: number, viewerId: number | null): Promise<ThreadState> {
  const row = await findEventThread(db, eventId, viewerId);
  if (!row) throw notFound('This meetup');
  return {
    thread: { kind: 'event', id: row.id },
    totalComments: row.total_comments,
    locked: row.discussion_locked,
    pinnedCommentId: row.pinned_comment_id,
  };
}

/** A page of the meetup's discussion, with the avatars beside the names. */
export async function eventDiscussion(
  cursors: SignedCodec,
  db: Db,
  eventId: number,
  viewerId: number | null,
  branchCursor?: string,
): Promise<Discussion> {
  const state = await threadState(db, eventId, viewerId);
  return withAvatars(db, await discussionPage(cursors, db, state, viewerId, branchCursor));
}

export async function commentOnEvent(db: Db, eventId: number, authorId: number, body: CreateCommentBody) {
  return addComment(db, { kind: 'event', id: eventId }, authorId, body);
}

/** Pins a comment (or unpins with null) and locks or unlocks the discussion; for the meetup's organizers. */
export async function setEventDiscussion(
  db: Db,
  eventId: number,
  viewerId: number,
  patch: { locked?: boolean; pinnedCommentId?: number | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockForChange(trx, eventId, viewerId);
    if (
      patch.pinnedCommentId !== undefined &&
      patch.pinnedCommentId !== null &&
      !(await isLiveEventComment(trx, eventId, patch.pinnedCommentId))
    ) {
      throw invalidField('pinnedCommentId', 'is not a comment (not deleted) on this meetup', 'body');
    }
    await updateEventDiscussion(trx, eventId, patch);
  });
}
