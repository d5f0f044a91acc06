/**
 * What a text will look like once published, rendered by the very function that renders it then,
 * so the preview cannot disagree with the page (and the browser needs no Markdown parser).
 */
import { renderMarkdown } from '../../markdown/render.js';
import type { Preview } from './schemas.js';

export function previewMarkdown(text: string): Preview {
  return { html: renderMarkdown(text) };
}
