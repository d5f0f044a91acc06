/**
 * The threaded discussion of a post or a meetup (one model, see migration 0060): pages of
 * top-level branches, replies at any depth up to the limit, and edits and deletions that keep a
 * comment's place so the replies under it stay readable. The owner of the thread decides who may
 * see it (the callers look it up first); a meetup's discussion can also be locked and have a pin.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { renderMarkdown } from '../../markdown/render.js';
import { AppError, conflict, forbidden, invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { mayEdit } from '../../policy/content.js';
import { notifyReply } from '../notifications/index.js';
import { assertNotBanned, blockedBetween, holdIfNeeded } from '../moderation/index.js';
import {
  commentForChange,
  deleteComment,
  findPost,
  insertComment,
  loadCommentTree,
  loadDiscussionPage,
  loadThreadComment,
  lockParentComment,
  lockThreadForReply,
  updateComment,
  type CommentRow,
  type Thread,
} from './queries.js';
import {
  BLOCKED_COMMENT_TEXT,
  BRANCHES_PER_PAGE,
  COMMENTS_PER_PAGE,
  DELETED_COMMENT_TEXT,
  removedText,
  MAX_COMMENT_DEPTH,
  type CommentNode,
  type Discussion,
} from './schemas.js';
import { nestComments } from './tree.js';

type Db = Kysely<Database>;

const DELETED_COMMENT_HTML = `<p>${DELETED_COMMENT_TEXT}</p>`;

const threadDeleted = () => conflict('thread_deleted', 'This post was deleted; its discussion is closed.');
const commentDeleted = () => conflict('comment_deleted', 'This comment was deleted.');
const discussionLocked = () =>
  conflict('discussion_locked', 'The organizers locked this discussion; it takes no new comments or edits.');

function toCommentNode(row: CommentRow, viewerId: number | null): CommentNode {
  // Blocking is silent: to the person blocked, the blocker's comments read as deleted ones.
  const deleted = row.deleted_at !== null || row.blocks_viewer;
  const mine = !deleted && mayEdit({ authorId: row.author_id }, viewerId);
  if (!deleted && row.mod_state === 'removed') {
    const text = removedText(row.mod_reason ?? '');
    return {
      ...placeholder(row, text),
      moderation: { state: 'removed', reason: row.mod_reason ?? '' },
    };
  }
  if (!deleted && row.blocked_by_viewer) return { ...placeholder(row, BLOCKED_COMMENT_TEXT), blocked: true };
  return {
    id: row.id,
    parentId: row.parent_id,
    depth: row.depth,
    author:
      !deleted && row.author_id !== null && row.author_name !== null
        ? { id: row.author_id, displayName: row.author_name }
        : null,
    body: deleted ? DELETED_COMMENT_TEXT : row.body,
    bodyHtml: deleted ? DELETED_COMMENT_HTML : row.body_html,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    deleted,
    canEdit: mine,
    canDelete: mine,
    ...(!deleted && row.mod_state === 'held'
      ? { moderation: { state: 'held' as const, reason: row.mod_reason ?? '' } }
      : {}),
    replies: [],
  };
}

/** A comment that keeps its place with a note instead of its text and author. */
function placeholder(row: CommentRow, text: string): CommentNode {
  return {
    id: row.id,
    parentId: row.parent_id,
    depth: row.depth,
    author: null,
    body: text,
    bodyHtml: `<p>${escapeHtml(text)}</p>`,
    createdAt: row.created_at.toISOString(),
    editedAt: null,
    deleted: false,
    canEdit: false,
    canDelete: false,
    replies: [],
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A held comment is seen by its author only. */
function seenBy(row: CommentRow, viewerId: number | null): boolean {
  return row.mod_state !== 'held' || (viewerId !== null && row.author_id === viewerId);
}

/** Where a page of branches ends: the post (`p`) or meetup (`e`) and its last top-level comment. */
type BranchPosition = { p: number; i: number } | { e: number; i: number };

function isBranchPosition(value: unknown): value is BranchPosition {
  const v = value as Record<string, unknown>;
  return (
    typeof v === 'object' &&
    v !== null &&
    Number.isSafeInteger(v.i) &&
    (Number.isSafeInteger(v.p) || Number.isSafeInteger(v.e))
  );
}

function positionOf(thread: Thread, lastRootId: number): BranchPosition {
  return thread.kind === 'post' ? { p: thread.id, i: lastRootId } : { e: thread.id, i: lastRootId };
}

function threadOf(position: BranchPosition): Thread {
  return 'p' in position ? { kind: 'post', id: position.p } : { kind: 'event', id: position.e };
}

/** What a discussion page needs to know of the thread's owner, already checked as visible. */
export interface ThreadState {
  thread: Thread;
  totalComments: number;
  locked: boolean;
  pinnedCommentId: number | null;
}

/** One page of a discussion, after the branch the cursor names. */
export async function discussionPage(
  cursors: SignedCodec,
  db: Db,
  state: ThreadState,
  viewerId: number | null,
  branchCursor: string | undefined,
): Promise<Discussion> {
  const { thread } = state;
  let after: number | null = null;
  if (branchCursor !== undefined) {
    let position: BranchPosition;
    try {
      position = cursors.decode(branchCursor, isBranchPosition);
    } catch {
      throw invalidField('branchCursor', 'is not a cursor this server gave out');
    }
    const of = threadOf(position);
    if (of.kind !== thread.kind || of.id !== thread.id) {
      throw invalidField('branchCursor', `belongs to another ${thread.kind === 'post' ? 'post' : 'meetup'}`);
    }
    after = position.i;
  }
  const page = await loadDiscussionPage(
    db,
    thread,
    after,
    { branches: BRANCHES_PER_PAGE, comments: COMMENTS_PER_PAGE },
    viewerId,
  );
  const comments = nestComments(
    page.rows.filter((row) => seenBy(row, viewerId)).map((row) => toCommentNode(row, viewerId)),
  );
  const lastRootId = comments.at(-1)?.id ?? null;
  const pinnedRow =
    state.pinnedCommentId === null ? undefined : await loadThreadComment(db, thread, state.pinnedCommentId, viewerId);
  return {
    comments,
    nextBranchCursor: page.more && lastRootId !== null ? cursors.encode(positionOf(thread, lastRootId)) : null,
    totalComments: state.totalComments,
    locked: state.locked,
    pinned:
      pinnedRow && pinnedRow.deleted_at === null && seenBy(pinnedRow, viewerId)
        ? toCommentNode(pinnedRow, viewerId)
        : null,
  };
}

/** A post's discussion state, from its row. */
export function postThread(post: { id: number; total_comments: number; discussion_locked: boolean }): ThreadState {
  return {
    thread: { kind: 'post', id: post.id },
    totalComments: post.total_comments,
    locked: post.discussion_locked,
    pinnedCommentId: null,
  };
}

/** A page of the discussion of a post the viewer may see. */
export async function listComments(
  cursors: SignedCodec,
  db: Db,
  postId: number,
  viewerId: number | null,
  branchCursor: string | undefined,
): Promise<Discussion> {
  const row = await findPost(db, postId, viewerId);
  if (!row) throw notFound('This post');
  return discussionPage(cursors, db, postThread(row), viewerId, branchCursor);
}

/** One comment with all its replies, as the viewer sees it. */
async function commentTree(db: Db, id: number, viewerId: number | null): Promise<CommentNode> {
  const rows = (await loadCommentTree(db, id, viewerId)).filter((row) => seenBy(row, viewerId));
  return nestComments(rows.map((row) => toCommentNode(row, viewerId))).find((node) => node.id === id)!;
}

/**
 * Adds a reply to the post or meetup, or to one of its comments. The thread and the parent are
 * read with FOR SHARE, so a deletion (or lock) running at the same moment waits for this reply
 * (or this reply sees it) and no reply lands in a thread that has just been closed.
 */
export async function addComment(
  db: Db,
  thread: Thread,
  authorId: number,
  input: { body: string; parentId?: number | null },
): Promise<CommentNode> {
  if (input.body.trim() === '') throw invalidField('body', 'must not be blank', 'body');
  const parentId = input.parentId ?? null;
  const bodyHtml = renderMarkdown(input.body);
  const id = await db.transaction().execute(async (trx): Promise<number> => {
    const owner = await lockThreadForReply(trx, thread, authorId);
    if (!owner) throw notFound(thread.kind === 'post' ? 'This post' : 'This meetup');
    if (owner.deleted) throw threadDeleted();
    if (owner.locked) throw discussionLocked();
    await assertNotBanned(trx, owner.groupId, authorId);
    let depth = 0;
    if (parentId !== null) {
      const parent = await lockParentComment(trx, parentId, thread);
      if (!parent) {
        throw invalidField(
          'parentId',
          `is not a comment on this ${thread.kind === 'post' ? 'post' : 'meetup'}`,
          'body',
        );
      }
      if (parent.deleted_at !== null) throw commentDeleted();
      if (parent.author_id !== null && (await blockedBetween(trx, authorId, parent.author_id))) {
        // Silent to the person blocked: the blocker's comment reads as deleted to them.
        if (await blockedBetween(trx, parent.author_id, authorId, 'one_way')) throw commentDeleted();
        throw new AppError(403, 'blocked', 'You blocked this person: unblock them to reply.');
      }
      depth = parent.depth + 1;
      if (depth >= MAX_COMMENT_DEPTH) {
        throw invalidField(
          'parentId',
          `is ${MAX_COMMENT_DEPTH} levels deep, the most replies can nest; reply further up`,
          'body',
        );
      }
    }
    const commentId = await insertComment(trx, { thread, parentId, depth, authorId, body: input.body, bodyHtml });
    const held = await holdIfNeeded(trx, {
      subject: { type: 'comment', id: commentId },
      authorId,
      groupId: owner.groupId,
      text: input.body,
    });
    if (!held) await notifyReply(trx, commentId);
    return commentId;
  });
  return commentTree(db, id, authorId);
}

/** Loads a comment for a change by its author. */
async function ownComment(db: Db, id: number, viewerId: number) {
  const comment = await commentForChange(db, id, viewerId);
  if (!comment) throw notFound('This comment');
  if (!mayEdit({ authorId: comment.author_id }, viewerId)) {
    throw forbidden('Only the person who wrote this comment can change it.');
  }
  return comment;
}

export async function editComment(db: Db, id: number, viewerId: number, body: string): Promise<CommentNode> {
  const comment = await ownComment(db, id, viewerId);
  if (comment.post_deleted_at !== null) throw threadDeleted();
  if (comment.locked) throw discussionLocked();
  if (comment.deleted_at !== null) throw commentDeleted();
  if (body.trim() === '') throw invalidField('body', 'must not be blank', 'body');
  await updateComment(db, comment.id, body);
  return commentTree(db, comment.id, viewerId);
}

export async function removeComment(db: Db, id: number, viewerId: number): Promise<void> {
  const comment = await ownComment(db, id, viewerId);
  await deleteComment(db, comment.id);
}
