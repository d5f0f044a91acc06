/**
 * Backups of the embedded database (`npm run backup`, `npm run restore`).
 *
 * A backup is PGlite's data directory as a gzipped tarball, taken after a CHECKPOINT while the
 * one connection is held, so no transaction is half done in it: a consistent copy. The database
 * belongs to one process at a time, so when the server runs it writes the copy itself: the backup
 * command leaves the destination in DATA_DIR/backup-request and sends the server SIGUSR2 (the
 * server's process id is in DATA_DIR/server.pid). When no server runs, the command opens the
 * database and writes the copy. A restore needs the server stopped; it moves the current data
 * directory aside and unpacks the copy into a new one.
 *
 * On a PostgreSQL server use PostgreSQL's own tools instead (pg_dump, or base backups with WAL
 * archiving for point-in-time recovery): docs/deployment.md.
 */
import { existsSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { sql } from 'kysely';
import type { DatabaseHandle } from './index.js';

const PID_FILE = 'server.pid';
const REQUEST_FILE = 'backup-request';

/** Writes a consistent copy of an open embedded database to `file` (atomically: whole or not at all). */
export async function writeEmbeddedBackup(handle: DatabaseHandle, file: string): Promise<number> {
  if (!handle.snapshot) throw new Error('Only the embedded database is backed up this way; use pg_dump on a server.');
  const snapshot = handle.snapshot;
  // Holding the one connection: no transaction is open while the files are copied.
  const tarball = await handle.db.connection().execute(async (connection) => {
    await sql`checkpoint`.execute(connection);
    return snapshot();
  });
  const compressed = await promisify(gzip)(Buffer.from(await tarball.arrayBuffer()));
  const partial = `${file}.partial`;
  await writeFile(partial, compressed);
  await rename(partial, file);
  return compressed.length;
}

/** The tarball inside a backup file, for opening the database from it. */
export async function readEmbeddedBackup(file: string): Promise<Blob> {
  return new Blob([await promisify(gunzip)(await readFile(file))]);
}

/** The process id of the server that has this DATA_DIR open, or null when none runs. */
export async function runningServer(dataDir: string): Promise<number | null> {
  const file = path.join(dataDir, PID_FILE);
  if (!existsSync(file)) return null;
  const pid = Number((await readFile(file, 'utf8')).trim());
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

/**
 * For the server on the embedded database: records its process id, and writes a backup when
 * SIGUSR2 asks for one. Returns what to call when it stops.
 */
export async function serveBackupRequests(
  dataDir: string,
  handle: DatabaseHandle,
  log: (message: string) => void,
): Promise<() => Promise<void>> {
  await writeFile(path.join(dataDir, PID_FILE), `${process.pid}\n`);
  const onSignal = () => {
    void (async () => {
      const requestFile = path.join(dataDir, REQUEST_FILE);
      try {
        const destination = (await readFile(requestFile, 'utf8')).trim();
        await rm(requestFile, { force: true });
        const bytes = await writeEmbeddedBackup(handle, destination);
        log(`Wrote a backup of the database to ${destination} (${bytes} bytes).`);
      } catch (error) {
        log(`Could not write the requested backup: ${(error as Error).message}`);
      }
    })();
  };
  process.on('SIGUSR2', onSignal);
  return async () => {
    process.off('SIGUSR2', onSignal);
    await rm(path.join(dataDir, PID_FILE), { force: true });
  };
}

/** Asks the running server for a backup to `file` and waits for it to be written. */
export async function requestBackup(dataDir: string, pid: number, file: string, timeoutMs = 300_000): Promise<void> {
  await rm(file, { force: true });
  await writeFile(path.join(dataDir, REQUEST_FILE), file);
  process.kill(pid, 'SIGUSR2');
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`the server did not write the backup within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
