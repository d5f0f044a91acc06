/**
 * Global setup for the real PostGIS run: migrate a template database once; every test file
 * then gets its own copy (CREATE DATABASE … TEMPLATE), so files never see each other's rows.
 */
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/src/db/index.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { migrationsHash } from './migrations-hash.js';

export const TEST_DB_PREFIX = 'vicinity_test_';

export function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Process ids that are still running; databases of other live test runs are left alone. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Templates older than this may be dropped; a younger one may belong to a run still going. */
const TEMPLATE_KEEP_MS = 6 * 60 * 60 * 1000;

/**
 * Per-file databases of test processes that died without cleaning up, and templates of other
 * migrations once they are old (each template's comment holds when it was made): several runs of
 * different checkouts may share the server. A template another run is copying at this moment
 * cannot be dropped (no FORCE); it is simply left for a later run.
 */
async function dropLeftovers(admin: pg.Client, currentTemplate: string): Promise<void> {
  const { rows } = await admin.query<{ datname: string; made: string | null }>(
    `select datname, shobj_description(oid, 'pg_database') as made from pg_database where datname like $1`,
    [`${TEST_DB_PREFIX}%`],
  );
  for (const { datname, made } of rows) {
    const perFile = /^vicinity_test_(\d+)_[0-9a-f]+$/.exec(datname);
    if (perFile && !isAlive(Number(perFile[1]))) {
      await admin.query(`drop database if exists "${datname}" with (force)`);
    } else if (
      datname.startsWith(`${TEST_DB_PREFIX}template_`) &&
      datname !== currentTemplate &&
      Date.now() - Number(made ?? 0) > TEMPLATE_KEEP_MS
    ) {
      await admin.query(`drop database if exists "${datname}"`).catch(() => {});
    }
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    throw new Error('TEST_DATABASE_URL is not set: the PostGIS run cannot start (set it, or unset CI to skip it).');
  }
  const template = `${TEST_DB_PREFIX}template_${migrationsHash()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const available = await admin.query(`select 1 from pg_available_extensions where name = 'postgis'`);
    if (available.rowCount === 0) {
      throw new Error(
        'PostGIS is not installed on the TEST_DATABASE_URL server (apt-get install postgresql-15-postgis-3).',
      );
    }
    await dropLeftovers(admin, template);

    const exists = await admin.query(`select 1 from pg_database where datname = $1`, [template]);
    if (exists.rowCount === 0) {
      await admin.query(`create database "${template}"`);
      await admin.query(`comment on database "${template}" is '${Date.now()}'`);
      const handle = await openDatabase({ url: databaseUrl(adminUrl, template) });
      try {
        await migrateToLatest(handle.db);
      } catch (error) {
        await handle.close();
        await admin.query(`drop database if exists "${template}" with (force)`);
        throw error;
      }
      await handle.close();
    }
  } finally {
    await admin.end();
  }
  project.provide('postgresTemplate', { adminUrl, template });
}
