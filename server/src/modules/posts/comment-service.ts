/**
 * A post's threaded discussion: pages of top-level branches, replies at any depth up to the
 * limit, and edits and deletions that keep a comment's place so the replies under it stay
 * readable.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { renderMarkdown } from '../../markdown/render.js';
import { conflict, forbidden, invalidField, notFound } from '../../plugins/errors.js';
import type { SignedCodec } from '../../plugins/signed-values.js';
import { mayEdit } from '../../policy/content.js';
import { notifyReply } from '../notifications/index.js';
import {
  commentForChange,
  deleteComment,
  findPost,
  insertComment,
  loadCommentTree,
  loadDiscussionPage,
  lockParentComment,
  lockPostForReply,
  updateComment,
  type CommentRow,
} from './queries.js';
import {
  BRANCHES_PER_PAGE,
  COMMENTS_PER_PAGE,
  DELETED_COMMENT_TEXT,
  MAX_COMMENT_DEPTH,
  type CommentNode,
  type Discussion,
} from './schemas.js';
import { nestComments } from './tree.js';

type Db = Kysely<Database>;

const DELETED_COMMENT_HTML = `<p>${DELETED_COMMENT_TEXT}</p>`;

const threadDeleted = () => conflict('thread_deleted', 'This post was deleted; its discussion is closed.');
const commentDeleted = () => conflict('comment_deleted', 'This comment was deleted.');

function toCommentNode(row: CommentRow, viewerId: number | null): CommentNode {
  const deleted = row.deleted_at !== null;
  const mine = !deleted && mayEdit({ authorId: row.author_id }, viewerId);
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
    replies: [],
  };
}

/** Where a page of branches ends: the post and its last top-level comment. */
interface BranchPosition {
  p: number;
  i: number;
}

function isBranchPosition(value: unknown): value is BranchPosition {
  const v = value as BranchPosition;
  return typeof v === 'object' && v !== null && Number.isSafeInteger(v.p) && Number.isSafeInteger(v.i);
}

/** One page of a post's discussion, after the branch the cursor names. */
export async function discussionPage(
  cursors: SignedCodec,
  db: Db,
  post: { id: number; total_comments: number },
  viewerId: number | null,
  branchCursor: string | undefined,
): Promise<Discussion> {
  let after: number | null = null;
  if (branchCursor !== undefined) {
    let position: BranchPosition;
    try {
      position = cursors.decode(branchCursor, isBranchPosition);
    } catch {
      throw invalidField('branchCursor', 'is not a cursor this server gave out');
    }
    if (position.p !== post.id) throw invalidField('branchCursor', 'belongs to another post');
    after = position.i;
  }
  const page = await loadDiscussionPage(db, post.id, after, {
    branches: BRANCHES_PER_PAGE,
    comments: COMMENTS_PER_PAGE,
  });
  const comments = nestComments(page.rows.map((row) => toCommentNode(row, viewerId)));
  const lastRootId = comments.at(-1)?.id ?? null;
  return {
    comments,
    nextBranchCursor: page.more && lastRootId !== null ? cursors.encode({ p: post.id, i: lastRootId }) : null,
    totalComments: post.total_comments,
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
  return discussionPage(cursors, db, row, viewerId, branchCursor);
}

/** One comment with all its replies, as the viewer sees it. */
async function commentTree(db: Db, id: number, viewerId: number | null): Promise<CommentNode> {
  const rows = await loadCommentTree(db, id);
  return nestComments(rows.map((row) => toCommentNode(row, viewerId))).find((node) => node.id === id)!;
}

/**
 * Adds a reply to the post or to one of its comments. The post and the parent are read with
 * FOR SHARE, so a deletion running at the same moment waits for this reply (or this reply sees
 * the deletion) and no reply lands in a thread that has just been deleted.
 */
export async function addComment(
  db: Db,
  postId: number,
  authorId: number,
  input: { body: string; parentId?: number | null },
): Promise<CommentNode> {
  if (input.body.trim() === '') throw invalidField('body', 'must not be blank', 'body');
  const parentId = input.parentId ?? null;
  const bodyHtml = renderMarkdown(input.body);
  const id = await db.transaction().execute(async (trx): Promise<number> => {
    const post = await lockPostForReply(trx, postId, authorId);
    if (!post) throw notFound('This post');
    if (post.deleted_at !== null) throw threadDeleted();
    let depth = 0;
    if (parentId !== null) {
      const parent = await lockParentComment(trx, parentId, postId);
      if (!parent) throw invalidField('parentId', 'is not a comment on this post', 'body');
      if (parent.deleted_at !== null) throw commentDeleted();
      depth = parent.depth + 1;
      if (depth >= MAX_COMMENT_DEPTH) {
        throw invalidField(
          'parentId',
          `is ${MAX_COMMENT_DEPTH} levels deep, the most replies can nest; reply further up`,
          'body',
        );
      }
    }
    const commentId = await insertComment(trx, { postId, parentId, depth, authorId, body: input.body, bodyHtml });
    await notifyReply(trx, commentId);
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
  if (comment.deleted_at !== null) throw commentDeleted();
  if (body.trim() === '') throw invalidField('body', 'must not be blank', 'body');
  await updateComment(db, comment.id, body);
  return commentTree(db, comment.id, viewerId);
}

export async function removeComment(db: Db, id: number, viewerId: number): Promise<void> {
  const comment = await ownComment(db, id, viewerId);
  await deleteComment(db, comment.id);
}
