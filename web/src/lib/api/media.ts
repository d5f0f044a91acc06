/** Photos: uploading one with its alt text (with progress), changing its text, deleting it. */
import { request, sendForm } from './http';
import type { Schema } from './types';

export type Media = Schema<'Media'>;

export function uploadPhoto(
  file: File,
  alt: string,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal } = {},
): Promise<Media> {
  const form = new FormData();
  // The alt text first, so the server has it before the file's bytes.
  form.append('alt', alt);
  form.append('file', file);
  return sendForm('POST', '/api/media', form, options);
}

export function changeAlt(id: number, alt: string): Promise<Media> {
  return request('PATCH', `/api/media/${id}`, { body: { alt } });
}

export function deletePhoto(id: number): Promise<void> {
  return request('DELETE', `/api/media/${id}`);
}
