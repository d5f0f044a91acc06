import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { createPost, addComment, XSS_PAYLOADS, xssPostBody } from '../helpers/posts.js';
import { registerUser, type TestUser } from '../helpers/users.js';

const t = useTestApp();
const kreuzberg = { lat: 52.4986, lng: 13.4213 };

/** The few DOM members the checks below use (the TypeScript config has no DOM library). */
interface ParsedElement {
  tagName: string;
  attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
}
interface ParsedDocument {
  body: { querySelectorAll(selector: string): ArrayLike<ParsedElement> };
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { document: ParsedDocument } };
};

const FORBIDDEN_STRINGS = [/<script/i, / on\w+=/i, /javascript:/i, /vbscript:/i, /data:/i, /<style/i, /<iframe/i];
const ALLOWED_TAGS = new Set(
  'p br hr a em strong del s code pre blockquote ul ol li h2 h3 h4 h5 h6 table thead tbody tr th td'.split(' '),
);
const ALLOWED_ATTRIBUTES: Record<string, string[]> = { a: ['href', 'rel'], ol: ['start'], code: ['class'] };

/** What a browser would build from the HTML: only allowed elements, attributes and link targets. */
function expectInertDom(html: string): void {
  const document = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const tag = element.tagName.toLowerCase();
    expect(ALLOWED_TAGS.has(tag), `<${tag}> in ${html}`).toBe(true);
    for (const { name } of Array.from(element.attributes)) {
      expect(ALLOWED_ATTRIBUTES[tag] ?? [], `${name} on <${tag}> in ${html}`).toContain(name);
    }
    if (tag === 'a') {
      expect(element.getAttribute('rel')).toBe('nofollow ugc noopener');
      const href = element.getAttribute('href');
      if (href !== null) expect(href, html).toMatch(/^(https?:|mailto:|\/(?![/\\])|#)/i);
    }
  }
}

function expectSafe(html: string): void {
  for (const pattern of FORBIDDEN_STRINGS) expect(html, `${pattern} in ${html}`).not.toMatch(pattern);
  expectInertDom(html);
}

describe('Markdown rendering and sanitizing', () => {
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser(t.app, 'Writer');
  });

  it(`is tested against ${XSS_PAYLOADS.length} payloads`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(25);
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload]))('neutralises %s in a post', async (payload) => {
    const post = await createPost(t.app, user, { location: kreuzberg, body: payload });
    expect(post.body).toBe(payload);
    expectSafe(post.bodyHtml);
    const read = (await t.app.inject(`/api/posts/${post.id}`)).json();
    expect(read.bodyHtml).toBe(post.bodyHtml);
  });

  it('neutralises every payload at once, in a post and in a comment', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/posts',
      headers: user.auth,
      payload: xssPostBody(kreuzberg),
    });
    expect(response.statusCode).toBe(201);
    const post = response.json();
    expectSafe(post.bodyHtml);
    // The title is plain text: kept as written, for the page to show as text.
    expect(post.title).toBe('<script>alert("title")</script> XSS test post');
    const comment = await addComment(t.app, user, post.id, XSS_PAYLOADS.join('\n\n'));
    expectSafe(comment.bodyHtml);
  });

  it('keeps ordinary Markdown: emphasis, lists, code, quotes, tables and safe links', async () => {
    const body = [
      '# Heading',
      'Some *emphasis*, **strong** and ~~struck~~ text with `code`.',
      '- one\n- two',
      '> quoted',
      '```\nconst a = 1 < 2;\n```',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '[site](https://example.org/path?q=1) and https://example.com/auto and [mail](mailto:hi@example.org) and [here](/posts/1)',
      '![a cat](https://example.org/cat.png)',
    ].join('\n\n');
    const { bodyHtml } = await createPost(t.app, user, { location: kreuzberg, body });
    expect(bodyHtml).toContain('<h2>Heading</h2>');
    expect(bodyHtml).toContain('<em>emphasis</em>');
    expect(bodyHtml).toContain('<strong>strong</strong>');
    expect(bodyHtml).toContain('<li>one</li>');
    expect(bodyHtml).toContain('<blockquote>');
    expect(bodyHtml).toContain('<pre><code>const a = 1 &lt; 2;');
    expect(bodyHtml).toContain('<td>1</td>');
    expect(bodyHtml).toContain('<a href="https://example.org/path?q=1" rel="nofollow ugc noopener">site</a>');
    expect(bodyHtml).toContain(
      '<a href="https://example.com/auto" rel="nofollow ugc noopener">https://example.com/auto</a>',
    );
    expect(bodyHtml).toContain('<a href="mailto:hi@example.org" rel="nofollow ugc noopener">mail</a>');
    expect(bodyHtml).toContain('<a href="/posts/1" rel="nofollow ugc noopener">here</a>');
    // Images are not loaded from wherever the writer points; they become links.
    expect(bodyHtml).toContain('<a href="https://example.org/cat.png" rel="nofollow ugc noopener">a cat</a>');
    expect(bodyHtml).not.toContain('<img');
    expectSafe(bodyHtml);
  });

  it('shows raw HTML as text rather than dropping what people wrote', async () => {
    const { bodyHtml } = await createPost(t.app, user, {
      location: kreuzberg,
      body: 'Use <b>bold</b> & <i>italics</i>',
    });
    expect(bodyHtml).toBe('<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; &lt;i&gt;italics&lt;/i&gt;</p>');
  });
});

describe('POST /api/markdown/preview', () => {
  let writer: TestUser;
  beforeAll(async () => {
    writer = await registerUser(t.app, 'Previewer');
  });

  const preview = (text: unknown, user: TestUser | null = writer) =>
    t.app.inject({
      method: 'POST',
      url: '/api/markdown/preview',
      ...(user ? { headers: user.auth } : {}),
      payload: { text },
    });

  it('answers exactly what publishing the same text gives, payloads included', async () => {
    const body = `# Plan\n\nBring **dice** and [the rules](https://example.org).\n\n${xssPostBody(kreuzberg).body}`;
    const shown = await preview(body);
    expect(shown.statusCode, shown.body).toBe(200);
    expectSafe(shown.json().html);
    const post = await createPost(t.app, writer, { location: kreuzberg, body });
    expect(shown.json().html).toBe(post.bodyHtml);
  });

  it('is for people signed in, and refuses what no post could hold', async () => {
    expect((await preview('hi', null)).statusCode).toBe(401);
    const long = await preview('x'.repeat(40_001));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.code).toBe('validation_failed');
  });
});
