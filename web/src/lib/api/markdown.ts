/** The Markdown preview: the server renders it exactly as it will publish it. */
import { request } from './http';
import type { RequestBody, Schema } from './types';

export async function previewMarkdown(text: string, signal?: AbortSignal): Promise<string> {
  const body: RequestBody<'/api/markdown/preview', 'post'> = { text };
  return (await request<Schema<'MarkdownPreview'>>('POST', '/api/markdown/preview', { body, signal })).html;
}
