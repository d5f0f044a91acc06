/**
 * Runs due jobs in this process. Every process runs a worker; each job is claimed by one of them
 * (FOR UPDATE SKIP LOCKED) for a lease, run by the handler registered for its kind, then deleted.
 * A failure is retried later with a growing pause, up to the job's attempts. Workers look for due
 * jobs every second, and at once when a transaction that wrote a due job commits (LISTEN).
 *
 * A job may run more than once (its process may die after the work and before the delete), so
 * handlers make their work safe to repeat.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseListener } from '../db/listener.js';
import type { Database } from '../db/schema.js';
import { claimDueJobs, failJobAttempt, finishJob, JOBS_CHANNEL, type ClaimedJob } from './queries.js';

export interface Job {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  /** 1 on the first run. */
  attempt: number;
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobWorkerOptions {
  db: Kysely<Database>;
  listener: DatabaseListener;
  log: FastifyBaseLogger;
  /** Jobs run at once by this process. */
  concurrency?: number;
  pollMs?: number;
  /** How long a claimed job is this process's; past it, another may run it again. */
  leaseSeconds?: number;
}

/** Seconds before attempt n + 1: 5 s, 10 s, 20 s … at most an hour, spread by up to a fifth. */
export function retryDelaySeconds(attempt: number): number {
  const base = Math.min(5 * 2 ** (attempt - 1), 3600);
  return base * (1 + Math.random() / 5);
}

export class JobWorker {
  readonly #handlers = new Map<string, JobHandler>();
  readonly #id = randomUUID();
  readonly #running = new Set<Promise<void>>();
  #timer: NodeJS.Timeout | undefined;
  #unlisten: (() => void) | undefined;
  #polling: Promise<void> | null = null;
  #again = false;
  #stopped = true;

  constructor(private readonly options: JobWorkerOptions) {}

  /** Registers what runs jobs of a kind; every process registers the same handlers. */
  handle(kind: string, handler: JobHandler): void {
    if (this.#handlers.has(kind)) throw new Error(`Two handlers for jobs of kind "${kind}"`);
    this.#handlers.set(kind, handler);
  }

  async start(): Promise<void> {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#unlisten = await this.options.listener.listen(JOBS_CHANNEL, () => this.wake());
    this.#timer = setInterval(() => this.wake(), this.options.pollMs ?? 1000);
    this.#timer.unref();
    this.wake();
  }

  /** Stops claiming jobs and waits for the running ones, at most `timeoutMs`. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#unlisten?.();
    const settled = Promise.allSettled([this.#polling, ...this.#running]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
  }

  /** Looks for due jobs now (a poll already under way looks again when it ends). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#polling) {
      this.#again = true;
      return;
    }
    this.#polling = this.#poll().finally(() => {
      this.#polling = null;
      if (this.#again) {
        this.#again = false;
        this.wake();
      }
    });
  }

  /**
   * Runs every job that is due, until none is left, and resolves when they have all finished:
   * for tests and scripts, which want the work done before they look. Works stopped or not.
   */
  async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const jobs = await claimDueJobs(this.options.db, this.#id, 20, this.options.leaseSeconds ?? 60);
      if (jobs.length === 0) return ran;
      await Promise.all(jobs.map((job) => this.#run(job)));
      ran += jobs.length;
    }
  }

  async #poll(): Promise<void> {
    const concurrency = this.options.concurrency ?? 4;
    try {
      while (!this.#stopped && this.#running.size < concurrency) {
        const free = concurrency - this.#running.size;
        const jobs = await claimDueJobs(this.options.db, this.#id, free, this.options.leaseSeconds ?? 60);
        if (jobs.length === 0) return;
        for (const job of jobs) {
          const running = this.#run(job).finally(() => {
            this.#running.delete(running);
            this.wake();
          });
          this.#running.add(running);
        }
      }
    } catch (error) {
      // The database may be away for a moment; the next poll tries again.
      this.options.log.warn({ err: error }, 'could not claim jobs');
    }
  }

  async #run(claimed: ClaimedJob): Promise<void> {
    const { db, log } = this.options;
    const job: Job = { id: claimed.id, kind: claimed.kind, payload: claimed.payload, attempt: claimed.attempts };
    try {
      const handler = this.#handlers.get(job.kind);
      if (!handler) throw new Error(`No handler for jobs of kind "${job.kind}"`);
      await handler(job);
      await finishJob(db, job.id, this.#id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const last = claimed.attempts >= claimed.max_attempts;
      log[last ? 'error' : 'warn'](
        { err: error, job: { id: job.id, kind: job.kind, attempt: job.attempt } },
        'job failed',
      );
      await failJobAttempt(db, job.id, this.#id, message, retryDelaySeconds(job.attempt)).catch((failure: unknown) =>
        log.error({ err: failure }, 'could not record a failed job'),
      );
    }
  }
}
