import { sql, type Kysely, type KyselyPlugin } from 'kysely';
import { describe, expect, it } from 'vitest';
import * as branchesMigration from '../../migrations/0011_comment_branches.js';
import { buildApp } from '../../server/src/app.js';
import { useTestApp, testConfig } from '../helpers/app.js';
import { addComment, createPost } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

interface Node {
  id: number;
  parentId: number | null;
  depth: number;
  body: string;
  deleted: boolean;
  author: { id: number; displayName: string } | null;
  replies: Node[];
}

function flatten(nodes: Node[]): Node[] {
  return nodes.flatMap((node) => [node, ...flatten(node.replies)]);
}

async function readPost(id: number, user?: TestUser, query = '') {
  const response = await t.app.inject({ url: `/api/posts/${id}${query}`, ...(user ? { headers: user.auth } : {}) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

describe('replying', () => {
  it('nests replies at any depth, siblings oldest first, with depth, author and rendered body', async () => {
    const mia = await registerUser(t.app, 'Mia');
    const jonas = await registerUser(t.app, 'Jonas');
    const post = await createPost(t.app, mia, { location: kreuzberg });
    const first = await addComment(t.app, jonas, post.id, 'First *top-level*');
    const second = await addComment(t.app, mia, post.id, 'Second top-level');
    const reply = await addComment(t.app, mia, post.id, 'Reply to first', first.id);
    const replyToReply = await addComment(t.app, jonas, post.id, 'Reply to the reply', reply.id);
    const laterReply = await addComment(t.app, jonas, post.id, 'Later reply to first', first.id);

    expect(first).toMatchObject({
      parentId: null,
      depth: 0,
      replies: [],
      deleted: false,
      editedAt: null,
      canEdit: true,
    });
    expect(replyToReply).toMatchObject({ parentId: reply.id, depth: 2 });

    const { discussion, commentCount } = await readPost(post.id);
    expect(commentCount).toBe(5);
    expect(discussion.totalComments).toBe(5);
    expect(discussion.nextBranchCursor).toBeNull();
    const [a, b] = discussion.comments as Node[];
    expect(discussion.comments.map((c: Node) => c.id)).toEqual([first.id, second.id]);
    expect(a).toMatchObject({
      id: first.id,
      depth: 0,
      author: { id: jonas.id, displayName: 'Jonas' },
      bodyHtml: '<p>First <em>top-level</em></p>',
      createdAt: first.createdAt,
    });
    expect(a!.replies.map((c) => c.id)).toEqual([reply.id, laterReply.id]);
    expect(a!.replies[0]!.replies.map((c) => [c.id, c.depth, c.parentId])).toEqual([[replyToReply.id, 2, reply.id]]);
    expect(b!.replies).toEqual([]);
  });

  it('builds and returns a 50-levels-deep thread intact', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const chain: number[] = [];
    for (let depth = 0; depth <= 50; depth += 1) {
      const comment = await addComment(t.app, user, post.id, `level ${depth}`, chain.at(-1));
      expect(comment.depth).toBe(depth);
      chain.push(comment.id);
    }
    const { discussion } = await readPost(post.id);
    let level: Node[] = discussion.comments;
    for (let depth = 0; depth <= 50; depth += 1) {
      expect(level).toHaveLength(1);
      expect(level[0]).toMatchObject({
        id: chain[depth],
        depth,
        body: `level ${depth}`,
        parentId: chain[depth - 1] ?? null,
      });
      level = level[0]!.replies;
    }
    expect(level).toEqual([]);
  });

  it('serves a 500-level thread and refuses to nest deeper (400 naming parentId)', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const chain: number[] = [];
    for (let depth = 0; depth < 500; depth += 1) {
      const { id } = await t.db
        .insertInto('comments')
        .values({
          post_id: post.id,
          parent_id: chain.at(-1) ?? null,
          depth,
          author_id: user.id,
          body: `${depth}`,
          body_html: '',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      chain.push(id);
    }
    const { discussion } = await readPost(post.id);
    expect(flatten(discussion.comments).map((c) => c.depth)).toEqual(chain.map((_, depth) => depth));
    const reply = (parentId: number) =>
      t.app.inject({
        method: 'POST',
        url: `/api/posts/${post.id}/comments`,
        headers: user.auth,
        payload: { body: 'deeper', parentId },
      });
    const tooDeep = await reply(chain[499]!);
    expect(tooDeep.statusCode).toBe(400);
    expect(tooDeep.json().error.details[0].field).toBe('parentId');
    expect((await reply(chain[498]!)).json().depth).toBe(499);
  });

  it('answers 400 naming parentId for a comment of another post or one that does not exist', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const other = await createPost(t.app, user, { location: kreuzberg });
    const elsewhere = await addComment(t.app, user, other.id, 'on the other post');
    for (const parentId of [elsewhere.id, 424242]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/posts/${post.id}/comments`,
        headers: user.auth,
        payload: { body: 'hi', parentId },
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('parentId');
    }
  });

  it.each([
    ['an empty body', { body: '' }],
    ['a blank body', { body: '   ' }],
    ['a body over 10,000 characters', { body: 'x'.repeat(10_001) }],
    ['a missing body', {}],
  ])('answers 400 naming body for %s', async (_label, payload) => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/comments`,
      headers: user.auth,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('body');
  });

  it('answers 401 without sign-in and 404 for a missing post', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/posts/${post.id}/comments`, payload: { body: 'x' } }))
        .statusCode,
    ).toBe(401);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/posts/424242/comments',
      headers: user.auth,
      payload: { body: 'x' },
    });
    expect(missing.statusCode).toBe(404);
  });

  it('answers 409 thread_deleted when replying under a deleted post, and comment_deleted to a deleted comment', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const comment = await addComment(t.app, user, post.id, 'soon gone');
    const kept = await addComment(t.app, user, post.id, 'kept');
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${comment.id}`, headers: user.auth });
    const toDeleted = await t.app.inject({
      method: 'POST',
      url: `/api/posts/${post.id}/comments`,
      headers: user.auth,
      payload: { body: 'hello?', parentId: comment.id },
    });
    expect(toDeleted.statusCode).toBe(409);
    expect(toDeleted.json().error.code).toBe('comment_deleted');

    await t.app.inject({ method: 'DELETE', url: `/api/posts/${post.id}`, headers: user.auth });
    for (const parentId of [undefined, kept.id]) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/posts/${post.id}/comments`,
        headers: user.auth,
        payload: { body: 'anyone?', parentId },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('thread_deleted');
    }
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/comments/${kept.id}`,
      headers: user.auth,
      payload: { body: 'x' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('thread_deleted');
  });
});

describe('editing and deleting comments', () => {
  it('lets only the author edit (setting editedAt) and answers the comment with its replies', async () => {
    const author = await registerUser(t.app);
    const other = await registerUser(t.app);
    const post = await createPost(t.app, author, { location: kreuzberg });
    const comment = await addComment(t.app, author, post.id, 'typo');
    const reply = await addComment(t.app, other, post.id, 'a reply', comment.id);
    const patch = (user: TestUser | null, body: string) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/comments/${comment.id}`,
        ...(user ? { headers: user.auth } : {}),
        payload: { body },
      });
    expect((await patch(other, 'mine')).statusCode).toBe(403);
    expect((await patch(null, 'mine')).statusCode).toBe(401);
    expect((await patch(author, '  ')).statusCode).toBe(400);
    const response = await patch(author, 'fixed **now**');
    expect(response.statusCode).toBe(200);
    const edited = response.json();
    expect(edited).toMatchObject({
      id: comment.id,
      body: 'fixed **now**',
      bodyHtml: '<p>fixed <strong>now</strong></p>',
      depth: 0,
    });
    expect(edited.editedAt).not.toBeNull();
    expect(edited.replies.map((c: Node) => c.id)).toEqual([reply.id]);
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: '/api/comments/424242',
          headers: author.auth,
          payload: { body: 'x' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('keeps a deleted comment in the tree as "[deleted]" so its replies stay readable', async () => {
    const author = await registerUser(t.app, 'Sam');
    const other = await registerUser(t.app, 'Lea');
    const post = await createPost(t.app, author, { location: kreuzberg });
    const comment = await addComment(t.app, author, post.id, 'something regrettable');
    const reply = await addComment(t.app, other, post.id, 'a thoughtful reply', comment.id);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/comments/${comment.id}`, headers: other.auth })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/comments/${comment.id}` })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/comments/${comment.id}`, headers: author.auth })).statusCode,
    ).toBe(204);
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/comments/${comment.id}`, headers: author.auth })).statusCode,
    ).toBe(204);

    const { discussion, commentCount } = await readPost(post.id, author);
    expect(commentCount).toBe(1);
    expect(discussion.totalComments).toBe(2);
    expect(discussion.comments[0]).toMatchObject({
      id: comment.id,
      deleted: true,
      author: null,
      body: '[deleted]',
      bodyHtml: '<p>[deleted]</p>',
      canEdit: false,
      canDelete: false,
    });
    expect(discussion.comments[0].replies[0]).toMatchObject({
      id: reply.id,
      body: 'a thoughtful reply',
      author: { displayName: 'Lea' },
    });
    expect(JSON.stringify(discussion)).not.toContain('regrettable');
    const edit = await t.app.inject({
      method: 'PATCH',
      url: `/api/comments/${comment.id}`,
      headers: author.auth,
      payload: { body: 'x' },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('comment_deleted');
  });
});

describe('large discussions', () => {
  /** 150 top-level comments, each with 3 replies that each have 3 replies, plus a 60-deep chain under the first. */
  async function seedLargeThread(postId: number, authorId: number) {
    const row = (parentId: number | null, depth: number, body: string) => ({
      post_id: postId,
      parent_id: parentId,
      depth,
      author_id: authorId,
      body,
      body_html: `<p>${body}</p>`,
    });
    const roots = await t.db
      .insertInto('comments')
      .values(Array.from({ length: 150 }, (_, i) => row(null, 0, `root ${i}`)))
      .returning('id')
      .execute();
    let level = roots.map((r) => r.id);
    for (let depth = 1; depth <= 2; depth += 1) {
      const children = await t.db
        .insertInto('comments')
        .values(level.flatMap((parent) => [0, 1, 2].map((i) => row(parent, depth, `child ${parent}.${i}`))))
        .returning('id')
        .execute();
      level = children.map((c) => c.id);
    }
    let parent = roots[0]!.id;
    for (let depth = 1; depth <= 60; depth += 1) {
      const { id } = await t.db
        .insertInto('comments')
        .values(row(parent, depth, `deep ${depth}`))
        .returning('id')
        .executeTakeFirstOrThrow();
      parent = id;
    }
    return 150 * 13 + 60;
  }

  it('pages by top-level branch, each whole, and stops a page before it passes 500 comments', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const total = await seedLargeThread(post.id, user.id);
    const branchSize = (root: Node) => flatten([root]).length;

    const first = await readPost(post.id);
    expect(first.discussion.totalComments).toBe(total);
    const pages: Node[][] = [];
    let discussion = first.discussion;
    for (;;) {
      pages.push(discussion.comments);
      expect(discussion.comments.length).toBeLessThanOrEqual(50);
      for (const root of discussion.comments as Node[]) expect(root.depth).toBe(0);
      if (discussion.nextBranchCursor === null) break;
      const next = await t.app.inject(
        `/api/posts/${post.id}/comments?branchCursor=${encodeURIComponent(discussion.nextBranchCursor)}`,
      );
      expect(next.statusCode).toBe(200);
      discussion = next.json();
    }
    const seen = pages.flatMap((page) => flatten(page));
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((c) => c.id)).size).toBe(total);
    expect(Math.max(...seen.map((c) => c.depth))).toBe(60);
    // Each branch is whole: the first carries the 60-deep chain, the others 1 + 3 + 9 comments.
    expect(pages.flat().map(branchSize)).toEqual([73, ...Array<number>(149).fill(13)]);
    // Pages fill up to 500 comments and no further: the next branch would not have fit.
    const sizes = pages.map((page) => page.reduce((sum, root) => sum + branchSize(root), 0));
    expect(sizes).toEqual([73 + 32 * 13, 38 * 13, 38 * 13, 38 * 13, 3 * 13]);
    // The cursor also works on the post itself.
    const page2 = await readPost(
      post.id,
      undefined,
      `?branchCursor=${encodeURIComponent(first.discussion.nextBranchCursor)}`,
    );
    expect(page2.discussion.comments[0].body).toBe('root 33');
  });

  it('gives a branch larger than a page a page of its own, whole', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const big = await addComment(t.app, user, post.id, 'a popular question');
    await t.db
      .insertInto('comments')
      .values(
        Array.from({ length: 600 }, (_, i) => ({
          post_id: post.id,
          parent_id: big.id,
          depth: 1,
          author_id: user.id,
          body: `answer ${i}`,
          body_html: '',
        })),
      )
      .execute();
    const small = await addComment(t.app, user, post.id, 'a quieter one');

    const { discussion } = await readPost(post.id);
    expect(discussion.comments.map((c: Node) => c.id)).toEqual([big.id]);
    expect(discussion.comments[0].replies).toHaveLength(600);
    expect(discussion.nextBranchCursor).toEqual(expect.any(String));
    const rest = await readPost(post.id, undefined, `?branchCursor=${encodeURIComponent(discussion.nextBranchCursor)}`);
    expect(rest.discussion.comments.map((c: Node) => c.id)).toEqual([small.id]);
    expect(rest.discussion.nextBranchCursor).toBeNull();
  });

  it('knows each reply’s branch, whoever wrote it, and rebuilds that knowledge for existing replies', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    await seedLargeThread(post.id, user.id);
    const top = await addComment(t.app, user, post.id, 'top');
    const reply = await addComment(t.app, user, post.id, 'reply', top.id);
    await addComment(t.app, user, post.id, 'reply to the reply', reply.id);
    // The branch each comment belongs to, found by walking up the parents.
    const mismatches = () =>
      sql<{ id: number }>`
        with recursive walk as (
          select id, id as top from comments where post_id = ${post.id} and parent_id is null
          union all
          select c.id, w.top from comments c join walk w on c.parent_id = w.id
        )
        select c.id from comments c join walk w on w.id = c.id
        where c.root_id is distinct from nullif(w.top, c.id)`.execute(t.db);
    expect((await mismatches()).rows).toEqual([]);
    expect(
      await t.db
        .selectFrom('comments')
        .select('root_id')
        .where('post_id', '=', post.id)
        .where('root_id', 'is', null)
        .execute(),
    ).toHaveLength(151);

    // The migration fills the column for replies written before it.
    await t.db.transaction().execute(async (trx) => {
      // Migrations are written against an untyped database.
      const untyped = trx as unknown as Kysely<unknown>;
      await branchesMigration.down(untyped);
      await branchesMigration.up(untyped);
    });
    expect((await mismatches()).rows).toEqual([]);
    expect((await readPost(post.id)).discussion.totalComments).toBe(150 * 13 + 60 + 3);
  });

  it('fetches a thread of thousands of comments with a fixed, small number of queries', async () => {
    let queries = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        queries += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const counted = await buildApp({
      config: testConfig(),
      database: { ...t.database, db: t.db.withPlugin(counting), close: async () => {} },
      web: false,
      runJobs: false,
    });
    try {
      const user = await registerUser(t.app);
      const small = await createPost(t.app, user, { location: kreuzberg });
      await addComment(t.app, user, small.id, 'just one');
      const large = await createPost(t.app, user, { location: kreuzberg });
      await seedLargeThread(large.id, user.id);

      const cost = async (id: number) => {
        queries = 0;
        const response = await counted.inject({ url: `/api/posts/${id}`, headers: user.auth });
        expect(response.statusCode).toBe(200);
        return queries;
      };
      const smallCost = await cost(small.id);
      // The post, its page of discussion, its photos, and the avatars beside the names.
      expect(smallCost).toBeLessThanOrEqual(5);
      expect(await cost(large.id)).toBe(smallCost);
    } finally {
      await counted.close();
    }
  });

  it('refuses a forged cursor and a cursor from another post (400 naming branchCursor)', async () => {
    const user = await registerUser(t.app);
    const post = await createPost(t.app, user, { location: kreuzberg });
    const other = await createPost(t.app, user, { location: kreuzberg });
    await t.db
      .insertInto('comments')
      .values(
        Array.from({ length: 51 }, (_, i) => ({
          post_id: other.id,
          parent_id: null,
          depth: 0,
          author_id: user.id,
          body: `${i}`,
          body_html: '',
        })),
      )
      .execute();
    const cursor = (await readPost(other.id)).discussion.nextBranchCursor;
    expect(cursor).toEqual(expect.any(String));
    for (const bad of [cursor, 'not-a-cursor', `${cursor}x`]) {
      const response = await t.app.inject(`/api/posts/${post.id}?branchCursor=${encodeURIComponent(bad)}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.details[0].field).toBe('branchCursor');
    }
  });
});
