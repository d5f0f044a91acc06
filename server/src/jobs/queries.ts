/** The SQL of the job queue (migration 0015). */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/schema.js';
import { notifySql } from '../db/listener.js';

type Db = Kysely<Database>;

/** Where a process is told that a job has become due (see worker.ts). */
export const JOBS_CHANNEL = 'vicinity_jobs';

export interface NewJob {
  kind: string;
  payload?: Record<string, unknown>;
  /** When it may run; now when omitted. */
  runAt?: Date;
  /** At most one job per key: writing the same key again replaces it (reschedules). */
  key?: string;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

/**
 * Writes the job; call it with the transaction of the change that calls for it. A job due now
 * wakes a worker when the transaction commits.
 */
export async function insertJob(db: Db, job: NewJob): Promise<void> {
  const runAt = job.runAt ?? null;
  await sql`insert into jobs (kind, payload, key, run_at, max_attempts)
    values (${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.key ?? null},
      coalesce(${runAt}::timestamptz, now()), ${job.maxAttempts ?? 8})
    on conflict (key) do update set kind = excluded.kind, payload = excluded.payload, run_at = excluded.run_at,
      max_attempts = excluded.max_attempts, attempts = 0, status = 'pending', locked_until = null,
      locked_by = null, last_error = null, updated_at = now()`.execute(db);
  if (runAt === null || runAt.getTime() <= Date.now()) await notifySql(JOBS_CHANNEL).execute(db);
}

/**
 * `insert into jobs … select`: one job of `kind` per row of `rows`, whose columns are `payload`
 * (jsonb), `key` (text or null) and `run_at` (timestamptz, null for now), returning each job's id.
 * For a change that calls for many jobs at once (an email to each of thousands of people), as a
 * statement of its own or a part of a `with`. Keys behave as in insertJob; call `wakeWorkers`
 * in the same transaction when some of the jobs are due now.
 */
export function insertJobsSql(kind: string, rows: RawBuilder<unknown>, maxAttempts = 8): RawBuilder<{ id: number }> {
  return sql<{ id: number }>`insert into jobs (kind, payload, key, run_at, max_attempts)
    select ${kind}::text, r.payload, r.key, coalesce(r.run_at, now()), ${maxAttempts}::int from (${rows}) r
    on conflict (key) do update set kind = excluded.kind, payload = excluded.payload, run_at = excluded.run_at,
      max_attempts = excluded.max_attempts, attempts = 0, status = 'pending', locked_until = null,
      locked_by = null, last_error = null, updated_at = now()
    returning id`;
}

/** Tells every worker, once the transaction commits, that jobs are due. */
export async function wakeWorkers(db: Db): Promise<void> {
  await notifySql(JOBS_CHANNEL).execute(db);
}

/** Removes pending jobs by key (a reminder for a meetup that was cancelled). */
export async function deleteJobs(db: Db, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await db.deleteFrom('jobs').where('key', 'in', keys).execute();
}

/** Takes up to `limit` due jobs for `leaseSeconds`, oldest due first; others skip them. */
export async function claimDueJobs(db: Db, worker: string, limit: number, leaseSeconds: number): Promise<ClaimedJob[]> {
  const { rows } = await sql<ClaimedJob>`
    update jobs set locked_until = now() + make_interval(secs => ${leaseSeconds}::float8), locked_by = ${worker},
      attempts = attempts + 1, updated_at = now()
    where id in (
      select id from jobs
      where status = 'pending' and run_at <= now() and (locked_until is null or locked_until < now())
      order by run_at, id
      limit ${limit}::int
      for update skip locked)
    returning id, kind, payload, attempts, max_attempts`.execute(db);
  return rows;
}

/** Deletes a job its worker finished, unless it was rescheduled meanwhile (its claim is gone). */
export async function finishJob(db: Db, id: number, worker: string): Promise<void> {
  await db.deleteFrom('jobs').where('id', '=', id).where('locked_by', '=', worker).execute();
}

/** A failed attempt: the job runs again after `retryInSeconds`, or fails for good at its last attempt. */
export async function failJobAttempt(
  db: Db,
  id: number,
  worker: string,
  error: string,
  retryInSeconds: number,
): Promise<void> {
  await sql`update jobs set locked_until = null, locked_by = null, last_error = ${error}, updated_at = now(),
      run_at = now() + make_interval(secs => ${retryInSeconds}::float8),
      status = case when attempts >= max_attempts then 'failed' else 'pending' end
    where id = ${id}::bigint and locked_by = ${worker}`.execute(db);
}

/** Jobs that failed for good, newest first (for admins). */
export async function findFailedJobs(db: Db, limit: number) {
  return db
    .selectFrom('jobs')
    .select(['id', 'kind', 'payload', 'attempts', 'last_error', 'updated_at'])
    .where('status', '=', 'failed')
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

export interface JobBacklog {
  kind: string;
  /** Pending and due now or earlier: waiting for a worker. */
  due: number;
  /** Pending, due later (reminders, retries). */
  scheduled: number;
  failed: number;
}

/** Jobs waiting per kind, for /metrics: due ones piling up mean the workers fall behind. */
export async function countJobBacklog(db: Db): Promise<JobBacklog[]> {
  const { rows } = await sql<JobBacklog>`
    select kind,
      (count(*) filter (where status = 'pending' and run_at <= now()))::int as due,
      (count(*) filter (where status = 'pending' and run_at > now()))::int as scheduled,
      (count(*) filter (where status = 'failed'))::int as failed
    from jobs group by kind order by kind`.execute(db);
  return rows;
}
