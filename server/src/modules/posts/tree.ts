/**
 * Nests a flat list of comments (as one query returns them) into reply trees, iteratively, so a
 * thread hundreds of levels deep costs a map and two loops, not a recursion per level.
 */
export interface TreeNode<N> {
  id: number;
  parentId: number | null;
  replies: N[];
}

/**
 * `nodes` must be in sibling order (oldest first); each keeps that order among its siblings.
 * A node whose parent is not in the list becomes a root: on a discussion page, the top-level comments.
 */
export function nestComments<N extends TreeNode<N>>(nodes: N[]): N[] {
  const byId = new Map<number, N>();
  for (const node of nodes) byId.set(node.id, node);
  const roots: N[] = [];
  for (const node of nodes) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
