/** Rate-limit counters shared by every server process (migration 0070, db/rate-limits.ts). */
export interface RateLimitCountersTable {
  key: string;
  hits: number;
  window_ends_at: Date;
}

export interface RateLimitTables {
  rate_limit_counters: RateLimitCountersTable;
}
