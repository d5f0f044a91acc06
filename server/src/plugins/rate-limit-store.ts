/**
 * The store behind @fastify/rate-limit: counters in PostgreSQL (db/rate-limits.ts) rather than in
 * this process's memory, so a limit holds across every server process on the database.
 */
import type { FastifyRateLimitOptions, FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import { countHit, readHits, type Hit } from '../db/rate-limits.js';
import type { Database } from '../db/schema.js';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

function answer(work: Promise<Hit>, callback: Callback): void {
  work.then(
    (hit) => callback(null, { current: hit.hits, ttl: hit.ttlMs }),
    (error: Error) => callback(error),
  );
}

class PostgresRateLimitStore implements FastifyRateLimitStore {
  constructor(
    private readonly db: Kysely<Database>,
    /** The route's method and URL: each limited route counts on its own. */
    private readonly prefix: string,
  ) {}

  incr(key: string, callback: Callback, timeWindow: number): void {
    answer(countHit(this.db, this.prefix + key, timeWindow), callback);
  }

  read(key: string, callback: Callback): void {
    answer(readHits(this.db, this.prefix + key), callback);
  }

  child(routeOptions: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
    const { method, url } = (routeOptions as unknown as { routeInfo: { method: string; url: string } }).routeInfo;
    return new PostgresRateLimitStore(this.db, `${method} ${url} `);
  }
}

/** The store's constructor, as @fastify/rate-limit's `store` option takes it, bound to a database. */
export function postgresRateLimitStore(db: Kysely<Database>) {
  return class extends PostgresRateLimitStore {
    constructor(_options: FastifyRateLimitOptions) {
      super(db, '');
    }
  };
}
