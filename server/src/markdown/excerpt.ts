/**
 * The plain-text excerpt the feed shows of a post or a meetup. It is made when the Markdown is
 * written and kept beside it (`excerpt` columns, migration 0014): made for every item of every
 * feed page, it was a large share of the page's time with long posts (docs/performance.md).
 */
import { plainText } from './render.js';

export const EXCERPT_LENGTH = 280;

export function excerptOf(markdown: string): string {
  return plainText(markdown, EXCERPT_LENGTH);
}
