/**
 * Read replicas: streaming replicas of the primary (PostgreSQL's own physical replication) that
 * answer the reads of routes which tolerate a little lag, so that the primary keeps its work for
 * writes and transactions. Features do not know about them: they use `app.db` as always, and this
 * module decides per connection where a query goes.
 *
 * - A request of a lag-tolerant route runs inside a read context (`readingFromReplicas`); only
 *   then may its queries go to a replica. Everything else, and every transaction (a connection
 *   whose first statement is `begin`), goes to the primary.
 * - Read-your-writes: after a write, the person's client is given the primary's WAL position
 *   (`pg_current_wal_lsn()`); while it sends it back, a replica is used only if it has replayed
 *   past that position (`pg_last_wal_replay_lsn()`), never after a guessed delay.
 * - Each replica is checked every second: one that does not answer, is not in recovery, or lags
 *   more than REPLICA_MAX_LAG_MS is skipped until a check finds it well again. A query that fails
 *   on a replica because the replica went away (or refused as read-only) runs again on the primary.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';
import { openPostgres } from './postgres.js';
import type { Database } from './schema.js';
import { currentWalLsn, replayState } from './wal-queries.js';

/** Where a request's reads may go: present means "a replica will do, if it has replayed `minLsn`". */
export interface ReadContext {
  minLsn: bigint | null;
}

const readContext = new AsyncLocalStorage<ReadContext>();

/** Runs `work` (and everything it starts) with reads allowed on a replica. */
export function readingFromReplicas<T>(context: ReadContext, work: () => T): T {
  return readContext.run(context, work);
}

/** The read context of the code running now; undefined means "primary only". */
export function currentReadContext(): ReadContext | undefined {
  return readContext.getStore();
}

/** Runs `work` under the context that satisfies all of them (for work shared by several requests). */
export function withMergedReadContext<T>(contexts: Array<ReadContext | undefined>, work: () => T): T {
  let merged: ReadContext | undefined = { minLsn: null };
  for (const context of contexts) {
    if (!context) {
      merged = undefined;
      break;
    }
    if (context.minLsn !== null && (merged.minLsn === null || context.minLsn > merged.minLsn)) {
      merged = { minLsn: context.minLsn };
    }
  }
  return merged ? readContext.run(merged, work) : readContext.exit(work);
}

/** `16/B374D848` → a number that orders like the position. Null for anything else. */
export function parseLsn(text: string | undefined | null): bigint | null {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? '');
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : null;
}

const WAL_PAGE = 8192n;
/** The longest header a WAL page starts with (a segment's first page). */
const WAL_PAGE_HEADER = 40n;

/**
 * Whether a replica has replayed all the primary has written. An idle primary's insert position
 * can sit just past the header of a new WAL page, which no record will reach until the next
 * write: that counts as caught up too.
 */
export function caughtUp(replayLsn: bigint, primaryLsn: bigint): boolean {
  return (
    replayLsn >= primaryLsn || (primaryLsn - replayLsn <= WAL_PAGE_HEADER && primaryLsn % WAL_PAGE <= WAL_PAGE_HEADER)
  );
}

export interface ReplicaStatus {
  /** host:port/database, without credentials. */
  name: string;
  /** Whether reads go to it now. */
  usable: boolean;
  /** Replay lag in milliseconds (0 when it has replayed all the primary has written); null when unknown. */
  lagMs: number | null;
  /** Why it is skipped, when it is. */
  problem: string | null;
}

interface Replica {
  name: string;
  db: Kysely<Database>;
  pool: PostgresPool;
  close: () => Promise<void>;
  usable: boolean;
  lagMs: number | null;
  replayLsn: bigint | null;
  problem: string | null;
}

function nameOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}

/** Errors that mean "this replica cannot answer now", after which the primary answers instead. */
function isReplicaTrouble(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  const message = (error as Error).message ?? '';
  return (
    code.startsWith('08') || // connection exceptions
    code === '57P01' || // admin shutdown
    code === '57P02' || // crash shutdown
    code === '57P03' || // cannot connect now (starting up, shutting down)
    code === '25006' || // read-only transaction: a route read-listed by mistake writes
    ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND'].includes(code) ||
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
      message,
    )
  );
}

const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export class Replicas {
  readonly #replicas: Replica[];
  readonly #primaryDb: Kysely<Database>;
  readonly #primaryPool: PostgresPool;
  readonly #maxLagMs: number;
  #next = 0;
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<void> | null = null;
  /** The Kysely that features use: routes each connection to a replica or the primary. */
  readonly db: Kysely<Database>;

  constructor(options: {
    primaryDb: Kysely<Database>;
    primaryPool: PostgresPool;
    urls: string[];
    maxLagMs: number;
    poolSize?: number;
  }) {
    this.#primaryDb = options.primaryDb;
    this.#primaryPool = options.primaryPool;
    this.#maxLagMs = options.maxLagMs;
    this.#replicas = options.urls.map((url) => {
      const { db, queryPool } = openPostgres(url, options.poolSize);
      return {
        name: nameOf(url),
        db,
        pool: queryPool,
        close: () => db.destroy(),
        // Unused until the first check has found it well.
        usable: false,
        lagMs: null,
        replayLsn: null,
        problem: 'not checked yet',
      };
    });
    this.db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: this.#routingPool() }) });
  }

  /** Checks every replica now and then every `everyMs`. */
  async start(everyMs = 1000): Promise<void> {
    await this.check();
    this.#timer = setInterval(() => void this.check(), everyMs);
    this.#timer.unref();
  }

  status(): ReplicaStatus[] {
    return this.#replicas.map(({ name, usable, lagMs, problem }) => ({ name, usable, lagMs, problem }));
  }

  /** The primary's WAL position now, as text (`16/B374D848`). */
  currentLsn(): Promise<string> {
    return currentWalLsn(this.#primaryDb);
  }

  /** Measures each replica's lag against the primary's position now. */
  check(): Promise<void> {
    this.#checking ??= (async () => {
      let primaryLsn: bigint | null = null;
      try {
        primaryLsn = parseLsn(await within(currentWalLsn(this.#primaryDb), CHECK_TIMEOUT_MS));
      } catch {
        // Without the primary's position a lag cannot be told; the replicas' own clocks still can.
      }
      await Promise.all(this.#replicas.map((replica) => this.#checkOne(replica, primaryLsn)));
    })().finally(() => {
      this.#checking = null;
    });
    return this.#checking;
  }

  async #checkOne(replica: Replica, primaryLsn: bigint | null): Promise<void> {
    try {
      const state = await within(replayState(replica.db), CHECK_TIMEOUT_MS);
      if (!state.inRecovery) throw new Error('is not a replica (not in recovery)');
      const replayLsn = parseLsn(state.replayLsn);
      replica.replayLsn = replayLsn;
      replica.lagMs =
        replayLsn !== null && primaryLsn !== null && caughtUp(replayLsn, primaryLsn)
          ? 0
          : state.sinceLastReplayMs === null
            ? null
            : Math.max(0, Math.round(state.sinceLastReplayMs));
      replica.usable = replica.lagMs !== null && replica.lagMs <= this.#maxLagMs;
      replica.problem = replica.usable ? null : `lags ${replica.lagMs ?? 'an unknown time'} ms`;
    } catch (error) {
      replica.usable = false;
      replica.lagMs = null;
      replica.problem = (error as Error).message;
    }
  }

  /** A usable replica that has replayed `minLsn`, taken in turn; null when none has. */
  #pick(minLsn: bigint | null): Replica | null {
    for (let tried = 0; tried < this.#replicas.length; tried++) {
      const replica = this.#replicas[this.#next++ % this.#replicas.length]!;
      if (!replica.usable) continue;
      if (minLsn !== null && (replica.replayLsn === null || replica.replayLsn < minLsn)) continue;
      return replica;
    }
    return null;
  }

  #routingPool(): PostgresPool {
    const primary = this.#primaryPool;
    return {
      connect: async () => {
        const context = readContext.getStore();
        if (!context) return primary.connect();
        return this.#lazyClient(context);
      },
      end: async () => {
        // The primary's pool is ended by its own Kysely; the replicas' by close().
      },
    };
  }

  /** A connection that chooses where to go at its first statement. */
  #lazyClient(context: ReadContext): PostgresPoolClient {
    let client: PostgresPoolClient | null = null;
    let onReplica: Replica | null = null;
    const choose = async (text: string): Promise<PostgresPoolClient> => {
      const replica = /^\s*(begin|start\s+transaction)/i.test(text) ? null : this.#pick(context.minLsn);
      if (replica) {
        try {
          const replicaClient = await replica.pool.connect();
          onReplica = replica;
          return replicaClient;
        } catch (error) {
          this.#skip(replica, error);
        }
      }
      return primary.connect();
    };
    const primary = this.#primaryPool;
    const query = async (text: string, values: readonly unknown[]): Promise<PostgresQueryResult<unknown>> => {
      client ??= await choose(text);
      try {
        return await client.query<unknown>(text, values);
      } catch (error) {
        if (!onReplica || !isReplicaTrouble(error)) throw error;
        // Not in a transaction (those never go to a replica): safe to ask the primary instead.
        if ((error as { code?: string }).code !== '25006') this.#skip(onReplica, error);
        client.release(true);
        onReplica = null;
        client = await primary.connect();
        return client.query<unknown>(text, values);
      }
    };
    return {
      query: query as PostgresPoolClient['query'],
      release: (destroy?: boolean) => {
        client?.release(destroy);
        client = null;
      },
    } as PostgresPoolClient;
  }

  #skip(replica: Replica, error: unknown): void {
    replica.usable = false;
    replica.problem = (error as Error).message;
  }

  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.#checking?.catch(() => {});
    await Promise.all(this.#replicas.map((replica) => replica.close().catch(() => {})));
  }
}
