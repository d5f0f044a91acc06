/**
 * The job queue and LISTEN/NOTIFY on both databases: jobs written with a change exist only when
 * it commits, run once, are retried with a pause and fail for good after their attempts; a
 * running worker is woken by the commit; notifications arrive after commit and never on rollback.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { notifySql } from '../../server/src/db/listener.js';
import { cancelJobs, enqueueJob, findFailedJobs } from '../../server/src/jobs/queue.js';
import { JobWorker, retryDelaySeconds, type Job } from '../../server/src/jobs/worker.js';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp();

function worker(handlers: Record<string, (job: Job) => Promise<void>>, pollMs = 50) {
  const jobs = new JobWorker({ db: t.db, listener: t.database.listener, log: t.app.log, pollMs });
  for (const [kind, handler] of Object.entries(handlers)) jobs.handle(kind, handler);
  return jobs;
}

async function pending() {
  return t.db.selectFrom('jobs').select(['kind', 'key', 'status', 'attempts', 'run_at', 'last_error']).execute();
}

async function until(check: () => boolean | Promise<boolean>, ms = 5000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('jobs', () => {
  it('exist only when the transaction that wrote them commits, and run once', async () => {
    await t.db.transaction().execute((trx) => enqueueJob(trx, { kind: 'count', payload: { n: 1 } }));
    await expect(
      t.db.transaction().execute(async (trx) => {
        await enqueueJob(trx, { kind: 'count', payload: { n: 2 } });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const seen: unknown[] = [];
    const jobs = worker({ count: async (job) => void seen.push(job.payload.n) });
    expect(await jobs.runDue()).toBe(1);
    expect(seen).toEqual([1]);
    expect(await jobs.runDue()).toBe(0);
    expect(await pending()).toEqual([]);
  });

  it('wait until they are due; a key keeps one job, rescheduled or cancelled', async () => {
    const later = new Date(Date.now() + 3_600_000);
    await enqueueJob(t.db, { kind: 'remind', key: 'remind:1', runAt: later });
    await enqueueJob(t.db, { kind: 'remind', key: 'remind:1', runAt: new Date(later.getTime() + 60_000) });
    await enqueueJob(t.db, { kind: 'remind', key: 'remind:2', runAt: later });
    const rows = await pending();
    expect(rows.map((row) => row.key).sort()).toEqual(['remind:1', 'remind:2']);
    expect(rows.find((row) => row.key === 'remind:1')!.run_at.getTime()).toBe(later.getTime() + 60_000);
    const ran: string[] = [];
    expect(await worker({ remind: async (job) => void ran.push(String(job.id)) }).runDue()).toBe(0);
    await cancelJobs(t.db, ['remind:1', 'remind:2']);
    expect(await pending()).toEqual([]);
  });

  it('retry a failure later, then fail for good after their attempts, keeping the error', async () => {
    await enqueueJob(t.db, { kind: 'flaky', maxAttempts: 2 });
    const jobs = worker({
      flaky: async (job) => {
        throw new Error(`attempt ${job.attempt} failed`);
      },
    });
    expect(await jobs.runDue()).toBe(1);
    const [afterFirst] = await pending();
    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, last_error: 'attempt 1 failed' });
    expect(afterFirst!.run_at.getTime()).toBeGreaterThan(Date.now() + 4000);
    // Due again now, as if the pause had passed.
    await sql`update jobs set run_at = now()`.execute(t.db);
    expect(await jobs.runDue()).toBe(1);
    const [failed] = await findFailedJobs(t.db, 10);
    expect(failed).toMatchObject({ kind: 'flaky', attempts: 2, last_error: 'attempt 2 failed' });
    expect(await jobs.runDue()).toBe(0);
    await t.db.deleteFrom('jobs').execute();
  });

  it('pause longer after each failure, up to an hour', () => {
    expect(retryDelaySeconds(1)).toBeGreaterThanOrEqual(5);
    expect(retryDelaySeconds(1)).toBeLessThanOrEqual(6);
    expect(retryDelaySeconds(3)).toBeGreaterThanOrEqual(20);
    expect(retryDelaySeconds(30)).toBeLessThanOrEqual(3600 * 1.2);
  });

  it('are run by a started worker as soon as the transaction commits, each by one of two workers', async () => {
    const seen: number[] = [];
    const handler = async (job: Job) => void seen.push(Number(job.payload.n));
    // They look for due jobs only every minute: what runs these at once is the commit's notification.
    const [one, two] = [worker({ count: handler }, 60_000), worker({ count: handler }, 60_000)];
    await one.start();
    await two.start();
    try {
      await t.db.transaction().execute(async (trx) => {
        for (let n = 0; n < 20; n++) await enqueueJob(trx, { kind: 'count', payload: { n } });
      });
      await until(() => seen.length === 20);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
    } finally {
      await one.stop();
      await two.stop();
    }
  });
});

describe('notifications between processes (LISTEN/NOTIFY)', () => {
  it('arrive after the transaction commits, and never for one rolled back', async () => {
    const got: string[] = [];
    const stop = await t.database.listener.listen('vicinity_test', (payload) => got.push(payload));
    try {
      await t.db.transaction().execute(async (trx) => {
        await notifySql('vicinity_test', 'kept').execute(trx);
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(got).toEqual([]);
      });
      await expect(
        t.db.transaction().execute(async (trx) => {
          await notifySql('vicinity_test', 'rolled back').execute(trx);
          throw new Error('roll back');
        }),
      ).rejects.toThrow('roll back');
      await notifySql('vicinity_test', 'alone').execute(t.db);
      await until(() => got.length === 2);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(got).toEqual(['kept', 'alone']);
    } finally {
      stop();
    }
  });

  it('refuse channel names that would need quoting', () => {
    expect(() => notifySql('Bad-Name')).toThrow('Not a channel name');
  });
});
