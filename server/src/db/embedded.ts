/**
 * Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) with the PostGIS extension,
 * running on a thread of the Node process (embedded-thread.ts). Kysely talks to it through a
 * driver that hands out one connection at a time, so a transaction never interleaves with
 * another query.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { EmbeddedThread } from './embedded-thread.js';
import { embeddedListener, type DatabaseListener } from './listener.js';
import type { Database } from './schema.js';

export type EmbeddedSource =
  /** A directory on disk, created on first use and reused afterwards. */
  | { dataDir: string }
  /** A new directory on disk, filled from a tarball made by `snapshot()` (a restore). */
  | { dataDir: string; snapshot: Blob }
  /** A tarball made by `snapshot()`, loaded into memory (used by the tests). */
  | { snapshot: Blob }
  /** A fresh in-memory database. */
  | { memory: true };

class EmbeddedConnection implements DatabaseConnection {
  constructor(readonly thread: EmbeddedThread) {}

  async executeQuery<Row>(query: CompiledQuery): Promise<QueryResult<Row>> {
    const reply = await this.thread.request({ op: 'query', sql: query.sql, parameters: query.parameters });
    if (!('rows' in reply)) throw new Error('The embedded database answered a query without rows.');
    const rows = reply.rows as Row[];
    return reply.affectedRows ? { rows, numAffectedRows: BigInt(reply.affectedRows) } : { rows };
  }

  // eslint-disable-next-line require-yield -- the interface asks for a generator; nothing here streams.
  async *streamQuery<Row>(): AsyncIterableIterator<QueryResult<Row>> {
    throw new Error('Streaming queries are not available on the embedded database.');
  }
}

/** One connection, lent to one holder at a time; the others wait in line. */
class EmbeddedDriver implements Driver {
  readonly #connection: EmbeddedConnection;
  #lent = false;
  readonly #line: Array<() => void> = [];

  constructor(thread: EmbeddedThread) {
    this.#connection = new EmbeddedConnection(thread);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    if (this.#lent) await new Promise<void>((resolve) => this.#line.push(resolve));
    this.#lent = true;
    return this.#connection;
  }

  async releaseConnection(): Promise<void> {
    this.#lent = false;
    this.#line.shift()?.();
  }

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const modes = [settings.isolationLevel && `isolation level ${settings.isolationLevel}`, settings.accessMode];
    await connection.executeQuery(CompiledQuery.raw(['start transaction', ...modes.filter(Boolean)].join(' ')));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.#connection.thread.close();
  }
}

class EmbeddedDialect implements Dialect {
  constructor(readonly thread: EmbeddedThread) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = () => new EmbeddedDriver(this.thread);
  createQueryCompiler = () => new PostgresQueryCompiler();
  createIntrospector = (db: Kysely<unknown>) => new PostgresIntrospector(db);
}

export async function openEmbedded(source: EmbeddedSource): Promise<{
  db: Kysely<Database>;
  listener: DatabaseListener;
  snapshot: () => Promise<Blob>;
  close: () => Promise<void>;
}> {
  const thread = await EmbeddedThread.start(
    'snapshot' in source ? { ...source, snapshot: await source.snapshot.arrayBuffer() } : source,
  );
  const db = new Kysely<Database>({ dialect: new EmbeddedDialect(thread) });
  const snapshot = async () => {
    const reply = await thread.request({ op: 'snapshot' });
    if (!('snapshot' in reply)) throw new Error('The embedded database answered a snapshot without one.');
    return new Blob([reply.snapshot]);
  };
  // Kysely destroys only a driver that has run a query, so the thread is closed here too.
  const close = async () => {
    await db.destroy();
    await thread.close();
  };
  const listener = embeddedListener(
    async (channel) => {
      await thread.request({ op: 'listen', channel });
    },
    (deliver) => thread.onNotification(deliver),
  );
  return { db, listener, snapshot, close };
}
