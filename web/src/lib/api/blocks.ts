/** Blocking people. */
import { getJson, request } from './http';
import type { Answer } from './types';

export type BlockedPerson = Answer<'/api/blocks'>['blocks'][number];

export async function getBlocks(signal?: AbortSignal): Promise<BlockedPerson[]> {
  return (await getJson<Answer<'/api/blocks'>>('/api/blocks', signal)).blocks;
}

export function block(userId: number): Promise<void> {
  return request('PUT', `/api/blocks/${userId}`);
}

export function unblock(userId: number): Promise<void> {
  return request('DELETE', `/api/blocks/${userId}`);
}
