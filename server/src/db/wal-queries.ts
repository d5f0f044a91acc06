/** Write-ahead log positions, for read replicas (replicas.ts). */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database>;

/**
 * Where the primary's write-ahead log ends now: every commit so far is at or before it. The insert
 * position, not the write position: with asynchronous commit a commit's record may not be written yet.
 */
export async function currentWalLsn(db: Db): Promise<string> {
  const { rows } = await sql<{ lsn: string }>`select pg_current_wal_insert_lsn()::text as lsn`.execute(db);
  return rows[0]!.lsn;
}

export interface ReplayState {
  /** False on a primary (not a replica at all). */
  inRecovery: boolean;
  /** How far the replica has replayed the primary's log; null when it has replayed nothing. */
  replayLsn: string | null;
  /** Milliseconds since the last transaction it replayed was committed on the primary. */
  sinceLastReplayMs: number | null;
}

/** How far a streaming replica has got. */
export async function replayState(db: Db): Promise<ReplayState> {
  const { rows } = await sql<{
    in_recovery: boolean;
    replay_lsn: string | null;
    since_ms: number | null;
  }>`select pg_is_in_recovery() as in_recovery, pg_last_wal_replay_lsn()::text as replay_lsn,
      (extract(epoch from clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000)::float8 as since_ms`.execute(db);
  const row = rows[0]!;
  return { inRecovery: row.in_recovery, replayLsn: row.replay_lsn, sinceLastReplayMs: row.since_ms };
}
