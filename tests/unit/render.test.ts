/**
 * Markdown into the HTML readers see: ordinary formatting kept, headings below the page's own,
 * images as links, and only safe links, with our rel, surviving. tests/api/sanitize.test.ts runs
 * the hostile payloads through the HTTP routes; these pin each rule on its own.
 */
import { describe, expect, it } from 'vitest';
import { LINK_REL, renderMarkdown } from '../../server/src/markdown/render.js';

const link = (href: string, text: string) => `<p><a href="${href}" rel="${LINK_REL}">${text}</a></p>`;
const deadLink = (text: string) => `<p><a rel="${LINK_REL}">${text}</a></p>`;

describe('renderMarkdown', () => {
  it('keeps emphasis, strike-through, lists with their start, code with its language, and tables', () => {
    expect(renderMarkdown('**bold** _em_ ~~gone~~ `code`')).toBe(
      '<p><strong>bold</strong> <em>em</em> <s>gone</s> <code>code</code></p>',
    );
    expect(renderMarkdown('3. three\n4. four')).toBe('<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>');
    expect(renderMarkdown('```js\nconst x = 1;\n```')).toBe(
      '<pre><code class="language-js">const x = 1;\n</code></pre>',
    );
    expect(renderMarkdown('| a | b |\n| - | - |\n| 1 | 2 |')).toContain('<td>1</td>');
  });

  it('starts headings at h2, below the page’s title, and stops at h6', () => {
    expect(renderMarkdown('# One\n\n## Two\n\n##### Five\n\n###### Six')).toBe(
      '<h2>One</h2>\n<h3>Two</h3>\n<h6>Five</h6>\n<h6>Six</h6>',
    );
  });

  it('turns an image into a link to it, labelled with its alt text or "image"', () => {
    expect(renderMarkdown('![the board](https://example.org/b.png)')).toBe(
      link('https://example.org/b.png', 'the board'),
    );
    expect(renderMarkdown('![](https://example.org/b.png)')).toBe(link('https://example.org/b.png', 'image'));
    expect(renderMarkdown('![x](https://example.org/b.png)')).not.toContain('<img');
  });

  it('keeps http(s) and mailto links, site paths and fragments, always with our rel and nothing else', () => {
    expect(renderMarkdown('[x](https://example.org/a?b=c "title")')).toBe(link('https://example.org/a?b=c', 'x'));
    expect(renderMarkdown('[x](mailto:ada@example.org)')).toBe(link('mailto:ada@example.org', 'x'));
    expect(renderMarkdown('[x](/events/1)')).toBe(link('/events/1', 'x'));
    expect(renderMarkdown('[x](#comments)')).toBe(link('#comments', 'x'));
    expect(renderMarkdown('see https://example.org')).toBe(
      `<p>see <a href="https://example.org" rel="${LINK_REL}">https://example.org</a></p>`,
    );
  });

  it('keeps the words of a link to anywhere else but drops where it points', () => {
    expect(renderMarkdown('[x](//evil.example/path)')).toBe(deadLink('x'));
    expect(renderMarkdown('[x](ftp://files.example/a)')).toBe(deadLink('x'));
  });

  it('never writes a script-running link, not even as text', () => {
    for (const source of ['[x](javascript:alert(1))', '[x](JaVaScRiPt:alert(1))', '[x](data:text/html,hi)']) {
      const html = renderMarkdown(source);
      expect(html, source).not.toMatch(/href="(javascript|data)/i);
      expect(html, source).not.toMatch(/(javascript|data):/i);
    }
  });

  it('shows typed HTML as text', () => {
    expect(renderMarkdown('<b>hi</b> <script>alert(1)</script>')).toBe(
      '<p>&lt;b&gt;hi&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    expect(renderMarkdown('<a href="/x" onclick="steal()">raw</a>')).toBe(
      '<p>&lt;a href="/x" onclick&#61;"steal()"&gt;raw&lt;/a&gt;</p>',
    );
  });

  it('writes the colon of "javascript:" and the equals sign of "onload=" in text as character references', () => {
    expect(renderMarkdown('say javascript: now, onload= too')).toBe('<p>say javascript&#58; now, onload&#61; too</p>');
    expect(renderMarkdown('`<img onerror=alert(1)>`')).toBe('<p><code>&lt;img onerror&#61;alert(1)&gt;</code></p>');
  });

  it('answers nothing for an empty text', () => {
    expect(renderMarkdown('')).toBe('');
    expect(renderMarkdown('   \n\n  ')).toBe('');
  });
});
