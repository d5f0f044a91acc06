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
import { ReopeningThread } from './embedded-reopen.js';
import { watchFreeSpace } from './free-space.js';
import { embeddedListener, type DatabaseListener } from './listener.js';
import type { Database } from './schema.js';
import { WriteHealth } from './write-health.js';

export type EmbeddedSource =
  /** A directory on disk, created on first use and reused afterwards. */
  | { dataDir: string }
  /** A new directory on disk, filled from a tarball made by `snapshot()` (a restore). */
  | { dataDir: string; snapshot: Blob }
  /** A tarball made by `snapshot()`, loaded into memory (used by the tests). */
  | { snapshot: Blob }
  /** A fresh in-memory database. */
  | { memory: true };

/**
 * While the disk under the database has less room than this, the database is switched to
 * read-only: PGlite's PostgreSQL PANICs when it cannot write the next WAL file, so the server
 * stops writing before that, and reads go on. 0 turns the watch off.
 */
export interface DiskWatch {
  minFreeBytes: number;
}

/** A 53100 (disk full) error, which the errors plugin answers with 507 `storage_full`. */
function storageFull(message: string): Error {
  return Object.assign(new Error(message), { code: '53100' });
}

class EmbeddedConnection implements DatabaseConnection {
  /** The thread's generation when this connection was lent (see ReopeningThread). */
  generation = 0;

  constructor(
    readonly thread: ReopeningThread,
    /** Why the database is read-only now, or null. */
    readonly readOnlyBecause: () => string | null,
  ) {}

  async executeQuery<Row>(query: CompiledQuery): Promise<QueryResult<Row>> {
    let reply;
    try {
      reply = await this.thread.request({ op: 'query', sql: query.sql, parameters: query.parameters }, this.generation);
    } catch (error) {
      // 25006: a write in a read-only transaction, refused because the disk is nearly full.
      const readOnly = this.readOnlyBecause();
      if (readOnly && (error as { code?: string }).code === '25006') throw storageFull(readOnly);
      throw error;
    }
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

  constructor(connection: EmbeddedConnection) {
    this.#connection = connection;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<EmbeddedConnection> {
    if (this.#lent) await new Promise<void>((resolve) => this.#line.push(resolve));
    this.#lent = true;
    this.#connection.generation = this.#connection.thread.generation;
    return this.#connection;
  }

  /** Runs `work` with the connection, when no transaction holds it. */
  async exclusive<T>(work: (connection: EmbeddedConnection) => Promise<T>): Promise<T> {
    const connection = await this.acquireConnection();
    try {
      return await work(connection);
    } finally {
      await this.releaseConnection();
    }
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
  constructor(readonly driver: EmbeddedDriver) {}
  createAdapter = () => new PostgresAdapter();
  createDriver = () => this.driver;
  createQueryCompiler = () => new PostgresQueryCompiler();
  createIntrospector = (db: Kysely<unknown>) => new PostgresIntrospector(db);
}

/** What health says while the database's thread is being opened again. */
const downProblem = (down: Error) => `The database cannot write or read now: ${down.message}`;

const READ_ONLY = ['set default_transaction_read_only = on'];
const READ_WRITE = ['set default_transaction_read_only = off'];

export async function openEmbedded(
  source: EmbeddedSource,
  watch: DiskWatch = { minFreeBytes: 0 },
): Promise<{
  db: Kysely<Database>;
  listener: DatabaseListener;
  writeHealth: WriteHealth;
  snapshot: () => Promise<Blob>;
  close: () => Promise<void>;
}> {
  const writeHealth = new WriteHealth();
  let lowOnSpace: string | null = null;
  const thread = await ReopeningThread.start(
    'snapshot' in source ? { ...source, snapshot: await source.snapshot.arrayBuffer() } : source,
    (down) => writeHealth.set(down ? downProblem(down) : lowOnSpace),
  );
  const driver = new EmbeddedDriver(new EmbeddedConnection(thread, () => lowOnSpace));
  const db = new Kysely<Database>({ dialect: new EmbeddedDialect(driver) });
  const snapshot = async () => {
    const reply = await thread.request({ op: 'snapshot' });
    if (!('snapshot' in reply)) throw new Error('The embedded database answered a snapshot without one.');
    return new Blob([reply.snapshot]);
  };

  let stopWatching = () => {};
  if ('dataDir' in source && watch.minFreeBytes > 0) {
    const megabytes = Math.round(watch.minFreeBytes / 1024 / 1024);
    const watching = watchFreeSpace(source.dataDir, watch.minFreeBytes, async (low) => {
      const problem = low
        ? `The database cannot write: less than ${megabytes} MB is free on its disk (DISK_MIN_FREE_MB). Reading still works.`
        : null;
      // Set between transactions, on the one session every statement shares.
      thread.setSessionSetup(low ? READ_ONLY : READ_WRITE);
      if (!thread.down) {
        await driver.exclusive((connection) =>
          connection.executeQuery(CompiledQuery.raw((low ? READ_ONLY : READ_WRITE)[0]!)),
        );
      }
      lowOnSpace = problem;
      writeHealth.set(thread.down ? downProblem(thread.down) : problem);
    });
    stopWatching = watching.stop;
    await watching.ready;
  }

  // Kysely destroys only a driver that has run a query, so the thread is closed here too.
  const close = async () => {
    stopWatching();
    await db.destroy();
    await thread.close();
  };
  const listener = embeddedListener(
    (channel) => thread.listen(channel),
    (deliver) => thread.onNotification(deliver),
  );
  return { db, listener, writeHealth, snapshot, close };
}
