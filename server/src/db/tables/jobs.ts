import type { ColumnType, Generated } from 'kysely';

export type JobStatus = 'pending' | 'failed';

/** Work to do later or outside a request (migration 0015, server/src/jobs/). */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  payload: ColumnType<Record<string, unknown>, string | undefined, string>;
  key: string | null;
  run_at: ColumnType<Date, Date | undefined, Date>;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: ColumnType<Date, never, never>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
}

export interface JobTables {
  jobs: JobsTable;
}
