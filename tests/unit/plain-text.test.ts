/**
 * Feed excerpts: the words of a Markdown body as a reader sees them, with no markup left and
 * nothing turned into HTML on the way.
 */
import { describe, expect, it } from 'vitest';
import { plainText } from '../../server/src/markdown/render.js';

describe('plainText', () => {
  it('keeps the words of every block, and none of the markup', () => {
    const source = [
      '# Game night',
      'We play **Catan** and _Azul_ at [the café](https://example.org) — see https://example.org/menu.',
      '- bring `dice`\n- bring snacks',
      '> a quote',
      '```js\nconst seats = 12;\n```',
      '| table | cell |\n| --- | --- |\n| 1 | 2 |',
    ].join('\n\n');
    expect(plainText(source, 500)).toBe(
      'Game night We play Catan and Azul at the café — see https://example.org/menu. bring dice bring snacks ' +
        'a quote const seats = 12; table cell 1 2',
    );
  });

  it('decodes entities and keeps typed HTML as the text it is', () => {
    expect(plainText('Fish &amp; chips &lt;b&gt; <script>alert(1)</script>', 500)).toBe(
      'Fish & chips <b> <script>alert(1)</script>',
    );
  });

  it('shows an image by its alt text and turns line breaks into spaces', () => {
    expect(plainText('![the board](https://example.org/b.png) before\nafter  \nlast', 500)).toBe(
      'the board before after last',
    );
  });

  it('cuts a long text at a word, within the limit, with an ellipsis', () => {
    const excerpt = plainText('word '.repeat(100), 280);
    expect(excerpt.length).toBeLessThanOrEqual(280);
    expect(excerpt).toMatch(/^(word )+word…$/);
    expect(plainText('short', 280)).toBe('short');
  });
});
