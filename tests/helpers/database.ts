/**
 * A fresh, migrated database for one test file, on whichever database this run targets:
 * the embedded PGlite (loaded from the run's snapshot) or a copy of the PostGIS template.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../server/src/db/index.js';
import { databaseUrl, TEST_DB_PREFIX } from '../setup/postgres.js';

export const TEST_DB_KIND: DatabaseKind = process.env.VICINITY_TEST_DB === 'postgres' ? 'postgres' : 'embedded';

export async function freshDatabase(options: { poolSize?: number } = {}): Promise<DatabaseHandle> {
  if (TEST_DB_KIND === 'embedded') {
    const bytes = await readFile(inject('embeddedSnapshot'));
    return openDatabase({ snapshot: new Blob([bytes]) });
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
