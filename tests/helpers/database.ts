/**
 * A fresh, migrated database for one test file, on whichever database this run targets.
 *
 * - PostGIS: a new database copied from the run's migrated template (CREATE DATABASE … TEMPLATE).
 * - Embedded: PGlite takes seconds to boot with PostGIS, so each test worker boots one from the
 *   run's snapshot and empties every table (TRUNCATE … RESTART IDENTITY) before each file uses it.
 *   Either way a file starts from the same empty, migrated state and never sees another's rows.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { sql } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../server/src/db/index.js';
import { databaseUrl, TEST_DB_PREFIX } from '../setup/postgres.js';

export const TEST_DB_KIND: DatabaseKind = process.env.VICINITY_TEST_DB === 'postgres' ? 'postgres' : 'embedded';

export interface FreshDatabaseOptions {
  poolSize?: number;
  /** A database of its own that the caller may close (embedded runs otherwise share one per worker). */
  dedicated?: boolean;
}

let sharedEmbedded: Promise<DatabaseHandle> | undefined;

async function openSnapshot(): Promise<DatabaseHandle> {
  const bytes = await readFile(inject('embeddedSnapshot'));
  return openDatabase({ snapshot: new Blob([bytes]) });
}

async function emptyAllTables(handle: DatabaseHandle): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = 'public' and tablename not in ('spatial_ref_sys', 'kysely_migration', 'kysely_migration_lock')`.execute(
    handle.db,
  );
  if (rows.length === 0) return;
  const tables = sql.join(rows.map((row) => sql.id(row.tablename)));
  await sql`truncate table ${tables} restart identity cascade`.execute(handle.db);
}

export async function freshDatabase(options: FreshDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (TEST_DB_KIND === 'embedded') {
    if (options.dedicated) return openSnapshot();
    sharedEmbedded ??= openSnapshot();
    const handle = await sharedEmbedded;
    await emptyAllTables(handle);
    // The worker keeps it open for the next file.
    return { ...handle, close: async () => {} };
  }
  const { adminUrl, template } = inject('postgresTemplate');
  const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await withAdmin(adminUrl, (admin) => admin.query(`create database "${name}" template "${template}"`));
  const handle = await openDatabase({ url: databaseUrl(adminUrl, name), poolSize: options.poolSize ?? 20 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withAdmin(adminUrl, (admin) => admin.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
