/** Whether the server can do its work: the database answers and has PostGIS. */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { postgisVersion, type DatabaseKind } from '../../db/index.js';
import { pendingMigrations } from '../../db/migrate.js';
import type { ReplicaStatus } from '../../db/replicas.js';
import type { Database } from '../../db/schema.js';
import type { Health, Readiness } from './schemas.js';

export async function checkHealth(
  db: Kysely<Database>,
  kind: DatabaseKind,
  replicas: ReplicaStatus[] | undefined,
  log: FastifyBaseLogger,
): Promise<Health> {
  const withReplicas = replicas ? { replicas } : {};
  try {
    const postgis = await postgisVersion(db);
    if (postgis === null) throw new Error('PostGIS extension is missing');
    return { status: 'ok', database: kind, postgis, ...withReplicas };
  } catch (error) {
    log.warn({ err: error }, 'health check failed');
    return { status: 'unavailable', database: kind, postgis: null, ...withReplicas };
  }
}

/**
 * Whether this process should get traffic: the database answers and has every migration this
 * version needs, and the process is not shutting down.
 */
export async function checkReadiness(
  db: Kysely<Database>,
  draining: boolean,
  log: FastifyBaseLogger,
): Promise<Readiness> {
  try {
    const pending = await pendingMigrations(db);
    return { ready: !draining && pending.length === 0, database: 'ok', pendingMigrations: pending, draining };
  } catch (error) {
    log.warn({ err: error }, 'readiness check failed');
    return { ready: false, database: 'unreachable', pendingMigrations: [], draining };
  }
}
