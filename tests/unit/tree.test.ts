/**
 * Nesting a discussion's flat comment list into reply trees: sibling order kept, orphans made
 * roots, any depth without recursion.
 */
import { describe, expect, it } from 'vitest';
import { nestComments, type TreeNode } from '../../server/src/modules/posts/tree.js';

interface Comment extends TreeNode<Comment> {
  body: string;
}

const comment = (id: number, parentId: number | null = null): Comment => ({
  id,
  parentId,
  body: `comment ${id}`,
  replies: [],
});

/** The tree as nested [id, replies] pairs, easy to read in a failure. */
type Shape = [number, Shape[]];
const shape = (nodes: Comment[]): Shape[] => nodes.map((node) => [node.id, shape(node.replies)]);

describe('nestComments', () => {
  it('answers nothing for no comments', () => {
    expect(nestComments([])).toEqual([]);
  });

  it('nests replies under their parents, keeping the given order among siblings', () => {
    const nodes = [comment(1), comment(2, 1), comment(3), comment(4, 1), comment(5, 2), comment(6, 3), comment(7, 1)];
    expect(shape(nestComments(nodes))).toEqual([
      [
        1,
        [
          [2, [[5, []]]],
          [4, []],
          [7, []],
        ],
      ],
      [3, [[6, []]]],
    ]);
  });

  it('keeps sibling order as given even when it is not the order of ids', () => {
    const nodes = [comment(9), comment(4, 9), comment(2, 9), comment(3), comment(8, 9)];
    expect(shape(nestComments(nodes))).toEqual([
      [
        9,
        [
          [4, []],
          [2, []],
          [8, []],
        ],
      ],
      [3, []],
    ]);
  });

  it('attaches a reply listed before its parent', () => {
    expect(shape(nestComments([comment(2, 1), comment(1)]))).toEqual([[1, [[2, []]]]]);
  });

  it('makes a comment whose parent is not in the list a root, in its place among the roots', () => {
    // A page of a discussion, or a branch asked for on its own, holds replies to comments it leaves out.
    const nodes = [comment(1), comment(5, 404), comment(6, 5), comment(2)];
    expect(shape(nestComments(nodes))).toEqual([
      [1, []],
      [5, [[6, []]]],
      [2, []],
    ]);
  });

  it('returns the same objects it was given, with their own fields, replies filled in', () => {
    const root = comment(1);
    const reply = comment(2, 1);
    const [answered] = nestComments([root, reply]);
    expect(answered).toBe(root);
    expect(answered!.replies[0]).toBe(reply);
    expect(answered!.body).toBe('comment 1');
  });

  it('keeps every comment exactly once', () => {
    // Every seventh a root, every eleventh an orphan, the rest replies to some earlier comment.
    const parentOf = (index: number) =>
      index % 7 === 0 ? null : index % 11 === 0 ? 100_000 + index : (((index * 2_654_435_761) >>> 0) % index) + 1;
    const nodes = Array.from({ length: 500 }, (_, index) => comment(index + 1, parentOf(index)));
    const seen: number[] = [];
    const walk = (list: Comment[]) => {
      for (const node of list) {
        seen.push(node.id);
        walk(node.replies);
      }
    };
    walk(nestComments(nodes));
    expect(seen.sort((a, b) => a - b)).toEqual(nodes.map((node) => node.id));
  });

  it('nests a thread tens of thousands of levels deep without running out of stack', () => {
    const depth = 50_000;
    const nodes = Array.from({ length: depth }, (_, index) => comment(index + 1, index === 0 ? null : index));
    const roots = nestComments(nodes);
    expect(roots).toHaveLength(1);
    let node = roots[0]!;
    let levels = 1;
    let branches = 0;
    while (node.replies.length > 0) {
      if (node.replies.length > 1) branches += 1;
      node = node.replies[0]!;
      levels += 1;
    }
    expect(branches).toBe(0);
    expect(levels).toBe(depth);
    expect(node.id).toBe(depth);
  });

  it('gives the same tree for the same list every time', () => {
    const list = () => [comment(1), comment(3, 1), comment(2, 1), comment(4, 3), comment(5)];
    expect(shape(nestComments(list()))).toEqual(shape(nestComments(list())));
  });
});
