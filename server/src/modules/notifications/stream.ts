/**
 * The live stream (Server-Sent Events) of this process: every open stream, by person.
 *
 * A transaction that writes notifications names their people on the notifications channel
 * (pg_notify, delivered to every process after commit); a process with streams of those people
 * reads what is new for them, for all of them in one query, and writes it out. The event id is
 * the notification id, which per person only grows in commit order (migration 0040), so a client
 * that comes back with `Last-Event-ID: N` gets everything after N, nothing twice. Each stream
 * also gets `unread` events carrying the bell's count, with the id the stream has reached, so a
 * client that had no notification yet still resumes from the right place.
 *
 * A stream costs its socket and one small object: the heartbeat is one timer for all of them,
 * and nothing per stream is kept beyond the response to write to and where it has got to.
 */
import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseListener } from '../../db/listener.js';
import type { Database } from '../../db/schema.js';
import { countUnread, findLatestId, findNewerThan, NOTIFICATIONS_CHANNEL, type InboxRow } from './queries.js';
import type { NotificationItem } from './schemas.js';

export interface StreamOptions {
  /** A comment line this often keeps proxies from closing an idle stream and finds dead sockets. */
  heartbeatMs?: number;
  /** Streams are closed after this long; the client opens a new one with a new ticket and resumes. */
  maxAgeMs?: number;
  /** Notifications read per person per query; more are read by the next query. */
  batch?: number;
  /** A client that reads so slowly that this much waits unsent is dropped; it resumes when it returns. */
  maxBufferedBytes?: number;
}

class Stream {
  /** The last event id the client has been brought up to; null until known. */
  position: number | null = null;
  /** The unread count last sent; -1 before the first. */
  unread = -1;
  constructor(
    readonly userId: number,
    readonly response: ServerResponse,
    readonly openedAt: number,
  ) {}
}

export class NotificationStreams {
  readonly #byUser = new Map<number, Stream[]>();
  readonly #dirty = new Set<number>();
  #flushing: Promise<void> | null = null;
  #again = false;
  #heartbeat: NodeJS.Timeout | undefined;
  #unlisten: (() => void) | undefined;
  #count = 0;
  #started: Promise<void> | null = null;
  #closed = false;
  readonly #options: Required<StreamOptions>;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly listener: DatabaseListener,
    private readonly log: FastifyBaseLogger,
    private readonly toItem: (row: InboxRow) => NotificationItem,
    options: StreamOptions = {},
  ) {
    this.#options = {
      heartbeatMs: options.heartbeatMs ?? 20_000,
      maxAgeMs: options.maxAgeMs ?? 3_600_000,
      batch: options.batch ?? 100,
      maxBufferedBytes: options.maxBufferedBytes ?? 512 * 1024,
    };
  }

  /** Open streams in this process. */
  get size(): number {
    return this.#count;
  }

  /** Listens for news and starts the heartbeat, at the first stream: a process without streams does neither. */
  #start(): Promise<void> {
    this.#started ??= (async () => {
      this.#unlisten = await this.listener.listen(NOTIFICATIONS_CHANNEL, (payload) => {
        for (const id of payload.split(',')) {
          const userId = Number(id);
          if (this.#byUser.has(userId)) this.#dirty.add(userId);
        }
        this.#schedule();
      });
      this.#heartbeat = setInterval(() => this.#beat(), this.#options.heartbeatMs);
      this.#heartbeat.unref();
    })();
    return this.#started;
  }

  /** Ends every stream (the server is closing); clients come back to another process. */
  close(): void {
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#unlisten?.();
    for (const streams of this.#byUser.values()) for (const stream of streams) stream.response.end();
    this.#byUser.clear();
  }

  /**
   * Starts a stream on a response the caller has taken over: after `lastEventId` when the client
   * resumes, else from now (its first event gives the unread count and where it starts).
   */
  async open(userId: number, response: ServerResponse, lastEventId: number | null): Promise<void> {
    if (this.#closed) {
      response.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    try {
      await this.#start();
    } catch (error) {
      this.log.warn({ err: error }, 'could not listen for notifications');
      response.writeHead(503, { 'retry-after': '1' }).end();
      return;
    }
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      // nginx and similar proxies would otherwise hold events back to fill their buffers.
      'x-accel-buffering': 'no',
    });
    response.socket?.setNoDelay(true);
    // How long a browser waits before reconnecting after the stream breaks.
    response.write('retry: 2000\n\n');
    const stream = new Stream(userId, response, Date.now());
    const streams = this.#byUser.get(userId);
    if (streams) streams.push(stream);
    else this.#byUser.set(userId, [stream]);
    this.#count += 1;
    response.once('close', () => this.#remove(stream));
    try {
      stream.position = lastEventId ?? (await findLatestId(this.db, userId));
    } catch (error) {
      this.log.warn({ err: error }, 'could not start a notification stream');
      response.destroy();
      return;
    }
    this.#dirty.add(userId);
    this.#schedule();
  }

  #remove(stream: Stream): void {
    const streams = this.#byUser.get(stream.userId);
    if (!streams) return;
    const index = streams.indexOf(stream);
    if (index < 0) return;
    streams.splice(index, 1);
    this.#count -= 1;
    if (streams.length === 0) this.#byUser.delete(stream.userId);
  }

  #beat(): void {
    const now = Date.now();
    for (const streams of this.#byUser.values()) {
      for (const stream of [...streams]) {
        if (now - stream.openedAt > this.#options.maxAgeMs) stream.response.end();
        else this.#write(stream, ':\n\n');
      }
    }
  }

  #write(stream: Stream, text: string): void {
    const { response } = stream;
    if (response.writableLength > this.#options.maxBufferedBytes) {
      response.destroy();
      return;
    }
    response.write(text);
  }

  #schedule(): void {
    if (this.#flushing) {
      this.#again = true;
      return;
    }
    if (this.#dirty.size === 0) return;
    this.#flushing = this.#flush()
      .catch((error: unknown) => {
        // The database may be away for a moment: the people stay due, and the next nudge (or
        // the heartbeat's) tries again.
        this.log.warn({ err: error }, 'could not read notifications for live streams');
      })
      .finally(() => {
        this.#flushing = null;
        if (this.#again) {
          this.#again = false;
          this.#schedule();
        }
      });
  }

  async #flush(): Promise<void> {
    const users = [...this.#dirty];
    this.#dirty.clear();
    const after = new Map<number, number>();
    for (const userId of users) {
      for (const stream of this.#byUser.get(userId) ?? []) {
        if (stream.position === null) continue;
        after.set(userId, Math.min(after.get(userId) ?? Infinity, stream.position));
      }
    }
    if (after.size === 0) return;
    let rows: InboxRow[];
    let unread: Map<number, number>;
    try {
      [rows, unread] = await Promise.all([
        findNewerThan(this.db, after, this.#options.batch),
        countUnread(this.db, [...after.keys()]),
      ]);
    } catch (error) {
      for (const userId of after.keys()) this.#dirty.add(userId);
      throw error;
    }
    const byUser = new Map<number, InboxRow[]>();
    for (const row of rows) {
      const list = byUser.get(row.user_id);
      if (list) list.push(row);
      else byUser.set(row.user_id, [row]);
    }
    for (const userId of after.keys()) {
      const news = byUser.get(userId) ?? [];
      // A full batch: there may be more, read by the next round.
      if (news.length === this.#options.batch) {
        this.#dirty.add(userId);
        this.#again = true;
      }
      const items = news.map((row) => ({ id: row.id, json: JSON.stringify(this.toItem(row)) }));
      for (const stream of this.#byUser.get(userId) ?? []) {
        if (stream.position === null) continue;
        let text = '';
        for (const item of items) {
          if (item.id <= stream.position) continue;
          text += `id: ${item.id}\nevent: notification\ndata: ${item.json}\n\n`;
          stream.position = item.id;
        }
        const count = unread.get(userId) ?? 0;
        if (text !== '' || count !== stream.unread) {
          text += `id: ${stream.position}\nevent: unread\ndata: {"unread":${count}}\n\n`;
          stream.unread = count;
        }
        if (text !== '') this.#write(stream, text);
      }
    }
  }
}
