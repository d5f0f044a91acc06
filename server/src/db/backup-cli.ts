/**
 * `npm run backup [-- FILE]`: a consistent copy of the embedded database in DATA_DIR, whether the
 * server runs or not (backup.ts). Default FILE: vicinity-backup-<time>.tar.gz here.
 */
import path from 'node:path';
import { loadConfig } from '../config/index.js';
import { requestBackup, runningServer, writeEmbeddedBackup } from './backup.js';
import { databaseTarget, openDatabase } from './index.js';

const config = loadConfig();
if (config.databaseUrl) {
  console.error(
    'DATABASE_URL is set: back up a PostgreSQL server with pg_dump or base backups (docs/deployment.md#backups).',
  );
  process.exit(1);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = path.resolve(process.argv[2] ?? `vicinity-backup-${stamp}.tar.gz`);
try {
  const pid = await runningServer(config.dataDir);
  if (pid !== null) {
    console.log(`The server (process ${pid}) is running: asking it for a consistent copy…`);
    await requestBackup(config.dataDir, pid, file);
  } else {
    const handle = await openDatabase(databaseTarget(config));
    try {
      await writeEmbeddedBackup(handle, file);
    } finally {
      await handle.close();
    }
  }
  console.log(`Backup written to ${file}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
