/**
 * What features use of the job queue: write a job in the transaction of the change that calls
 * for it, or take back jobs that are no longer wanted.
 */
export {
  insertJob as enqueueJob,
  insertJobsSql as enqueueJobsSql,
  wakeWorkers,
  deleteJobs as cancelJobs,
  findFailedJobs,
  type NewJob,
} from './queries.js';
export type { Job, JobHandler } from './worker.js';
