import { describe, expect, it } from 'vitest';
import { DEMO_CENTER, DEMO_GROUPS, DEMO_PASSWORD } from '../../server/src/seed/demo-area.js';
import { DEMO_POSTS } from '../../server/src/seed/demo-posts.js';
import { seedDemoIfEmpty } from '../../server/src/seed/index.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

interface Node {
  depth: number;
  replies: Node[];
}
const deepest = (nodes: Node[]): number =>
  Math.max(-1, ...nodes.map((node) => Math.max(node.depth, deepest(node.replies))));

/** Every item of the demo area's feed, all pages. */
async function wholeFeed(headers: Record<string, string> = {}) {
  const items: { kind: string; id: number; group?: { visibility: string }; why: { text: string } }[] = [];
  let page: number | null = 1;
  let asOf = '';
  while (page !== null) {
    const query: string = `lat=${DEMO_CENTER.lat}&lng=${DEMO_CENTER.lng}&radius=5000&page=${page}${asOf ? `&asOf=${encodeURIComponent(asOf)}` : ''}`;
    const answer: { items: typeof items; nextPage: number | null; asOf: string } = (
      await t.app.inject({ url: `/api/feed?${query}`, headers })
    ).json();
    items.push(...answer.items);
    ({ nextPage: page, asOf } = answer);
  }
  return items;
}

async function signIn(key: string): Promise<{ authorization: string }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: `${key}@demo.vicinity.example`, password: DEMO_PASSWORD },
  });
  return { authorization: `Bearer ${response.json().token}` };
}

describe('demo posts', () => {
  it('only has people post and reply in groups they belong to', () => {
    const members = (key: string) => {
      const group = DEMO_GROUPS.find((g) => g.key === key)!;
      return new Set([group.owner, ...group.organizers, ...group.members]);
    };
    for (const post of DEMO_POSTS.filter((p) => p.group !== undefined)) {
      const allowed = members(post.group!);
      const people = [post.by];
      const walk = (comments: typeof post.comments) =>
        comments.forEach((comment) => {
          people.push(comment.by);
          walk(comment.replies ?? []);
        });
      walk(post.comments);
      for (const person of people) expect(allowed.has(person), `${person} in ${post.group}`).toBe(true);
    }
  });

  it('seeds long-form posts with deep discussions, shown in the feed of the demo area', async () => {
    const summary = await seedDemoIfEmpty(t.db);
    expect(summary).toMatch(/^6 people, 40 places, 10 groups.*, 15 posts, \d+ comments/);

    const posts = (await wholeFeed()).filter((item) => item.kind === 'post');
    // The private group's post is for its members only.
    expect(posts).toHaveLength(14);
    expect(posts.every((item) => /away · posted .* ago/.test(item.why.text))).toBe(true);

    let maxDepth = 0;
    for (const item of posts) {
      const post = (await t.app.inject(`/api/posts/${item.id}`)).json();
      expect(post.body.length).toBeGreaterThan(300);
      maxDepth = Math.max(maxDepth, deepest(post.discussion.comments));
    }
    expect(maxDepth).toBeGreaterThanOrEqual(5);

    const sam = await signIn('sam');
    const secret = (await wholeFeed(sam)).find((item) => item.kind === 'post' && item.group?.visibility === 'private');
    expect(secret?.why.text).toMatch(/in your group Queer Game Night$/);
  });
});
