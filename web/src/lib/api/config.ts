/** The server's settings for the map: where it starts and which tiles it draws. */
import { getJson } from './http';
import type { Answer } from './types';

export type ClientConfig = Answer<'/api/config'>;

export function getConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return getJson('/api/config', signal);
}
