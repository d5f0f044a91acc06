import { mkdir, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/src/db/index.js';
import { TEST_DB_KIND, freshDatabase } from '../helpers/database.js';
import { countTurns } from '../helpers/turns.js';

/** Counts the turns of this thread's event loop until `work` settles. */
async function turnsDuring(work: Promise<unknown>): Promise<number> {
  const counter = countTurns();
  try {
    await work;
  } finally {
    counter.stop();
  }
  return counter.turns();
}

describe.runIf(TEST_DB_KIND === 'embedded')('the embedded database on its own thread', () => {
  it("keeps the server's event loop turning while a statement runs", async () => {
    const handle = await freshDatabase();
    // Long enough for many turns, should the statement leave the loop free.
    const statement = sql`select count(*) from generate_series(1, 3000000)`.execute(handle.db);
    // On the server's thread, PGlite would run the statement to its end within one turn.
    expect(await turnsDuring(statement)).toBeGreaterThan(20);
  });

  it('keeps SQLSTATE codes and details on errors that cross threads', async () => {
    const handle = await freshDatabase();
    const failure = await sql`select 1 / 0`.execute(handle.db).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ code: '22012', message: 'division by zero' });
  });

  it('answers statements in order through a transaction and rolls back what failed', async () => {
    const handle = await freshDatabase();
    await sql`create temporary table tally (n int primary key)`.execute(handle.db);
    const failed = handle.db
      .transaction()
      .execute(async (trx) => {
        await sql`insert into tally values (1)`.execute(trx);
        await sql`insert into tally values (1)`.execute(trx);
      })
      .catch((error: unknown) => error);
    // Runs while the transaction holds the connection: it must wait, not see the first insert.
    const outside = sql<{ n: number }>`select count(*)::int as n from tally`.execute(handle.db);
    expect(await failed).toMatchObject({ code: '23505' });
    expect((await outside).rows[0]!.n).toBe(0);
  });

  it('fails every later query with a clear error once closed', async () => {
    const handle = await freshDatabase({ dedicated: true });
    await handle.close();
    await expect(sql`select 1`.execute(handle.db)).rejects.toThrow(/closed/);
  });

  it('opens a data directory reached through a symbolic link', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'vicinity-link-'));
    try {
      await mkdir(path.join(root, 'real'));
      await symlink(path.join(root, 'real'), path.join(root, 'link'));
      const handle = await openDatabase({ dataDir: path.join(root, 'link') });
      try {
        expect((await sql<{ one: number }>`select 1 as one`.execute(handle.db)).rows).toEqual([{ one: 1 }]);
      } finally {
        await handle.close();
      }
      expect((await stat(path.join(root, 'real', 'PG_VERSION'))).isFile()).toBe(true);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
