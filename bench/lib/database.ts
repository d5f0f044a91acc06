/** Making the benchmark's PostgreSQL database: migrated, seeded, vacuumed and written out. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { openDatabase } from '../../server/src/db/index.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { hashPassword } from '../../server/src/modules/accounts/password.js';
import { SEED_VERSION, seedContent, seedCore, type Scale } from './seed.js';

/** The same server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A new, empty, migrated database `name` on the server at `adminUrl` (one left by an earlier run
 * is dropped first); answers its URL. For measures that write their own data.
 */
export async function freshMigratedDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const handle = await openDatabase({ url });
  try {
    await migrateToLatest(handle.db);
  } finally {
    await handle.close();
  }
  return url;
}

/** The server writes out what is dirty (a checkpoint) and the kernel flushes it to disk. */
export async function writeOut(query: (text: string) => Promise<unknown>): Promise<void> {
  await query('checkpoint');
  await promisify(execFile)('sync');
}

/** Whether a database's bench_meta row says the current seed wrote it at this scale. */
export function isSeededBy(meta: { scale?: string; seed_version?: number } | undefined, scale: Scale): boolean {
  return meta?.scale === scale.name && meta.seed_version === SEED_VERSION;
}

/**
 * Migrates and seeds the (new, empty) database at `url`, and records the seed in bench_meta.
 * `withoutTextSearch`: drop the text-search indexes (GIN) first, for a copy that measures no
 * search: indexing the posts' words takes most of the seeding (about 2.5 ms a post).
 */
export async function seedDatabase(
  url: string,
  scale: Scale,
  log: (line: string) => void,
  { withoutTextSearch = false } = {},
): Promise<void> {
  const handle = await openDatabase({ url });
  await migrateToLatest(handle.db);
  await handle.close();
  if (withoutTextSearch) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `select quote_ident(indexname) as name from pg_indexes where schemaname = 'public' and indexdef ilike '% using gin %'`,
    );
    for (const { name } of rows) await client.query(`drop index ${name}`);
    await client.end();
  }

  log(`Seeding ${new URL(url).pathname.slice(1)}:`);
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Triggers (the map's count pyramid, the nearby index) are switched off for the bulk load;
  // both are then filled once at the end, as their migrations do.
  await client.query(`set session_replication_role = replica`);
  await seedCore(client, scale, await hashPassword('benchmark password'), log);
  await seedContent(client, scale, log);
  await client.query(`reset session_replication_role`);
  const counted = Date.now();
  await client.query('select map_cells_rebuild()');
  await client.query('select nearby_items_rebuild()');
  log(`  map count pyramid and nearby index (${((Date.now() - counted) / 1000).toFixed(1)} s)`);
  // As a database that has been serving a while: VACUUM sets the hint bits and visibility map
  // that first reads would otherwise write, and the checkpoint and sync write out the load now.
  // Without them a run straight after seeding measured those writes instead of the server
  // (docs/performance.md, "How the benchmark measures").
  await client.query('vacuum analyze');
  await writeOut((text) => client.query(text));
  await client.query('create table bench_meta (scale text, seed_version int)');
  await client.query('insert into bench_meta values ($1, $2)', [scale.name, SEED_VERSION]);
  await client.end();
  log(`Seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
