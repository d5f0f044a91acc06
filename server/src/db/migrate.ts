/**
 * Migrations are the numbered files in /migrations, applied in name order by Kysely's Migrator.
 * They are append-only: a migration that has landed is never edited.
 *
 * Several processes may start at once against one database (a rolling deploy): Kysely's Migrator
 * takes a session-level PostgreSQL advisory lock (`pg_advisory_lock`) around the whole run, so one
 * process applies the pending migrations while the others wait, then find nothing left to do.
 * Changes that processes still running the previous version would trip on are made in two steps
 * (expand, then contract): docs/deployment.md.
 */
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations/', import.meta.url));

class DirectoryMigrationProvider implements MigrationProvider {
  constructor(private readonly dir: string) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(this.dir)).filter((file) => /^\d{4}_[\w-]+\.ts$/.test(file)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      const module = (await import(pathToFileURL(path.join(this.dir, file)).href)) as Migration;
      migrations[file.replace(/\.ts$/, '')] = module;
    }
    return migrations;
  }
}

class MigrationError extends Error {}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet['results']> {
  // Numbers are handed out in ranges, so a migration may land after one with a higher number that a
  // database has already applied; it is applied then, in its turn among those still pending.
  const migrator = new Migrator({
    db,
    provider: new DirectoryMigrationProvider(MIGRATIONS_DIR),
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error');
    const reason = error instanceof Error ? error.message : String(error);
    throw new MigrationError(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return results;
}

/** The migrations this code knows, by name, read once: the files as they were when the process started. */
let known: Promise<string[]> | undefined;
function knownMigrations(): Promise<string[]> {
  known ??= readdir(MIGRATIONS_DIR).then((files) =>
    files
      .filter((file) => /^\d{4}_[\w-]+\.ts$/.test(file))
      .map((file) => file.replace(/\.ts$/, ''))
      .sort(),
  );
  return known;
}

/**
 * The migrations this code knows that the database has not applied. Migrations the database has
 * and this code does not know (a newer version applied them) are fine: they only expand.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function pendingMigrations(db: Kysely<any>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((row) => row.name));
  return (await knownMigrations()).filter((name) => !applied.has(name));
}
