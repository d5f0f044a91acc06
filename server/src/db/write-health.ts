/**
 * Whether the database can write, for /api/health. A full disk does not stop reads, so the
 * database still answers the health check's query; this is how health learns that writes fail.
 */

/** How long one write refused for lack of room keeps health saying so (PostgreSQL server mode). */
const REMEMBER_FULL_MS = 30_000;

export class WriteHealth {
  #problem: string | null = null;
  #fullSeenAt = -Infinity;

  /** What the database itself knows (the embedded database watches its disk): null when it can write. */
  set(problem: string | null): void {
    // Room again: the writes refused meanwhile are no longer news.
    if (this.#problem && !problem) this.#fullSeenAt = -Infinity;
    this.#problem = problem;
  }

  /** A write just failed because the disk is full (SQLSTATE 53100, ENOSPC). */
  noteStorageFull(): void {
    this.#fullSeenAt = Date.now();
  }

  /** Why the database cannot write now, or null. */
  problem(): string | null {
    if (this.#problem) return this.#problem;
    if (Date.now() - this.#fullSeenAt < REMEMBER_FULL_MS)
      return 'The database cannot write: a write failed in the last 30 seconds because its disk is full.';
    return null;
  }
}
