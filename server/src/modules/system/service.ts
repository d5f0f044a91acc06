/** Whether the server can do its work: the database answers and has PostGIS. */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { postgisVersion, type DatabaseKind } from '../../db/index.js';
import { pendingMigrations } from '../../db/migrate.js';
import type { ReplicaStatus } from '../../db/replicas.js';
import type { Database } from '../../db/schema.js';
import type { WriteHealth } from '../../db/write-health.js';
import type { Health, Readiness } from './schemas.js';

export async function checkHealth(
  db: Kysely<Database>,
  kind: DatabaseKind,
  replicas: ReplicaStatus[] | undefined,
  writeHealth: WriteHealth,
  log: FastifyBaseLogger,
): Promise<Health> {
  const withReplicas = replicas ? { replicas } : {};
  try {
    const postgis = await postgisVersion(db);
    if (postgis === null) throw new Error('PostGIS extension is missing');
    const problem = writeHealth.problem();
    if (problem) return { status: 'degraded', database: kind, problem, postgis, ...withReplicas };
    return { status: 'ok', database: kind, postgis, ...withReplicas };
  } catch (error) {
    log.warn({ err: error }, 'health check failed');
    const problem = writeHealth.problem() ?? 'The database does not answer.';
    return { status: 'unavailable', database: kind, problem, postgis: null, ...withReplicas };
  }
}

/**
 * Whether this process should get traffic: the database answers and has every migration this
 * version needs, and the process is not shutting down.
 */
export async function checkReadiness(
  db: Kysely<Database>,
  draining: boolean,
  writeHealth: WriteHealth,
  log: FastifyBaseLogger,
): Promise<Readiness> {
  try {
    const pending = await pendingMigrations(db);
    const ready = !draining && pending.length === 0;
    // A full disk leaves the process ready: the others share the database and its disk.
    const problem = writeHealth.problem();
    if (problem) return { ready, database: 'cannot_write', problem, pendingMigrations: pending, draining };
    return { ready, database: 'ok', pendingMigrations: pending, draining };
  } catch (error) {
    log.warn({ err: error }, 'readiness check failed');
    const problem = writeHealth.problem() ?? 'The database does not answer.';
    return { ready: false, database: 'unreachable', problem, pendingMigrations: [], draining };
  }
}
