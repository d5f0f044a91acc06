/** `npm run migrate`: apply pending migrations to the configured database and exit. */
import { loadConfig } from '../config/index.js';
import { databaseTarget, openDatabase } from './index.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
const handle = await openDatabase(databaseTarget(config));
try {
  const results = await migrateToLatest(handle.db);
  for (const result of results ?? []) console.log(`${result.status.toLowerCase()}: ${result.migrationName}`);
  console.log(
    results?.length ? `applied ${results.length} migration(s) to the ${handle.kind} database` : 'already up to date',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
