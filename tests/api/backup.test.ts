/**
 * `npm run backup` and `npm run restore` on the embedded database, end to end: a copy taken from a
 * running server (this test process plays it: the command signals it) and one taken with no server
 * running, restored by the command into DATA_DIR, with what was written after the copy gone.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { serveBackupRequests } from '../../server/src/db/backup.js';
import { openDatabase, type DatabaseHandle } from '../../server/src/db/index.js';
import { TEST_DB_KIND } from '../helpers/database.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

async function run(script: string, args: string[], dataDir: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  try {
    const { stdout } = await promisify(execFile)(TSX, [`server/src/db/${script}`, ...args], { cwd: ROOT, env });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

const names = async (handle: DatabaseHandle) =>
  (await handle.db.selectFrom('users').select('display_name').orderBy('id').execute()).map((row) => row.display_name);

const addUser = (handle: DatabaseHandle, name: string) =>
  handle.db
    .insertInto('users')
    .values({ email: `${name}@example.org`, password_hash: 'x', display_name: name })
    .execute();

describe.runIf(TEST_DB_KIND === 'embedded')('backups of the embedded database', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vicinity-backup-'));
  const pgdata = path.join(dataDir, 'pgdata');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('copies a running server consistently and restores the copy', { timeout: 120_000 }, async () => {
    const snapshot = new Blob([await readFile(inject('embeddedSnapshot'))]);
    let handle = await openDatabase({ dataDir: pgdata, snapshot });
    await addUser(handle, 'Before');
    const stop = await serveBackupRequests(dataDir, handle, () => {});
    // Writes keep coming while the copy is taken; each is in it whole or not at all.
    let writing = true;
    const writes = (async () => {
      for (let i = 0; writing; i++) {
        await handle.db.transaction().execute(async (trx) => {
          await trx
            .insertInto('users')
            .values({ email: `during${i}@example.org`, password_hash: 'x', display_name: `During ${i}` })
            .execute();
          await sql`select pg_sleep(0.01)`.execute(trx);
          await trx.updateTable('users').set({ bio: 'done' }).where('email', '=', `during${i}@example.org`).execute();
        });
      }
    })();
    const live = path.join(dataDir, 'live.tar.gz');
    const backup = await run('backup-cli.ts', [live], dataDir);
    writing = false;
    await writes;
    expect(backup.output).toContain('is running: asking it for a consistent copy');
    expect(backup.code, backup.output).toBe(0);
    expect(existsSync(live)).toBe(true);

    await addUser(handle, 'After');
    await stop();
    await handle.close();

    const restore = await run('restore-cli.ts', [live], dataDir);
    expect(restore.code, restore.output).toBe(0);
    expect(readdirSync(dataDir).some((name) => name.startsWith('pgdata.before-restore-'))).toBe(true);
    handle = await openDatabase({ dataDir: pgdata });
    try {
      const restored = await names(handle);
      expect(restored).toContain('Before');
      expect(restored).not.toContain('After');
      // No half-done transaction: every copied row written during the copy has its second step.
      const { rows } = await sql<{ half: number }>`
        select count(*)::int as half from users where display_name like 'During %' and bio is distinct from 'done'`.execute(
        handle.db,
      );
      expect(rows[0]!.half).toBe(0);
    } finally {
      await handle.close();
    }
  });

  it('copies a stopped database too, and refuses to restore under a running server', { timeout: 120_000 }, async () => {
    const cold = path.join(dataDir, 'cold.tar.gz');
    const backup = await run('backup-cli.ts', [cold], dataDir);
    expect(backup.code, backup.output).toBe(0);
    expect(backup.output).not.toContain('is running');
    const handle = await openDatabase({ dataDir: pgdata });
    const stop = await serveBackupRequests(dataDir, handle, () => {});
    try {
      const refused = await run('restore-cli.ts', [cold], dataDir);
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain('stop it first');
    } finally {
      await stop();
      await handle.close();
    }
  });
});
