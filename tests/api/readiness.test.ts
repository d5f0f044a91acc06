import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/index.js';
import { migrateToLatest, pendingMigrations } from '../../server/src/db/migrate.js';
import { useTestApp } from '../helpers/app.js';
import { TEST_DB_KIND } from '../helpers/database.js';
import { databaseUrl, TEST_DB_PREFIX } from '../setup/postgres.js';

const t = useTestApp();

it('answers liveness without the database', async () => {
  const response = await t.app.inject('/api/health/live');
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ status: 'ok' });
});

it('is ready when the database answers and has every migration', async () => {
  const response = await t.app.inject('/api/health/ready');
  expect(response.statusCode).toBe(200);
  expect(response.json()).toEqual({ ready: true, database: 'ok', pendingMigrations: [], draining: false });
});

it('is not ready while a migration this version needs is missing, and ready once it is applied', async () => {
  const { rows } = await sql<{
    name: string;
    timestamp: string;
  }>`select name, timestamp from kysely_migration order by name desc limit 1`.execute(t.db);
  const last = rows[0]!;
  await sql`delete from kysely_migration where name = ${last.name}`.execute(t.db);
  try {
    const response = await t.app.inject('/api/health/ready');
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ ready: false, database: 'ok', pendingMigrations: [last.name] });
  } finally {
    await sql`insert into kysely_migration (name, timestamp) values (${last.name}, ${last.timestamp})`.execute(t.db);
  }
  expect((await t.app.inject('/api/health/ready')).statusCode).toBe(200);
});

describe.runIf(TEST_DB_KIND === 'postgres')('several processes starting at once', () => {
  it('apply each migration once, under the advisory lock, and all find the database current', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!;
    const name = `${TEST_DB_PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const handles = await Promise.all([1, 2, 3].map(() => openDatabase({ url: databaseUrl(adminUrl, name) })));
    try {
      const results = await Promise.all(handles.map((handle) => migrateToLatest(handle.db)));
      const applied = results.map((result) => (result ?? []).filter((r) => r.status === 'Success').length);
      // One process applied them all; the others waited for the lock and found nothing to do.
      expect(applied.filter((count) => count > 0)).toHaveLength(1);
      expect(applied.reduce((a, b) => a + b)).toBe((await pendingMigrationsOfEmpty()).length);
      for (const handle of handles) expect(await pendingMigrations(handle.db)).toEqual([]);
    } finally {
      for (const handle of handles) await handle.close();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

/** Every migration the code knows (all are pending on an empty database). */
async function pendingMigrationsOfEmpty(): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(t.db);
  return rows.map((row) => row.name);
}
