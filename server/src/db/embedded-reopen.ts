/**
 * The embedded database's thread, opened again from its files when PGlite dies under it. A PANIC
 * (the usual one: no room on the disk for the next WAL file) leaves PGlite unable to answer
 * another statement; what it acknowledged is in its files, so a new PGlite on the same data
 * directory recovers it, as after a crash. Until that succeeds (on a full disk it cannot: its
 * recovery writes) every request fails at once with the reason, instead of hanging.
 */
import type { EmbeddedAsk, EmbeddedOpening, EmbeddedReply } from './embedded-protocol.js';
import { EmbeddedThread } from './embedded-thread.js';
import { isStorageFull } from './errors.js';
import { freeBytes } from './free-space.js';

/** PGlite's recovery writes a checkpoint and may need a new 16 MB WAL file: no try with less room. */
const ROOM_TO_REOPEN_BYTES = 24 * 1024 * 1024;
const RETRY_MS = { first: 500, most: 5000 };

/** The error every request gets while the database is reopening (its code chooses the answer). */
function whileDown(cause: Error): Error {
  return isStorageFull(cause)
    ? Object.assign(new Error('The disk under the embedded database is full; it opens again once there is room.'), {
        code: '53100',
      })
    : Object.assign(new Error('The embedded database stopped; it is being opened again.'), { code: '57P03' });
}

export class ReopeningThread {
  #thread: EmbeddedThread;
  /** Goes up with every new thread: a transaction begun on an older one must not go on here. */
  #generation = 1;
  #down: Error | null = null;
  #closed = false;
  #pause = RETRY_MS.first;
  readonly #channels = new Set<string>();
  readonly #notificationListeners: Array<(channel: string, payload: string) => void> = [];
  /** Statements every new thread runs before anything else (the read-only switch). */
  #sessionSetup: string[] = [];

  private constructor(
    thread: EmbeddedThread,
    /** How to open it again; null when it cannot be (in memory, from a snapshot). */
    private readonly reopening: (EmbeddedOpening & { dataDir: string }) | null,
    private readonly onStateChange: (down: Error | null) => void,
  ) {
    this.#thread = thread;
    this.#watch(thread);
  }

  static async start(opening: EmbeddedOpening, onStateChange: (down: Error | null) => void) {
    const thread = await EmbeddedThread.start(opening);
    // A restore's snapshot is unpacked once; later opens read the files it left.
    const reopening = 'dataDir' in opening ? { dataDir: opening.dataDir } : null;
    return new ReopeningThread(thread, reopening, onStateChange);
  }

  get generation(): number {
    return this.#generation;
  }

  /** Why requests fail now (the database is reopening), or null. */
  get down(): Error | null {
    return this.#down;
  }

  /** Sends `ask` to the current thread; with `generation`, only if that thread is still the one. */
  async request(ask: EmbeddedAsk, generation?: number): Promise<EmbeddedReply> {
    if (this.#down) throw this.#down;
    if (generation !== undefined && generation !== this.#generation)
      throw whileDown(new Error('The embedded database was opened again during this transaction.'));
    return this.#thread.request(ask);
  }

  async listen(channel: string): Promise<void> {
    this.#channels.add(channel);
    await this.request({ op: 'listen', channel });
  }

  onNotification(listener: (channel: string, payload: string) => void): void {
    this.#notificationListeners.push(listener);
    this.#thread.onNotification(listener);
  }

  /** Statements a reopened thread runs first, so that a session setting outlives the thread. */
  setSessionSetup(statements: string[]): void {
    this.#sessionSetup = statements;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (!this.#down) await this.#thread.close();
  }

  #watch(thread: EmbeddedThread): void {
    thread.onEnded((cause) => {
      if (this.#closed || thread !== this.#thread) return;
      this.#down = whileDown(cause);
      this.onStateChange(this.#down);
      if (this.reopening) this.#scheduleReopen();
    });
  }

  #scheduleReopen(): void {
    const timer = setTimeout(() => void this.#reopen(), this.#pause);
    timer.unref();
    this.#pause = Math.min(this.#pause * 2, RETRY_MS.most);
  }

  async #reopen(): Promise<void> {
    if (this.#closed || !this.reopening) return;
    const room = await freeBytes(this.reopening.dataDir);
    if (room !== null && room < ROOM_TO_REOPEN_BYTES) return this.#scheduleReopen();
    let thread: EmbeddedThread | undefined;
    try {
      thread = await EmbeddedThread.start(this.reopening);
      for (const sql of this.#sessionSetup) await thread.request({ op: 'query', sql, parameters: [] });
      for (const channel of this.#channels) await thread.request({ op: 'listen', channel });
    } catch {
      thread?.terminate();
      return this.#scheduleReopen();
    }
    if (this.#closed) return void thread.close();
    for (const listener of this.#notificationListeners) thread.onNotification(listener);
    this.#thread = thread;
    this.#generation += 1;
    this.#pause = RETRY_MS.first;
    this.#down = null;
    this.#watch(thread);
    this.onStateChange(null);
  }
}
