/** The server's settings for the map: where it starts and which tiles it draws. */
import { getJson } from './http';
import type { Schema } from './types';

export type ClientConfig = Schema<'ClientConfig'>;

export function getConfig(signal?: AbortSignal): Promise<ClientConfig> {
  return getJson('/api/config', signal);
}
