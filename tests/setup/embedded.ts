/**
 * Global setup for the embedded-database run: build one migrated PGlite + PostGIS snapshot
 * (cached by the migrations' content) that every test file loads into its own fresh database.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/src/db/index.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { migrationsHash } from './migrations-hash.js';

export default async function setup(project: TestProject) {
  const dir = path.resolve('.cache/test-db');
  const file = path.join(dir, `embedded-${migrationsHash()}.tar`);
  if (!existsSync(file)) {
    await mkdir(dir, { recursive: true });
    const handle = await openDatabase({ memory: true });
    await migrateToLatest(handle.db);
    const snapshot = await handle.snapshot!();
    await handle.close();
    await writeFile(`${file}.tmp`, Buffer.from(await snapshot.arrayBuffer()));
    await rename(`${file}.tmp`, file);
  }
  project.provide('embeddedSnapshot', file);
}
