/**
 * Changes to a discussion tree after a reply, an edit or a deletion, without reloading it. Each
 * returns a new tree and leaves the old one as it was.
 */
import type { Comment } from './api/posts';

/** Adds `reply` under the comment `parentId` (or at the end of the top level for null). */
export function insertReply(comments: Comment[], parentId: number | null, reply: Comment): Comment[] {
  if (parentId === null) return [...comments, reply];
  return comments.map((comment) =>
    comment.id === parentId
      ? { ...comment, replies: [...comment.replies, reply] }
      : { ...comment, replies: insertReply(comment.replies, parentId, reply) },
  );
}

/** Puts an edited comment in place; its replies stay those already shown. */
export function replaceComment(comments: Comment[], updated: Comment): Comment[] {
  return comments.map((comment) =>
    comment.id === updated.id
      ? { ...updated, replies: comment.replies }
      : { ...comment, replies: replaceComment(comment.replies, updated) },
  );
}

/** A deleted comment keeps its place so its replies stay readable, as on the server. */
export function markDeleted(comments: Comment[], id: number): Comment[] {
  return comments.map((comment) =>
    comment.id === id
      ? { ...comment, deleted: true, author: null, body: '', bodyHtml: '', canEdit: false, canDelete: false }
      : { ...comment, replies: markDeleted(comment.replies, id) },
  );
}

/** Every reply under a comment, at any depth. */
export function countReplies(comment: Comment): number {
  return comment.replies.reduce((total, reply) => total + 1 + countReplies(reply), 0);
}
