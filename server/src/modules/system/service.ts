/** Whether the server can do its work: the database answers and has PostGIS. */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { postgisVersion, type DatabaseKind } from '../../db/index.js';
import type { Database } from '../../db/schema.js';
import type { Health } from './schemas.js';

export async function checkHealth(db: Kysely<Database>, kind: DatabaseKind, log: FastifyBaseLogger): Promise<Health> {
  try {
    const postgis = await postgisVersion(db);
    if (postgis === null) throw new Error('PostGIS extension is missing');
    return { status: 'ok', database: kind, postgis };
  } catch (error) {
    log.warn({ err: error }, 'health check failed');
    return { status: 'unavailable', database: kind, postgis: null };
  }
}
