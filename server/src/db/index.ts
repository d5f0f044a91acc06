/**
 * One entry point for both databases. Everything above this file sees a Kysely<Database> and
 * does not know which PostgreSQL it talks to.
 */
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import { openEmbedded, type DiskWatch, type EmbeddedSource } from './embedded.js';
import { postgresListener, type DatabaseListener } from './listener.js';
import { openPostgres, type PoolStats } from './postgres.js';
import { Replicas } from './replicas.js';
import type { Database } from './schema.js';
import { WriteHealth } from './write-health.js';

export type DatabaseKind = 'embedded' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Whether the database can write (a full disk), for /api/health (write-health.ts). */
  writeHealth: WriteHealth;
  /** LISTEN/NOTIFY, on whichever database this is (listener.ts). */
  listener: DatabaseListener;
  /** Read replicas, when configured (replicas.ts); `db` then sends lag-tolerant reads to them. */
  replicas?: Replicas;
  /** The connection pool's state (PostgreSQL server only), for /metrics. */
  poolStats?: () => PoolStats;
  /** For the embedded database: write a snapshot tarball of its files (tests use it as a template). */
  snapshot?: () => Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { url: string; poolSize?: number; replicaUrls?: string[]; replicaMaxLagMs?: number }
  | (EmbeddedSource & { diskWatch?: DiskWatch });

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if ('url' in target) {
    const { db: primaryDb, queryPool, stats } = openPostgres(target.url, target.poolSize);
    const listener = postgresListener(target.url);
    let replicas: Replicas | undefined;
    if (target.replicaUrls?.length) {
      replicas = new Replicas({
        primaryDb,
        primaryPool: queryPool,
        urls: target.replicaUrls,
        maxLagMs: target.replicaMaxLagMs ?? 1000,
        poolSize: target.poolSize,
      });
      await replicas.start();
    }
    return {
      db: replicas?.db ?? primaryDb,
      kind: 'postgres',
      writeHealth: new WriteHealth(),
      listener,
      replicas,
      poolStats: stats,
      close: async () => {
        await listener.close();
        await replicas?.close();
        await primaryDb.destroy();
      },
    };
  }
  const { db, listener, writeHealth, snapshot, close } = await openEmbedded(target, target.diskWatch);
  return { db, kind: 'embedded', writeHealth, listener, snapshot, close };
}

export function databaseTarget(config: {
  databaseUrl: string | null;
  dataDir: string;
  databaseReplicaUrls?: string[];
  replicaMaxLagMs?: number;
  diskMinFreeMb?: number;
}): DatabaseTarget {
  return config.databaseUrl
    ? { url: config.databaseUrl, replicaUrls: config.databaseReplicaUrls, replicaMaxLagMs: config.replicaMaxLagMs }
    : {
        dataDir: path.join(config.dataDir, 'pgdata'),
        diskWatch: { minFreeBytes: (config.diskMinFreeMb ?? 0) * 1024 * 1024 },
      };
}

/** The PostGIS version, or null when the extension is not installed. */
export async function postgisVersion(db: Kysely<Database>): Promise<string | null> {
  const { rows } = await sql<{ version: string | null }>`
    select (select extversion from pg_extension where extname = 'postgis') as version`.execute(db);
  return rows[0]?.version ?? null;
}
