/**
 * `npm run restore -- FILE`: replaces the embedded database in DATA_DIR with a backup made by
 * `npm run backup`. The server must be stopped; the current data directory is kept beside the
 * new one (pgdata.before-restore-<time>) until you delete it.
 */
import { existsSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { readEmbeddedBackup, runningServer } from './backup.js';
import { openDatabase } from './index.js';
import { pendingMigrations } from './migrate.js';

const config = loadConfig();
const file = process.argv[2];
if (config.databaseUrl || !file) {
  console.error(
    config.databaseUrl
      ? 'DATABASE_URL is set: restore a PostgreSQL server with pg_restore or from a base backup (docs/deployment.md#backups).'
      : 'Usage: npm run restore -- FILE (a backup made by npm run backup)',
  );
  process.exit(1);
}
try {
  const pid = await runningServer(config.dataDir);
  if (pid !== null) throw new Error(`the server (process ${pid}) is running on ${config.dataDir}: stop it first`);
  const snapshot = await readEmbeddedBackup(path.resolve(file));
  const dataDir = path.join(config.dataDir, 'pgdata');
  let keptAt: string | null = null;
  if (existsSync(dataDir)) {
    keptAt = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await rename(dataDir, keptAt);
  }
  const handle = await openDatabase({ dataDir, snapshot });
  try {
    const pending = await pendingMigrations(handle.db);
    console.log(
      `Restored ${file} into ${dataDir}` +
        (pending.length ? ` (${pending.length} migration(s) will be applied when the server starts)` : ''),
    );
  } finally {
    await handle.close();
  }
  if (keptAt) console.log(`The database it replaced is kept in ${keptAt}.`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
