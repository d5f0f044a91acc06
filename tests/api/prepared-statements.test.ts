/**
 * On a PostgreSQL server each pooled connection prepares the statements it runs more than once
 * (db/prepared-statements.ts): a statement run again is not parsed again, one run once is not
 * kept, at most 100 are kept per connection, statements without values still go as simple
 * queries, every call is planned for its own values, and a statement whose table changed shape
 * under it answers again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../server/src/db/index.js';
import { freshDatabase, TEST_DB_KIND } from '../helpers/database.js';

describe.runIf(TEST_DB_KIND === 'postgres')('prepared statements on a PostgreSQL server', () => {
  let database: DatabaseHandle;
  // One connection, so every statement below runs in the session whose prepared ones are read.
  beforeAll(async () => {
    database = await freshDatabase({ poolSize: 1 });
  });
  afterAll(async () => {
    await database?.close();
  });

  const preparedTexts = async () =>
    (await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(database.db)).rows.map(
      (row) => row.statement,
    );

  it('prepares a statement with values once it runs again, and runs it by name after', async () => {
    await sql`select ${'once'}::text as y`.execute(database.db);
    for (const value of [1, 2, 3]) {
      const { rows } = await sql<{ x: number }>`select ${value}::int + 1 as x`.execute(database.db);
      expect(rows).toEqual([{ x: value + 1 }]);
    }
    const texts = await preparedTexts();
    expect(texts.filter((text) => text === 'select $1::int + 1 as x')).toHaveLength(1);
    expect(texts).not.toContain('select $1::text as y');
  });

  it('sends a text without values as a simple query, several statements and all', async () => {
    await sql
      .raw('create temporary table two_statements (n int); insert into two_statements values (7)')
      .execute(database.db);
    const { rows } = await sql<{ n: number }>`select n from two_statements`.execute(database.db);
    expect(rows).toEqual([{ n: 7 }]);
    expect((await preparedTexts()).some((text) => text.includes('two_statements values'))).toBe(false);
  });

  it('answers again after a migration changed a table under a prepared statement', async () => {
    await sql`create table reshaped (id int primary key, name text)`.execute(database.db);
    await sql`insert into reshaped values (1, 'first')`.execute(database.db);
    const read = () => sql<Record<string, unknown>>`select * from reshaped where id = ${1}`.execute(database.db);
    await read();
    await read();
    expect(await preparedTexts()).toContain('select * from reshaped where id = $1');
    await sql`alter table reshaped add column seats int not null default 10`.execute(database.db);
    expect((await read()).rows).toEqual([{ id: 1, name: 'first', seats: 10 }]);
  });

  it('fails the transaction that meets such a statement, and sends it anew in the next', async () => {
    const readInTransaction = () =>
      database.db.transaction().execute(async (trx) => {
        const { rows } = await sql<Record<string, unknown>>`select * from reshaped where id = ${1} and true`.execute(
          trx,
        );
        return rows;
      });
    await readInTransaction();
    await readInTransaction();
    await sql`alter table reshaped add column kind text not null default 'cafe'`.execute(database.db);
    await expect(readInTransaction()).rejects.toThrow('cached plan must not change result type');
    expect(await readInTransaction()).toEqual([{ id: 1, name: 'first', seats: 10, kind: 'cafe' }]);
  });

  it('keeps at most 100 per connection and still answers the statements beyond', async () => {
    for (let columns = 1; columns <= 130; columns++) {
      const values = Array.from({ length: columns }, (_, index) => sql`${index}::int`);
      for (let run = 0; run < 2; run++) {
        const { rows } = await sql<Record<string, number>>`select ${sql.join(values, sql`+`)} as total`.execute(
          database.db,
        );
        expect(Number(rows[0]!.total)).toBe((columns * (columns - 1)) / 2);
      }
    }
    expect((await preparedTexts()).length).toBe(100);
  });

  it('plans each call for its own values', async () => {
    const { rows } = await sql<{ plan_cache_mode: string }>`show plan_cache_mode`.execute(database.db);
    expect(rows[0]!.plan_cache_mode).toBe('force_custom_plan');
  });
});
