/**
 * A Kysely instance that talks to no database: it records the SQL of every query it is asked to
 * run and answers each with no rows. The SQL listing is made with it.
 */
import {
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
} from 'kysely';
import type { Database } from '../../src/db/schema.js';

export interface Capture {
  db: Kysely<Database>;
  /** The SQL run since the last call, in order; the list is emptied. */
  take(): string[];
}

export function captureDatabase(): Capture {
  let captured: string[] = [];
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      captured.push(query.sql);
      return { rows: [] };
    },
    // eslint-disable-next-line require-yield -- streams nothing
    async *streamQuery() {
      throw new Error('streaming is not captured');
    },
  };
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => {},
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (kysely) => new PostgresIntrospector(kysely),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  return {
    db,
    take() {
      const taken = captured;
      captured = [];
      return taken;
    },
  };
}
