import { describe, expect, it } from 'vitest';
import type { Comment } from '../../web/src/lib/api/posts';
import { countReplies, insertReply, markDeleted, replaceComment } from '../../web/src/lib/discussion';

function comment(id: number, replies: Comment[] = []): Comment {
  return {
    id,
    parentId: null,
    depth: 0,
    author: { id: 1, displayName: 'Mia' },
    body: `comment ${id}`,
    bodyHtml: `<p>comment ${id}</p>`,
    createdAt: '',
    editedAt: null,
    deleted: false,
    canEdit: true,
    canDelete: true,
    replies,
  };
}

const tree = () => [comment(1, [comment(2, [comment(3)])]), comment(4)];

describe('discussion trees', () => {
  it('adds a reply under its parent at any depth, or at the end of the top level', () => {
    const before = tree();
    const after = insertReply(before, 3, comment(9));
    expect(after[0]!.replies[0]!.replies[0]!.replies.map((reply) => reply.id)).toEqual([9]);
    expect(before[0]!.replies[0]!.replies[0]!.replies).toEqual([]);
    expect(insertReply(before, null, comment(9)).map((top) => top.id)).toEqual([1, 4, 9]);
  });

  it('puts an edited comment in place and keeps the replies already shown', () => {
    const edited = { ...comment(2), body: 'changed', replies: [] };
    const after = replaceComment(tree(), edited);
    expect(after[0]!.replies[0]!.body).toBe('changed');
    expect(after[0]!.replies[0]!.replies.map((reply) => reply.id)).toEqual([3]);
  });

  it('keeps a deleted comment in place, without author or text', () => {
    const after = markDeleted(tree(), 2);
    expect(after[0]!.replies[0]).toMatchObject({ id: 2, deleted: true, author: null, bodyHtml: '', canEdit: false });
    expect(after[0]!.replies[0]!.replies.map((reply) => reply.id)).toEqual([3]);
  });

  it('counts replies at every depth', () => {
    expect(countReplies(tree()[0]!)).toBe(2);
    expect(countReplies(comment(4))).toBe(0);
  });
});
