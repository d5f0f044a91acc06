/** The feed's excerpt of a post or a meetup: plain text, at most EXCERPT_LENGTH characters. */
import { describe, expect, it } from 'vitest';
import { EXCERPT_LENGTH, excerptOf } from '../../server/src/markdown/excerpt.js';

describe('excerptOf', () => {
  it('keeps a text of exactly EXCERPT_LENGTH characters whole', () => {
    const text = 'a'.repeat(EXCERPT_LENGTH);
    expect(excerptOf(text)).toBe(text);
  });

  it('cuts one character longer, ending in an ellipsis within the limit', () => {
    const excerpt = excerptOf('a'.repeat(EXCERPT_LENGTH + 1));
    expect(excerpt).toHaveLength(EXCERPT_LENGTH);
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('cuts at the end of a word, and counts the text without its markup', () => {
    const words = 'Würfel '.repeat(60).trim();
    const excerpt = excerptOf(`# Spieleabend\n\n**${words}**`);
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH);
    expect(excerpt).toMatch(/^Spieleabend (Würfel )+Würfel…$/);
    // Markup does not count: a short text with long link targets is kept whole.
    const linked = '[a](https://example.org/' + 'x'.repeat(400) + ') b';
    expect(excerptOf(linked)).toBe('a b');
  });

  it('cuts a single long word rather than leaving nothing', () => {
    const excerpt = excerptOf(`Hi ${'x'.repeat(400)}`);
    expect(excerpt).toHaveLength(EXCERPT_LENGTH);
    expect(excerpt.startsWith('Hi xxx')).toBe(true);
  });
});
